/**
 * Access matrix rows of the holiday batch and claim actions. Members (officers and the chair are members too)
 * choose; officers and the chair run batches (union B's chair in their own union). A clerk is not a member and runs
 * nothing here. The payloads name a batch that does not exist (NOT_FOUND past the door), or ask for defaults and
 * lists, so what is tested is the door alone; batchSave sends a valid batch (refused past the door for want of a
 * policy in the matrix's world).
 */
import { MEMBERS, STAFF, type AccessCases } from '../testing/access';

const NO_BATCH = 'no-such-batch';
const key = (who: string) => `access-${who}-${Math.random().toString(36).slice(2, 10)}`;

export const batchAccess = {
  claimHome: { payload: () => ({}), allowed: MEMBERS },
  claimBatch: { payload: () => ({ batchId: NO_BATCH }), allowed: MEMBERS },
  claimChoose: { payload: () => ({ batchId: NO_BATCH, optionId: 'o1', way: 'pickup', placeId: 'p1' }), allowed: MEMBERS },
  batchList: { payload: () => ({}), allowed: STAFF },
  batchDefaults: { payload: () => ({ holiday: 'midAutumn', year: 2027 }), allowed: STAFF },
  batchSave: {
    payload: (_x, who) => ({
      requestKey: key(who),
      holiday: 'springFestival',
      year: 2027,
      closesOn: '2027-01-30',
      pickupEndsOn: '2027-02-05',
      options: [
        { name: '门禁测试甲', unitFen: 10_000, form: 'in_kind', stock: null },
        { name: '门禁测试乙', unitFen: 10_000, form: 'in_kind', stock: 10 },
      ],
      places: [{ name: '工会办公室', times: '工作日 9:00—17:00' }],
    }),
    allowed: STAFF,
  },
  batchGet: { payload: () => ({ batchId: NO_BATCH }), allowed: STAFF },
  batchOpen: { payload: () => ({ batchId: NO_BATCH }), allowed: STAFF },
  batchPickup: { payload: () => ({ batchId: NO_BATCH, code: 'ABCD2345' }), allowed: STAFF },
  batchExport: { payload: () => ({ batchId: NO_BATCH }), allowed: STAFF },
  batchUnpicked: { payload: () => ({ batchId: NO_BATCH }), allowed: STAFF },
  batchReverseUnpicked: { payload: () => ({ batchId: NO_BATCH, reason: '门禁测试' }), allowed: STAFF },
} satisfies Partial<AccessCases<'gifts'>>;
