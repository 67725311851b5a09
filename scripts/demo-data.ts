/**
 * Demo data for `npm start` (demo mode only): the accounts offered by the H5 dev sign-in, and the documents
 * loaded into a fresh data folder. The roster and roles arrive with the members issue; until then the demo
 * accounts are plain WeChat identities that are not yet bound to a member.
 */
import type { DemoAccount } from '../emulator/emulator';

export const DEMO_UNION = {
  _id: 'demo-union',
  name: '淄博市科技局机关工会',
  shortName: '科技局机关工会',
  parentCommittee: '淄博市直机关工会',
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { openid: 'demo-member-zhang', label: '演示会员 张伟' },
  { openid: 'demo-member-wang', label: '演示会员 王芳' },
  { openid: 'demo-officer-li', label: '演示工会干部 李娜' },
];
