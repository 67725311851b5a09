/** Event and sign-up documents → what a member or an officer sees of them (only the fields the contract names). */
import { EVENT_KIND_LABELS, ineligibleReason, signupWindowReason, cancelReason, type ExtraField, type Answers, type MemberFacts } from '../../src/core/domain/events';
import { PAGES } from '../../src/core/pages';
import { GENDER_LABELS } from '../../src/core/domain/vocabulary';
import { FORM_LABELS } from '../../src/core/policy/items';
import type { MemberDoc } from '../db/types';
import type { EventDoc, SignupDoc } from './store';
import type { LedgerDoc } from '../ledger/api';

/** The page a notice about an event opens, from the page registry. */
export const eventLink = (eventId: string) => `${PAGES.eventDetail.path}?id=${encodeURIComponent(eventId)}`;

export function memberFacts(m: MemberDoc): MemberFacts {
  return { id: m._id, gender: m.gender, department: m.department, birthDate: m.birthDate, status: m.status };
}

export function audienceText(a: EventDoc['audience']): string {
  const parts: string[] = [];
  if (a.memberIds) parts.push(`限指定的 ${a.memberIds.length} 位会员`);
  if (a.genders && a.genders.length === 1) parts.push(`限${GENDER_LABELS[a.genders[0]]}会员`);
  if (a.departments) parts.push(`限${a.departments.join('、')}`);
  if (a.minAge !== undefined && a.maxAge !== undefined) parts.push(`${a.minAge}–${a.maxAge} 周岁`);
  else if (a.minAge !== undefined) parts.push(`${a.minAge} 周岁以上`);
  else if (a.maxAge !== undefined) parts.push(`${a.maxAge} 周岁以下`);
  if (!a.retirees) parts.push('不含退休会员');
  return parts.length ? parts.join('；') : '全体会员（含退休会员）';
}

export function answersText(fields: readonly ExtraField[], answers: Answers): string {
  return fields
    .filter((f) => answers[f.key] !== undefined)
    .map((f) => {
      const v = answers[f.key];
      return `${f.label}：${typeof v === 'boolean' ? (v ? '是' : '否') : String(v)}`;
    })
    .join('；');
}

/** An event's cover link from links fetched for a page of events (one storage call for all). */
export function coverOf(covers: Map<string, string>, e: EventDoc): string | null {
  return e.coverFileID ? (covers.get(e.coverFileID) ?? null) : null;
}

export function seatsLeft(e: EventDoc): number | null {
  return e.capacity === null ? null : Math.max(0, e.capacity - e.seatsTaken);
}

function baseCard(e: EventDoc, coverUrl: string | null) {
  return {
    id: e._id,
    title: e.title,
    kind: e.kind,
    kindLabel: EVENT_KIND_LABELS[e.kind],
    place: e.place,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    signupClosesAt: e.signupClosesAt,
    cancelDeadline: e.cancelDeadline,
    status: e.status,
    capacity: e.capacity,
    seatsLeft: seatsLeft(e),
    waitlistCount: e.waitlistCount,
    workMeal: e.workMeal,
    hasQuestions: e.extraFields.length > 0,
    coverUrl,
  };
}

export function mySignupView(s: SignupDoc, position: number | null) {
  return {
    status: s.status,
    seats: s.seats,
    answers: s.answers,
    position: s.status === 'waitlisted' ? position : null,
    checkinCode: s.status === 'confirmed' ? s.checkinCode : null,
    checkedInAt: s.checkedInAt,
    signedUpAt: s.signedUpAt,
  };
}

/** Why the member cannot sign up now (window first, then who may join), or null. */
export function joinRefusal(e: EventDoc, member: MemberDoc, now: Date): string | null {
  return signupWindowReason(e, now) ?? ineligibleReason(e.audience, memberFacts(member), now);
}

export function eventCardView(e: EventDoc, member: MemberDoc, mine: SignupDoc | null, position: number | null, now: Date, coverUrl: string | null) {
  const active = mine && mine.status !== 'cancelled' ? mine : null;
  const reason = active ? null : joinRefusal(e, member, now);
  return {
    ...baseCard(e, coverUrl),
    joinable: !active && reason === null,
    reason: active ? null : reason,
    mine: active ? { status: active.status, position: active.status === 'waitlisted' ? position : null } : null,
  };
}

export function eventDetailView(e: EventDoc, member: MemberDoc, mine: SignupDoc | null, position: number | null, now: Date, coverUrl: string | null) {
  const active = mine && mine.status !== 'cancelled' ? mine : null;
  return {
    ...eventCardView(e, member, mine, position, now, coverUrl),
    description: e.description,
    signupOpensAt: e.signupOpensAt,
    extraFields: e.extraFields,
    audienceText: audienceText(e.audience),
    mySignup: mine ? mySignupView(mine, position) : null,
    cancellable: active !== null && active.checkedInAt === null && cancelReason(e, now) === null,
    results: e.results,
  };
}

export function eventAdminRowView(e: EventDoc, coverUrl: string | null = null) {
  return { ...baseCard(e, coverUrl), signupOpensAt: e.signupOpensAt, confirmedCount: e.confirmedCount, seatsTaken: e.seatsTaken, checkedInCount: e.checkedInCount };
}

export function eventAdminView(e: EventDoc, coverUrl: string | null = null) {
  return {
    ...baseCard(e, coverUrl),
    description: e.description,
    coverFileID: e.coverFileID,
    signupOpensAt: e.signupOpensAt,
    audience: e.audience,
    audienceText: audienceText(e.audience),
    extraFields: e.extraFields,
    confirmedCount: e.confirmedCount,
    seatsTaken: e.seatsTaken,
    checkedInCount: e.checkedInCount,
    eventCode: e.eventCode,
    results: e.results,
    createdBy: e.createdBy.name,
    updatedAt: e.updatedAt,
  };
}

export function rosterEntryView(e: EventDoc, s: SignupDoc, position: number | null) {
  return {
    memberId: s.memberId,
    name: s.name,
    employeeNo: s.employeeNo,
    department: s.department,
    status: s.status,
    seats: s.seats,
    answers: s.answers,
    answersText: answersText(e.extraFields, s.answers),
    position: s.status === 'waitlisted' ? position : null,
    signedUpAt: s.signedUpAt,
    checkedInAt: s.checkedInAt,
  };
}

/** A prize entry of the ledger as the roster and the results reply list it. */
export function prizeView(x: LedgerDoc) {
  return { memberId: x.memberId ?? '', name: x.memberName ?? '', amountFen: x.amountFen, form: x.form, formLabel: FORM_LABELS[x.form], note: x.note, entryId: x._id, at: x.at };
}
