/**
 * 大病关爱: the grassroots union's reviewers recommend a case to the union's 工委 (after the first check and the home
 * visit); the 工委's officers see the referral package — what is needed to decide, not the whole application — and
 * approve an amount, paid at once from the 工委's own budget and ledger (its policy: once a year, at most 50,000 in
 * the 辽宁 profile), or decline with the reason. The grassroots union and the member see the outcome.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { HardshipContract } from '../../src/core/contracts/hardship';
import type { ActionName } from '../../src/core/contracts/contract';
import { AID_ITEMS, householdSums, RELATION_LABELS, REFERRAL_STATUS_LABELS } from '../../src/core/domain/hardship';
import { AppError } from '../../src/core/errors';
import { yuanText } from '../../src/core/money';
import { shanghaiYear } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { tempUrls } from '../db/files';
import { inTransaction } from '../db/transaction';
import { tables } from '../db/tables';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { policyProfile, recordPayouts } from '../ledger/api';
import { auditTarget, changeApplicationIn, existing, mustReview } from './lifecycle';
import { referralDecidedNotice } from './notices';
import { mustAllow, viewFor } from './review';
import { fileOnApproval } from './files';
import { settingsOf } from './settings';
import { hardshipTables, referralIdOf, type ReferralDoc } from './store';

type H<K extends ActionName<HardshipContract>> = Handler<HardshipContract, K, ActorContext>;

export const refer: H<'refer'> = async (input, { db, actor, now }) => {
  const t = hardshipTables(db);
  const current = mustReview(await t.applications.byId(input.applicationId), actor);
  mustAllow(current, 'refer');
  if (current.visits.length === 0) throw new AppError('NOT_ALLOWED', '请先记录入户走访，再推荐给工委');
  const union = await tables(db).unions.byId(current.unionId);
  if (!union?.committeeId) throw new AppError('NOT_ALLOWED', '本工会尚未隶属上级工会工委，不能推荐大病关爱：请工会主席在「工会信息」中设置所属工委');
  const { facts } = current;
  const patient = facts.household[facts.patientIndex ?? 0];
  const sums = householdSums(facts);
  const referral: ReferralDoc = {
    _id: referralIdOf(current._id),
    committeeId: union.committeeId,
    unionId: current.unionId,
    unionName: union.name,
    applicationId: current._id,
    applicantId: current.applicantId,
    package: {
      name: current.applicantName,
      department: current.department,
      patient: patient ? `${RELATION_LABELS[patient.relation]}，${patient.age} 岁` : '',
      householdSize: sums.size,
      perCapitaFen: sums.perCapitaFen,
      medicalFen: facts.expenses.medicalFen,
      cause: facts.cause,
      findings: current.visits.at(-1)?.found ?? '',
      recommendation: input.recommendation,
      suggestedFen: input.suggestedFen,
      documents: current.documents,
    },
    status: 'pending',
    decision: null,
    referredBy: actorRef(actor),
    referredAt: now,
    updatedAt: now,
  };
  const after = await inTransaction(db, async (tx) => {
    const a = await changeApplicationIn(tx, current._id, now, (x) => mustReview(x, actor), (x) => {
      mustAllow(x, 'refer');
      return {
        set: { status: 'referred', referral: { id: referral._id, committeeId: referral.committeeId, by: actorRef(actor), at: now } },
        step: { status: 'referred', note: '' },
        audit: { actor: actorRef(actor), action: 'hardship.refer', target: auditTarget(x), from: null, to: { summary: `推荐给上级工会工委，建议金额 ${yuanText(input.suggestedFen)}` } },
      };
    });
    await tx.insert<ReferralDoc>('hardship_referrals', referral);
    return a;
  });
  return viewFor(db, after, actor, now);
};

/** The referral for the 工委's officer: their committee's only (anything else is "not found"). */
async function mustDecide(db: Db, referralId: string, actor: Actor): Promise<ReferralDoc> {
  const r = await hardshipTables(db).referrals.byId(referralId);
  if (!r || r.committeeId !== actor.unionId) throw new AppError('NOT_FOUND', '没有找到这份推荐');
  return r;
}

async function referralView(db: Db, r: ReferralDoc, now: Date) {
  const [urls, policy] = await Promise.all([tempUrls(r.package.documents.map((d) => d.fileID)), policyProfile(db, r.committeeId, shanghaiYear(now))]);
  const rule = policy?.items[AID_ITEMS.illness];
  return {
    id: r._id,
    unionName: r.unionName,
    status: r.status,
    statusLabel: REFERRAL_STATUS_LABELS[r.status],
    ...r.package,
    documents: r.package.documents.map((d) => ({ fileID: d.fileID, url: urls.get(d.fileID) ?? '', name: d.name, isImage: d.isImage, addedAt: d.addedAt })),
    referredBy: r.referredBy.name,
    referredAt: r.referredAt,
    decision: r.decision ? { amountFen: r.decision.amountFen, reason: r.decision.reason, by: r.decision.by.name, at: r.decision.at } : null,
    rule: rule ? { capFen: rule.capFen, source: rule.source } : null,
    can: r.status === 'pending' ? (['decide'] as const).slice() : [],
  };
}

export const referrals: H<'referrals'> = async (input, { db, actor }) => {
  const _ = db.command;
  const where = { committeeId: actor.unionId, status: input.stage === 'pending' ? 'pending' : _.in(['approved', 'declined']) };
  const { items, total } = await hardshipTables(db).referrals.findPage(where, input.stage === 'pending' ? ['referredAt', 'asc'] : ['referredAt', 'desc'], input.page, input.pageSize);
  return {
    items: items.map((r) => ({ id: r._id, unionName: r.unionName, status: r.status, statusLabel: REFERRAL_STATUS_LABELS[r.status], name: r.package.name, department: r.package.department, suggestedFen: r.package.suggestedFen, referredAt: r.referredAt })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const referral: H<'referral'> = async (input, { db, actor, now }) => {
  const r = await mustDecide(db, input.referralId, actor);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'hardship.referralRead', target: { kind: 'hardship_referral', id: r._id, label: `${r.unionName}大病关爱推荐（保密）` }, from: null, to: { summary: '查看大病关爱推荐材料' } });
  return referralView(db, r, now);
};

export const decideReferral: H<'decideReferral'> = async (input, { db, actor, now }) => {
  const r = await mustDecide(db, input.referralId, actor);
  if (r.status !== 'pending') throw new AppError('NOT_ALLOWED', `这份推荐已经决定（${REFERRAL_STATUS_LABELS[r.status]}）`);
  const by = actorRef(actor);
  const target = { kind: 'hardship_referral', id: r._id, label: `${r.unionName}大病关爱推荐（保密）` };
  const pending = (fresh: ReferralDoc | null) => {
    if (!fresh || fresh.status !== 'pending') throw new AppError('NOT_ALLOWED', '这份推荐刚刚已由其他工委干部决定，请刷新');
  };
  if (input.outcome === 'decline') {
    await inTransaction(db, async (tx) => {
      pending(await tx.get<ReferralDoc>('hardship_referrals', r._id));
      await tx.update('hardship_referrals', r._id, { status: 'declined', decision: { amountFen: 0, reason: input.reason, by, at: now, entryId: null }, updatedAt: now });
      await changeApplicationIn(tx, r.applicationId, now, existing, (a) => ({
        set: { status: 'rejected', open: false },
        step: { status: 'rejected', note: `上级工会工委未批准：${input.reason}` },
        audit: { actor: by, action: 'hardship.committeeDecline', target: auditTarget(a), from: null, to: { summary: '工委未批准大病关爱' } },
      }));
    });
  } else {
    const amountFen = input.amountFen;
    if (amountFen === undefined) throw new AppError('VALIDATION_FAILED', '请填写批准的金额', [{ path: ['amountFen'], message: '请填写批准的金额' }]);
    const [member, union, { dibaoFen }] = await Promise.all([tables(db).members.byId(r.applicantId), tables(db).unions.byId(r.unionId), settingsOf(db, r.unionId)]);
    if (!member || member.unionId !== r.unionId) throw new AppError('NOT_FOUND', '申请人已不在其工会名册中');
    if (union?.committeeId !== actor.unionId) throw new AppError('NOT_ALLOWED', `${r.unionName}已不隶属本工委，不能由本工委发放`);
    const entryId = `hardship:${r.applicationId}`;
    await recordPayouts(
      db,
      actor.unionId,
      [
        {
          unionId: actor.unionId,
          entryId,
          proposal: { item: AID_ITEMS.illness, amountFen, form: 'cash', at: now },
          member,
          throughCommittee: true,
          note: `${r.unionName}推荐的大病关爱：${input.reason}`,
          approvedBy: by,
          now,
          audit: (entry) => ({ actor: by, action: 'hardship.committeePay', target, from: null, to: { amountFen: entry.amountFen, summary: `批准并发放大病关爱 ${yuanText(entry.amountFen)}` } }),
        },
      ],
      async (tx) => {
        pending(await tx.get<ReferralDoc>('hardship_referrals', r._id));
        await tx.update('hardship_referrals', r._id, { status: 'approved', decision: { amountFen, reason: input.reason, by, at: now, entryId }, updatedAt: now });
        const paid = await changeApplicationIn(tx, r.applicationId, now, existing, (a) => ({
          set: { status: 'paid', open: false, paidAt: now, proposal: { amountFen, note: input.reason, by, at: now }, approvedBy: by, approvedAt: now },
          step: { status: 'paid', note: `上级工会工委批准大病关爱 ${yuanText(amountFen)}，已发放` },
          audit: { actor: by, action: 'hardship.committeeApprove', target: auditTarget(a), from: null, to: { amountFen, summary: `工委批准大病关爱 ${yuanText(amountFen)}，已发放` } },
        }));
        await fileOnApproval(tx, paid, dibaoFen, now, by, { amountFen });
      },
    );
  }
  const after = (await hardshipTables(db).referrals.byId(r._id)) as ReferralDoc;
  const application = await hardshipTables(db).applications.byId(r.applicationId);
  if (application) await notify(db, [referralDecidedNotice(application, after)], now);
  return referralView(db, after, now);
};
