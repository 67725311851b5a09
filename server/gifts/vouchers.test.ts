/**
 * Cake vouchers at the shop, through the emulator: the clerk checks a code (typed or scanned) and sees validity,
 * amount and last day only; redeems it once (two clerks at once: one wins); wrong, used, expired codes, another
 * shop's and another union's get their reason; guessing is limited per clerk and per shop; the member is told; the
 * month's statement per shop equals the ledger's entries to the fen, and exports.
 */
import { workbookAt } from '../testing/excel';
import { connectSdk } from '../../emulator/sdk-client';
import { GIFT_TEMPLATE, buildWorld, unwrap, type World } from '../testing/world';
import type { Db } from '../db';
import type * as Birthdays from './birthdays';
import { WRONG_CODE } from '../../src/core/domain/birthdays';

jest.setTimeout(180_000);

let w: World;
let db: Db;
let daily: typeof Birthdays.birthdaysDaily;

const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const SHOP = '好利来（人民路店）';
const OTHER_SHOP = '米旗蛋糕（中心店）';

/** Codes of union A's vouchers by who holds them (everyone in the world is born on 03-12, 1985, but the chair). */
const codes: Record<string, string> = {};

/** A clerk invited by `by` for `shop`, joined as `openid`. */
async function clerk(openid: string, shop: string, by = 'chair', name = '店员') {
  const invite = unwrap(await w.call(by, 'members', 'clerkInvite', { name, shopName: shop }));
  unwrap(await w.call(openid, 'members', 'redeemInvite', { code: invite.code }));
}

beforeAll(async () => {
  w = await buildWorld();
  process.env.GIFT_NOTICE_TEMPLATE_ID = GIFT_TEMPLATE;
  connectSdk(w.emu.url, w.emu.envId);
  daily = (await import('./birthdays')).birthdaysDaily;
  db = (await import('../db')).database();
  w.emu.clock.set(at('2026-03-10').toISOString());
  unwrap(await w.call('chair', 'ledger', 'policySave', { year: 2026, templateId: 'zibo-kjj-2017' }));
  unwrap(await w.call('officer', 'ledger', 'budgetSet', { year: 2026, line: 'birthday', amountFen: 10_000_00 }));
  unwrap(await w.call('officer', 'gifts', 'birthdaySettingsSave', { enabled: true, timing: 'daysBefore', daysBefore: 2, shopName: SHOP, amountFen: 150_00, validDays: 30, greeting: '生日快乐！' }));
  // 03-10, two days before 03-12: 李娜, 孙审计, 张伟, 王芳 (not bound), 郑专员.
  w.emu.clock.set(at('2026-03-10', '02:00').toISOString());
  expect(await daily(db, at('2026-03-10', '02:00'))).toMatchObject({ issued: 5 });
  w.emu.clock.set(at('2026-03-12').toISOString());
  for (const who of ['member', 'officer', 'auditor', 'careHandler']) {
    const { items } = unwrap(await w.call(who, 'gifts', 'myVouchers'));
    expect(items).toHaveLength(1);
    codes[who] = items[0].code;
  }
  await clerk('wx-a-clerk-2', SHOP);
  await clerk('wx-a-clerk-other', OTHER_SHOP);
  // Union B has a clerk of a shop of the same name.
  await clerk('wx-b-clerk', SHOP, 'otherOfficer');
}, 180_000);
afterAll(async () => {
  await w?.dispose();
});

test('the clerk sees validity, amount and last day — nothing of the member', async () => {
  const r = unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: codes.member }));
  expect(r).toEqual({ code: codes.member, status: 'issued', statusLabel: '可使用', usable: true, reason: null, amountFen: 150_00, lastDay: '2026-04-10', shopName: SHOP, redeemedAt: null });
  const text = JSON.stringify(r);
  for (const personal of ['张伟', '13900000004', '0004', '办公室', 'A0004', w.ids.member]) expect(text).not.toContain(personal);
  // Scanned (the QR holds CAKE:<code>) or typed in lower case without the space: the same voucher.
  const scanned = unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: `CAKE:${codes.member.replace(' ', '')}` }));
  expect(scanned.code).toBe(codes.member);
  expect(unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: codes.member.toLowerCase().replace(' ', '-') })).code).toBe(codes.member);
});

test('redeemed once; the member is told; a second time is refused with when it was used', async () => {
  const r = unwrap(await w.call('clerk', 'gifts', 'voucherRedeem', { code: codes.member }));
  expect(r).toMatchObject({ status: 'redeemed', statusLabel: '已使用', usable: false, amountFen: 150_00 });
  expect(JSON.stringify(r)).not.toContain('张伟');
  const again = await w.call('wx-a-clerk-2', 'gifts', 'voucherRedeem', { code: codes.member });
  expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('已于') } });
  const inbox = unwrap(await w.call('member', 'notices', 'list', {})).items;
  expect(inbox.filter((n) => n.kind === 'gift_voucher_redeemed')).toHaveLength(1);
  const mine = unwrap(await w.call('member', 'gifts', 'myVouchers')).items[0];
  expect(mine).toMatchObject({ status: 'redeemed', statusLabel: '已使用', qr: null });
});

test('two clerks redeem the same code at once: exactly one wins', async () => {
  const [a, b] = await Promise.all([
    w.call('clerk', 'gifts', 'voucherRedeem', { code: codes.officer }),
    w.call('wx-a-clerk-2', 'gifts', 'voucherRedeem', { code: codes.officer }),
  ]);
  expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
  const lost = a.ok ? b : a;
  expect(lost).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('已于') } });
  const inbox = unwrap(await w.call('officer', 'notices', 'list', {})).items;
  expect(inbox.filter((n) => n.kind === 'gift_voucher_redeemed')).toHaveLength(1);
});

test("another shop's code names the shop; another union's code reads exactly as a wrong one", async () => {
  expect(await w.call('wx-a-clerk-other', 'gifts', 'voucherRedeem', { code: codes.auditor })).toMatchObject({
    ok: false,
    error: { code: 'NOT_ALLOWED', message: `这张蛋糕券须在「${SHOP}」使用，不能在本店核销` },
  });
  const wrong = await w.call('wx-b-clerk', 'gifts', 'voucherCheck', { code: 'ABCDE FGHJK' });
  const otherUnion = await w.call('wx-b-clerk', 'gifts', 'voucherCheck', { code: codes.auditor });
  const malformed = await w.call('wx-b-clerk', 'gifts', 'voucherCheck', { code: '12345' });
  for (const r of [wrong, otherUnion, malformed]) expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: WRONG_CODE, issues: [{ path: ['code'], message: '券码不正确' }] } });
  // Nothing changed: the auditor's voucher can still be used at its shop.
  expect(unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: codes.auditor }))).toMatchObject({ usable: true });
  // Bad input: an empty code.
  expect(await w.call('clerk', 'gifts', 'voucherCheck', { code: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  // A member is not a clerk.
  expect(await w.call('member', 'gifts', 'voucherCheck', { code: codes.auditor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('guessing: ten wrong codes lock the clerk (a right code too, until the lock ends); thirty at one shop lock the shop', async () => {
  await clerk('wx-a-guesser', SHOP);
  const guesses = ['ABCDEFGHJK', 'BCDEFGHJKM', 'CDEFGHJKMN', 'DEFGHJKMNP', 'EFGHJKMNPQ', 'FGHJKMNPQR', 'GHJKMNPQRS', 'HJKMNPQRST', 'JKMNPQRSTU', 'KMNPQRSTUV'];
  for (const g of guesses) expect(await w.call('wx-a-guesser', 'gifts', 'voucherCheck', { code: g })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(await w.call('wx-a-guesser', 'gifts', 'voucherCheck', { code: codes.careHandler })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('输错券码次数过多') } });
  // Another clerk of the shop is not locked by it.
  expect(unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: codes.careHandler }))).toMatchObject({ usable: true });

  // The other shop: three clerks guess ten times each; then the shop is locked, for a fourth clerk as well.
  for (const id of ['wx-mq-1', 'wx-mq-2', 'wx-mq-3']) {
    await clerk(id, OTHER_SHOP);
    for (const g of guesses) await w.call(id, 'gifts', 'voucherCheck', { code: g });
  }
  await clerk('wx-mq-4', OTHER_SHOP);
  expect(await w.call('wx-mq-4', 'gifts', 'voucherCheck', { code: 'MNPQRSTUVW' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('本店') } });
  // Union A's first shop is not locked by the other shop's guesses.
  expect(unwrap(await w.call('wx-a-clerk-2', 'gifts', 'voucherCheck', { code: codes.careHandler }))).toMatchObject({ usable: true });
});

test("the shop's statement for the month equals the ledger's entries to the fen, and exports", async () => {
  const s = unwrap(await w.call('auditor', 'gifts', 'voucherStatement', { month: '2026-03' }));
  expect(s).toMatchObject({ month: '2026-03', count: 2, totalFen: 300_00 });
  expect(s.shops).toHaveLength(1);
  expect(s.shops[0]).toMatchObject({ shopName: SHOP, count: 2, totalFen: 300_00, ledgerFen: 300_00 });
  expect(s.shops[0].items.map((i) => i.code).sort()).toEqual([codes.member, codes.officer].sort());
  // The ledger's own list: the entries of the redeemed vouchers, summed.
  const ledger = unwrap(await w.call('chair', 'ledger', 'ledgerList', { year: 2026, line: 'birthday', pageSize: 100 })).items;
  const redeemedEntries = ledger.filter((e) => e.memberId === w.ids.member || e.memberId === w.ids.officer);
  expect(redeemedEntries.reduce((n, e) => n + e.amountFen, 0)).toBe(s.totalFen);
  // Another month and another union: nothing.
  expect(unwrap(await w.call('officer', 'gifts', 'voucherStatement', { month: '2026-04' }))).toMatchObject({ count: 0, shops: [] });
  expect(unwrap(await w.call('otherOfficer', 'gifts', 'voucherStatement', { month: '2026-03' }))).toMatchObject({ count: 0, shops: [] });
  // The clerk's own reckoning: their shop's redemptions of the month, no names; another shop's clerk sees none of them.
  const mine = unwrap(await w.call('clerk', 'gifts', 'shopRedemptions', {}));
  expect(mine).toMatchObject({ month: '2026-03', count: 2, totalFen: 300_00 });
  expect(JSON.stringify(mine)).not.toMatch(/张伟|李娜/);
  expect(unwrap(await w.call('wx-a-clerk-other', 'gifts', 'shopRedemptions', {}))).toMatchObject({ count: 0, items: [] });
  expect(unwrap(await w.call('wx-b-clerk', 'gifts', 'shopRedemptions', { month: '2026-03' }))).toMatchObject({ count: 0 });
  // Officers' list of the birthday month: every voucher, what became of it.
  const list = unwrap(await w.call('officer', 'gifts', 'birthdayVouchers', { month: '2026-03' }));
  expect(list).toMatchObject({ total: 5, counts: { issued: 3, redeemed: 2, expired: 0 } });
  expect(list.items.map((i) => i.memberName).sort()).toEqual(['孙审计', '张伟', '李娜', '王芳', '郑专员'].sort());
  expect(list.items.find((i) => i.memberName === '张伟')).toMatchObject({ status: 'redeemed', birthday: '2026-03-12', issuedOn: '2026-03-10', lastDay: '2026-04-10' });
  expect(unwrap(await w.call('otherOfficer', 'gifts', 'birthdayVouchers', { month: '2026-03' }))).toMatchObject({ total: 0 });
  const file = unwrap(await w.call('officer', 'gifts', 'voucherStatementExport', { month: '2026-03' }));
  expect(file).toMatchObject({ count: 2, fileName: '蛋糕店结算单-2026-03.xlsx' });
  const book = await workbookAt(file.url);
  expect(Object.keys(book)).toEqual(['结算汇总', '核销明细']);
  expect(book['结算汇总'][0]).toEqual(['蛋糕店', '月份', '核销张数', '金额（元）', '台账金额（元）']);
  expect(book['结算汇总'][1]).toEqual([SHOP, '2026年3月', '2', '300', '300']);
  expect(book['结算汇总'].some((r) => r[0].includes('合计 2 张，300.00 元，与经费台账一致') && r[0].includes('签字'))).toBe(true);
  const detail = book['核销明细'].slice(1).filter((r) => /^\d+$/.test(r[0]));
  expect(detail.map((r) => r[2]).sort()).toEqual([codes.member, codes.officer].sort());
  // The file names no member.
  expect(JSON.stringify(book)).not.toMatch(/张伟|李娜/);
  // Audited.
  const audit = unwrap(await w.call('chair', 'members', 'auditList', { page: 1, pageSize: 50 })).items;
  expect(audit.some((a) => a.action === 'gifts.statementExport')).toBe(true);
  expect(audit.some((a) => a.action === 'gifts.voucherRedeem')).toBe(true);
  expect(await w.call('officer', 'gifts', 'voucherStatement', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});

test('after its last day: the clerk is told it expired; the job expires it and reverses its entry; the statement is unchanged', async () => {
  // The auditor's voucher: last day 04-10.
  w.emu.clock.set(at('2026-04-11', '09:00').toISOString());
  expect(unwrap(await w.call('clerk', 'gifts', 'voucherCheck', { code: codes.auditor }))).toMatchObject({ status: 'expired', statusLabel: '已过期', usable: false, reason: expect.stringContaining('已过期') });
  expect(await w.call('clerk', 'gifts', 'voucherRedeem', { code: codes.auditor })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('已过期') } });
  const r = await daily(db, at('2026-04-11', '09:00'));
  // Three unused (孙审计, 王芳, 郑专员); the two redeemed stay.
  expect(r).toMatchObject({ expired: 3 });
  const ledger = unwrap(await w.call('chair', 'ledger', 'ledgerList', { year: 2026, line: 'birthday', pageSize: 100 })).items;
  expect(ledger.filter((e) => e.amountFen < 0)).toHaveLength(3);
  expect(ledger.reduce((n, e) => n + e.amountFen, 0)).toBe(300_00);
  const budget = unwrap(await w.call('chair', 'ledger', 'budgetList', { year: 2026 })).lines.find((l) => l.line === 'birthday');
  expect(budget).toMatchObject({ spentFen: 300_00, count: 2 });
  expect(unwrap(await w.call('auditor', 'gifts', 'myVouchers')).items[0]).toMatchObject({ status: 'expired', statusLabel: '已过期', qr: null });
  expect(unwrap(await w.call('auditor', 'gifts', 'voucherStatement', { month: '2026-03' }))).toMatchObject({ count: 2, totalFen: 300_00 });
  expect(unwrap(await w.call('officer', 'gifts', 'birthdayVouchers', { month: '2026-03' }))).toMatchObject({ counts: { issued: 0, redeemed: 2, expired: 3 } });
});
