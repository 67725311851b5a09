/**
 * The care function's access matrix (run by server/access.test.ts): one row per action of the contract. Members
 * ask (a clerk is not one); officers, the chair and the 关爱专员 handle; the settings, the figures and the Excel are
 * officers' and the chair's; only the chair reveals an anonymous sender. Past the door a handler still decides per
 * case (views.ts): the payloads name a case that does not exist, so what is tested here is the door alone.
 */
import { MEMBERS, STAFF, type AccessCases } from '../testing/access';

const NO_CASE = 'no-such-case';
const key = (who: string) => `access-${who}-${Math.random().toString(36).slice(2, 10)}`;
const HANDLERS = [...STAFF, 'careHandler'] as const;

export const careAccess: AccessCases<'care'> = {
  submit: { payload: (_x, who) => ({ category: 'work', title: '门禁测试', body: '门禁测试', contact: 'app', requestKey: key(who) }), allowed: MEMBERS },
  report: { payload: (_x, who) => ({ category: 'marriage', eventDate: '2026-10-01', requestKey: key(who) }), allowed: MEMBERS },
  colleagues: { payload: () => ({ q: '王' }), allowed: MEMBERS },
  mine: { payload: () => ({}), allowed: MEMBERS },
  get: { payload: () => ({ caseId: NO_CASE }), allowed: MEMBERS },
  addInfo: { payload: () => ({ caseId: NO_CASE, text: '补充' }), allowed: MEMBERS },
  withdraw: { payload: () => ({ caseId: NO_CASE }), allowed: MEMBERS },
  rate: { payload: () => ({ caseId: NO_CASE, rating: 'satisfied' }), allowed: MEMBERS },
  queue: { payload: () => ({}), allowed: HANDLERS },
  handlers: { payload: () => undefined, allowed: HANDLERS },
  accept: { payload: () => ({ caseId: NO_CASE }), allowed: HANDLERS },
  assign: { payload: (x) => ({ caseId: NO_CASE, handlerId: x.ids.officer, reason: '门禁测试' }), allowed: HANDLERS },
  reply: { payload: () => ({ caseId: NO_CASE, text: '答复' }), allowed: HANDLERS },
  note: { payload: () => ({ caseId: NO_CASE, text: '备注' }), allowed: HANDLERS },
  sendBack: { payload: () => ({ caseId: NO_CASE, reason: '门禁测试' }), allowed: HANDLERS },
  close: { payload: () => ({ caseId: NO_CASE, summary: '门禁测试' }), allowed: HANDLERS },
  // Past the door the case decides (NOT_FOUND here); paying also needs ledger.write, tested in visits.test.ts.
  visit: { payload: () => ({ caseId: NO_CASE, visitedOn: '2026-11-18', visitors: '门禁测试', photos: [], requestKey: key('visit') }), allowed: HANDLERS },
  reveal: { payload: () => ({ caseId: NO_CASE, reason: '门禁测试' }), allowed: ['otherOfficer', 'chair'] },
  // Officers and the chair (another union's chair sees their own union's, empty, figures): not a 关爱专员 or the auditor.
  stats: { payload: () => ({ year: 2026 }), allowed: STAFF },
  export: { payload: () => ({ year: 2026, month: 10 }), allowed: STAFF },
  settingsGet: { payload: () => undefined, allowed: STAFF },
  settingsSave: { payload: () => ({ deadlines: { work: { accept: 1, close: 5 }, life: { accept: 1, close: 5 }, psychological: { accept: 1, close: 5 }, legal: { accept: 1, close: 5 }, suggestion: { accept: 1, close: 5 } }, arrangements: {} }), allowed: STAFF },
};
