import { defineFunction } from '../runtime/defineFunction';
import { ledgerContract } from '../../src/core/contracts/ledger';
import { policyGet, policySave, policyTemplates } from './policy';
import { budgetList, budgetSet } from './budgets';
import { ledgerExport, ledgerList, ledgerRecord, ledgerReverse } from './entries';
import { myBenefits, report } from './report';

export const main = defineFunction(ledgerContract, {
  policyTemplates: { access: { permission: 'policy.read' }, handler: policyTemplates },
  policyGet: { access: { permission: 'policy.read' }, handler: policyGet },
  policySave: { access: { permission: 'policy.write' }, handler: policySave },
  budgetList: { access: { permission: 'budget.read' }, handler: budgetList },
  budgetSet: { access: { permission: 'budget.write' }, handler: budgetSet },
  ledgerRecord: { access: { permission: 'ledger.write' }, handler: ledgerRecord },
  ledgerReverse: { access: { permission: 'ledger.write' }, handler: ledgerReverse },
  ledgerList: { access: { permission: 'ledger.read' }, handler: ledgerList },
  ledgerExport: { access: { permission: 'ledger.read' }, handler: ledgerExport },
  report: { access: { permission: 'report.read' }, handler: report },
  myBenefits: { access: { permission: 'self.read' }, handler: myBenefits },
});
