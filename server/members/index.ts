import { defineFunction } from '../runtime/defineFunction';
import { membersContract } from '../../src/core/contracts/members';
import { whoami } from './whoami';
import { bind } from './binding';
import { bootstrap } from './setup';
import { clerkInvite, redeemInvite } from './clerks';
import { committeeUnions, unions, unionSetCommittee } from './unions';
import { rosterExport, rosterGet, rosterImport, rosterList, rosterSave, rosterTemplate, rosterUnbind, rosterUnlock } from './roster';
import { rolesGrant, rolesList, rolesRevoke } from './roles';
import { auditList } from './auditList';

export const main = defineFunction(membersContract, {
  whoami: { access: 'anyone', handler: whoami },
  unions: { access: 'anyone', handler: unions },
  bind: { access: 'unbound', handler: bind },
  bootstrap: { access: 'unbound', handler: bootstrap },
  redeemInvite: { access: 'unbound', handler: redeemInvite },
  rosterList: { access: { permission: 'roster.read' }, handler: rosterList },
  rosterGet: { access: { permission: 'roster.read' }, handler: rosterGet },
  rosterSave: { access: { permission: 'roster.write' }, handler: rosterSave },
  rosterImport: { access: { permission: 'roster.write' }, handler: rosterImport },
  rosterTemplate: { access: { permission: 'roster.write' }, handler: rosterTemplate },
  rosterExport: { access: { permission: 'roster.read' }, handler: rosterExport },
  rosterUnbind: { access: { permission: 'roster.write' }, handler: rosterUnbind },
  rosterUnlock: { access: { permission: 'roster.write' }, handler: rosterUnlock },
  rolesList: { access: { permission: 'roles.read' }, handler: rolesList },
  rolesGrant: { access: { permission: 'roles.write' }, handler: rolesGrant },
  rolesRevoke: { access: { permission: 'roles.write' }, handler: rolesRevoke },
  clerkInvite: { access: { permission: 'roles.write' }, handler: clerkInvite },
  unionSetCommittee: { access: { permission: 'union.write' }, handler: unionSetCommittee },
  committeeUnions: { access: { permission: 'committee.read' }, handler: committeeUnions },
  auditList: { access: { permission: 'audit.read' }, handler: auditList },
});
