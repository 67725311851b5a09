import { defineFunction } from '../runtime/defineFunction';
import { membersContract } from '../../src/core/contracts/members';
import { whoami } from './whoami';

export const main = defineFunction(membersContract, { whoami });
