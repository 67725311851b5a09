/** The union's policy for a year: start from a shipped template, or save an edited profile (validated whole). */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { LedgerContract } from '../../src/core/contracts/ledger';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError } from '../../src/core/errors';
import { POLICY_TEMPLATES, startFromTemplate } from '../../src/core/policy/profiles';
import { validatePolicy, type PolicyProfile } from '../../src/core/policy/profile';
import { HOLIDAY_LABELS } from '../../src/core/policy/items';
import { formatYuan } from '../../src/core/money';
import { tables } from '../db/tables';
import { audit, actorRef } from '../db/audit';
import { policyId, ledgerTables } from './store';

type H<K extends ActionName<LedgerContract>> = Handler<LedgerContract, K, ActorContext>;

function summarise(p: PolicyProfile): string {
  const holidays = Object.entries(p.holidays)
    .map(([h, r]) => `${HOLIDAY_LABELS[h as keyof typeof HOLIDAY_LABELS]} ${r.capFen === null ? '不限' : formatYuan(r.capFen)}`)
    .join('、');
  const annual = p.holidayAnnualCapFen ? `，全年不超过 ${formatYuan(p.holidayAnnualCapFen.capFen)} 元` : '';
  return holidays ? `节日慰问：${holidays} 元${annual}` : '不发放节日慰问品';
}

export const policyTemplates: H<'policyTemplates'> = async () => ({
  items: POLICY_TEMPLATES.map((t) => ({ id: t.id, name: t.name, year: t.year, summary: summarise(t) })),
});

export const policyGet: H<'policyGet'> = async (input, { db, actor }) => {
  const doc = await ledgerTables(db).policies.byId(policyId(actor.unionId, input.year));
  return { policy: doc?.profile ?? null, updatedAt: doc?.updatedAt ?? null, updatedBy: doc?.updatedBy ?? null };
};

export const policySave: H<'policySave'> = async (input, { db, actor, now }) => {
  let profile: PolicyProfile;
  if ('templateId' in input) {
    const union = await tables(db).unions.byId(actor.unionId);
    profile = startFromTemplate(input.templateId, input.year, union?.name ?? '本工会');
  } else {
    const checked = validatePolicy(input.profile);
    if (!checked.ok) throw new AppError('VALIDATION_FAILED', `政策有 ${checked.issues.length} 处问题，未保存`, checked.issues.map((i) => ({ path: ['profile', ...i.path], message: i.message })));
    profile = checked.policy;
    if (profile.year !== input.year) throw new AppError('VALIDATION_FAILED', `政策中的年度（${profile.year}）与要保存的年度（${input.year}）不一致`, [{ path: ['profile', 'year'], message: '年度不一致' }]);
  }
  const id = policyId(actor.unionId, input.year);
  const before = await ledgerTables(db).policies.byId(id);
  await ledgerTables(db).policies.set(id, { unionId: actor.unionId, year: input.year, profile, updatedAt: now, updatedBy: actor.name });
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'policy.save',
    target: { kind: 'policy', id, label: `${input.year} 年度政策` },
    from: before ? { summary: summarise(before.profile), profile: before.profile } : null,
    to: { summary: `${'templateId' in input ? `以模板"${profile.basedOn ?? ''}"为基础；` : ''}${summarise(profile)}`, profile },
  });
  return { policy: profile };
};
