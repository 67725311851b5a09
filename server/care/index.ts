/** The care function's action table (会员关爱中心): who may call each action, and its handler. Nothing else lives here. */
import { defineFunction } from '../runtime/defineFunction';
import { careContract } from '../../src/core/contracts/care';
import { addInfo, colleagues, get, mine, rate, report, submit, withdraw } from './cases';
import { accept, assign, close, handlers, note, queue, reply, reveal, sendBack } from './handling';
import { exportCases } from './export';
import { settingsGet, settingsSave } from './settings';
import { stats } from './stats';
import { visit } from './visits';

const ask = { permission: 'care.ask' } as const;
const handle = { permission: 'care.handle' } as const;
const settings = { permission: 'care.settings' } as const;
const figures = { permission: 'care.stats' } as const;

export const main = defineFunction(careContract, {
  submit: { access: ask, handler: submit },
  report: { access: ask, handler: report },
  colleagues: { access: ask, handler: colleagues },
  mine: { access: ask, handler: mine },
  // A member reads their own case; staff the cases they handle or may take (the handler decides per case).
  get: { access: ask, handler: get },
  addInfo: { access: ask, handler: addInfo },
  withdraw: { access: ask, handler: withdraw },
  rate: { access: ask, handler: rate },
  queue: { access: handle, handler: queue },
  handlers: { access: handle, handler: handlers },
  accept: { access: handle, handler: accept },
  assign: { access: handle, handler: assign },
  reply: { access: handle, handler: reply },
  note: { access: handle, handler: note },
  sendBack: { access: handle, handler: sendBack },
  close: { access: handle, handler: close },
  // The handler, an officer or the chair; paying the 慰问 also needs ledger.write (the handler checks it).
  visit: { access: handle, handler: visit },
  reveal: { access: { permission: 'care.reveal' }, handler: reveal },
  // Officers and the chair: every case counted, private ones by category only; the Excel audited.
  stats: { access: figures, handler: stats },
  export: { access: figures, handler: exportCases },
  settingsGet: { access: settings, handler: settingsGet },
  settingsSave: { access: settings, handler: settingsSave },
});
