/**
 * What other areas may ask of notices — the only door in (lint refuses any other import of server/notices from
 * another area): tell members something, in the inbox and, on the sending area's own template, by WeChat.
 */
export { notify, clip, type NewNotice } from './notify';
export type { NoticeKind } from './store';
