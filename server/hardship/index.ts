/** The hardship function's action table (困难帮扶, 大病关爱, 金秋助学): who may call each action, and its handler. */
import { defineFunction } from '../runtime/defineFunction';
import { hardshipContract } from '../../src/core/contracts/hardship';
import { get, mine, save, setup, submit, supplement, withdraw } from './applications';
import { approve, check, open, propose, queue, reject, sendBack, visit } from './review';
import { object, publicity, resolve } from './publicity';
import { decideReferral, refer, referral, referrals } from './referrals';
import { file, fileClose, fileOpen, fileReview, files, filesExport, myFile } from './files';
import { settingsSave } from './settings';

const apply = { permission: 'hardship.apply' } as const;
const review = { permission: 'hardship.review' } as const;
const committee = { permission: 'hardship.committee' } as const;

export const main = defineFunction(hardshipContract, {
  setup: { access: apply, handler: setup },
  // Past the door each action decides on the application: a member acts on their own only (another's is "not found").
  save: { access: apply, handler: save },
  submit: { access: apply, handler: submit },
  mine: { access: apply, handler: mine },
  get: { access: apply, handler: get },
  supplement: { access: apply, handler: supplement },
  withdraw: { access: apply, handler: withdraw },
  // Reviewers and the chair; one who is the applicant or of the household steps aside (FORBIDDEN with the reason).
  settingsSave: { access: review, handler: settingsSave },
  queue: { access: review, handler: queue },
  open: { access: review, handler: open },
  check: { access: review, handler: check },
  visit: { access: review, handler: visit },
  propose: { access: review, handler: propose },
  approve: { access: review, handler: approve },
  sendBack: { access: review, handler: sendBack },
  reject: { access: review, handler: reject },
  resolve: { access: review, handler: resolve },
  refer: { access: review, handler: refer },
  // The 工委's officers: the referrals of their committee only, decided and paid from its own budget and ledger.
  referrals: { access: committee, handler: referrals },
  referral: { access: committee, handler: referral },
  decideReferral: { access: committee, handler: decideReferral },
  // Household files: reviewers; a member reads their own.
  files: { access: review, handler: files },
  file: { access: review, handler: file },
  fileOpen: { access: review, handler: fileOpen },
  fileReview: { access: review, handler: fileReview },
  fileClose: { access: review, handler: fileClose },
  filesExport: { access: review, handler: filesExport },
  myFile: { access: apply, handler: myFile },
  // Every member of the union reads the 公示 and may object; the entry carries the masked name only.
  publicity: { access: apply, handler: publicity },
  object: { access: apply, handler: object },
});
