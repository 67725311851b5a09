/**
 * A union with bound members written straight into the database through the SDK: for tests and benchmarks that
 * need hundreds of members and measure something else (setting up and binding through the functions are tested
 * on their own). The member at index 0 may be given roles (an officer, say).
 */
export interface FixturePerson {
  openid: string;
  /** The employee number: the member's id is `<union>:<employeeNo>`. */
  employeeNo: string;
  roles?: string[];
  /** Absent: 1985-05-20. */
  birthDate?: string;
}

/** What of the SDK's database this needs (its own typings are callback overloads). */
interface Writable {
  collection(name: string): { add(o: { data: unknown }): Promise<unknown> };
}

export async function writeUnion(db: Writable, unionId: string, unionName: string, people: FixturePerson[], now: Date): Promise<string[]> {
  await db.collection('unions').add({ data: { _id: unionId, name: unionName, shortName: unionName.slice(0, 6), kind: 'union', committeeId: null, createdAt: now } });
  const memberIds = people.map((p) => `${unionId}:${p.employeeNo}`);
  for (let i = 0; i < people.length; i += 500) {
    const slice = people.slice(i, i + 500).map((p, k) => ({ ...p, memberId: memberIds[i + k], name: `会员${p.employeeNo}`, n: i + k }));
    await db.collection('members').add({
      data: slice.map((p) => ({ _id: p.memberId, unionId, employeeNo: p.employeeNo, name: p.name, department: `处室${p.n % 9}`, gender: 'female', birthDate: p.birthDate ?? '1985-05-20', birthMonthDay: (p.birthDate ?? '1985-05-20').slice(5, 10), phone: `139${String(p.n).padStart(8, '0')}`, joinedAt: null, status: 'active', duesPaid: true, roles: p.roles ?? [], openid: p.openid, boundAt: now, createdAt: now, updatedAt: now })),
    });
    await db.collection('accounts').add({ data: slice.map((p) => ({ _id: p.openid, kind: 'member', unionId, memberId: p.memberId, roles: [], name: p.name, shopName: null, createdAt: now })) });
  }
  return memberIds;
}
