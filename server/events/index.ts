import { defineFunction } from '../runtime/defineFunction';
import { eventsContract } from '../../src/core/contracts/events';
import { cancelSignup, checkinSelf, get, list, mine, signup } from './member';
import { adminGet, adminList, cancel, close, publish, update } from './manage';
import { exportRoster, roster } from './roster';
import { checkin } from './checkin';
import { results } from './results';

export const main = defineFunction(eventsContract, {
  list: { access: { permission: 'events.join' }, handler: list },
  get: { access: { permission: 'events.join' }, handler: get },
  signup: { access: { permission: 'events.join' }, handler: signup },
  cancelSignup: { access: { permission: 'events.join' }, handler: cancelSignup },
  mine: { access: { permission: 'events.join' }, handler: mine },
  checkinSelf: { access: { permission: 'events.join' }, handler: checkinSelf },
  adminList: { access: { permission: 'events.manage' }, handler: adminList },
  adminGet: { access: { permission: 'events.manage' }, handler: adminGet },
  publish: { access: { permission: 'events.manage' }, handler: publish },
  update: { access: { permission: 'events.manage' }, handler: update },
  close: { access: { permission: 'events.manage' }, handler: close },
  cancel: { access: { permission: 'events.manage' }, handler: cancel },
  roster: { access: { permission: 'events.manage' }, handler: roster },
  checkin: { access: { permission: 'events.manage' }, handler: checkin },
  export: { access: { permission: 'events.manage' }, handler: exportRoster },
  results: { access: { permission: 'events.manage' }, handler: results },
});
