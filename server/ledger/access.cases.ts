/** The ledger function's access matrix (run by server/access.test.ts). */
import { MEMBERS, STAFF, type AccessCases } from '../testing/access';

export const ledgerAccess: AccessCases<'ledger'> = {
  policyTemplates: { payload: () => undefined, allowed: [...STAFF, 'auditor'] },
  policyGet: { payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  policySave: { payload: () => ({ year: 2026, templateId: 'zibo-kjj-2017' }), allowed: STAFF },
  budgetList: { payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  budgetSet: { payload: () => ({ year: 2026, line: 'birthday', amountFen: 1_000_000 }), allowed: STAFF },
  ledgerRecord: {
    payload: (x) => ({ item: 'study_award', memberId: x.ids.member, amountFen: 100, form: 'in_kind', requestKey: `access-${Math.random().toString(36).slice(2)}` }),
    allowed: STAFF,
  },
  ledgerReverse: { payload: () => ({ entryId: 'no-such-entry', reason: '测试冲正' }), allowed: STAFF },
  ledgerList: { payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  ledgerExport: { payload: () => ({ year: 2026 }), allowed: [...STAFF, 'auditor'] },
  // Every member reads the report and their own benefits; a clerk is not a member.
  report: { payload: () => ({ year: 2026 }), allowed: MEMBERS },
  myBenefits: { payload: () => ({ year: 2026 }), allowed: MEMBERS },
};
