/**
 * What reviewers (帮扶审核 and the chair) do: the list, opening an application (every opening is on record), the
 * first check, the home visit, and the decision by two different people — one proposes an amount, checked by the
 * policy engine, another approves it and the 公示 starts. Neither of them may be the applicant or of the household.
 */
import { createHash } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { HardshipContract } from '../../src/core/contracts/hardship';
import type { ActionName } from '../../src/core/contracts/contract';
import { AID_ITEMS, AID_KIND_LABELS, allows, approvalRefusal, publicityPeriod, refusalOf, type ApplicationStatus } from '../../src/core/domain/hardship';
import { AppError } from '../../src/core/errors';
import { yuanText } from '../../src/core/money';
import { addDays, isValidDateKey, shanghaiDateKey, shanghaiYear } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { tables } from '../db/tables';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { policyProfile, previewPayout } from '../ledger/api';
import { acceptFiles } from './applications';
import { auditTarget, changeApplication, changeApplicationIn, mustReview, standingOf } from './lifecycle';
import { fileOnApproval } from './files';
import { inTransaction } from '../db/transaction';
import { approvedNotice, moreNotice, rejectedNotice } from './notices';
import { settingsOf } from './settings';
import { hardshipTables, publicityIdOf, type ApplicationDoc } from './store';
import { reviewView, rowView } from './views';

type H<K extends ActionName<HardshipContract>> = Handler<HardshipContract, K, ActorContext>;

export async function viewFor(db: Db, a: ApplicationDoc, actor: Actor, now: Date) {
  const [settings, policy, objections, referral] = await Promise.all([
    settingsOf(db, a.unionId),
    policyProfile(db, a.unionId, shanghaiYear(now)),
    hardshipTables(db).objections.find({ applicationId: a._id }, { orderBy: [['at', 'asc']], limit: 100 }),
    a.referral ? hardshipTables(db).referrals.byId(a.referral.id) : Promise.resolve(null),
  ]);
  return reviewView(a, objections, referral, actor, standingOf(a, actor), settings.dibaoFen, policy);
}

const STAGES: Record<'publicizing' | 'done', ApplicationStatus[]> = {
  publicizing: ['publicizing', 'held'],
  done: ['paid', 'referred', 'rejected', 'withdrawn'],
};

export const queue: H<'queue'> = async (input, { db, actor }) => {
  const _ = db.command;
  const t = hardshipTables(db).applications;
  const { page, pageSize } = input;
  const found =
    input.stage === 'todo'
      ? await t.findPage({ unionId: actor.unionId, open: true }, ['submittedAt', 'asc'], page, pageSize)
      : await t.findPage(
          // Drafts are the member's alone; a draft withdrawn (discarded) was never sent.
          { unionId: actor.unionId, submittedAt: _.neq(null), ...(input.stage === 'all' ? {} : { status: _.in(STAGES[input.stage]) }) },
          ['updatedAt', 'desc'],
          page,
          pageSize,
        );
  return { items: found.items.map(rowView), total: found.total, page, pageSize };
};

export const open: H<'open'> = async (input, { db, actor, now }) => {
  const a = mustReview(await hardshipTables(db).applications.byId(input.applicationId), actor);
  // Every opening is on record: who, when, which (by its kind and number, never the applicant's name).
  await audit(db, { unionId: a.unionId, at: now, actor: actorRef(actor), action: 'hardship.read', target: auditTarget(a), from: null, to: { summary: '查看申请（含家庭、收支和证明材料）' } });
  return viewFor(db, a, actor, now);
};

const refuseField = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path: [path], message }]);
export const mustAllow = (a: ApplicationDoc, action: Parameters<typeof allows>[1]) => {
  if (a.kind === 'illness' && action === 'propose') throw new AppError('NOT_ALLOWED', '大病关爱由上级工会工委决定并发放：请把申请推荐给工委，而不是由本会审批金额');
  if (a.kind !== 'illness' && action === 'refer') throw new AppError('NOT_ALLOWED', '只有大病关爱需要推荐给上级工会工委');
  if (!allows(a.status, action)) throw new AppError('NOT_ALLOWED', refusalOf(a.status, action));
};
const note = (a: ApplicationDoc, actor: Actor, now: Date, text: string) => [...a.notes, { at: now, by: actorRef(actor), text }];

export const check: H<'check'> = async (input, { db, actor, now }) => {
  if (input.outcome !== 'pass' && input.message.length < 2) throw refuseField('message', input.outcome === 'more' ? '请写明需要补充什么材料' : '请写明不予帮扶的原因');
  const after = await changeApplication(db, input.applicationId, now, (x) => mustReview(x, actor), (a) => {
    mustAllow(a, 'check');
    const base = { actor: actorRef(actor), target: auditTarget(a), from: { status: a.status } };
    if (input.outcome === 'pass') {
      return { set: { status: 'visiting', notes: note(a, actor, now, `初审通过${input.message ? `：${input.message}` : ''}`) }, step: { status: 'visiting', note: '' }, audit: { ...base, action: 'hardship.check', to: { summary: '初审通过' } } };
    }
    if (input.outcome === 'more') {
      return {
        set: { status: 'moreRequested', requests: [...a.requests, { at: now, message: input.message, by: actorRef(actor), answeredAt: null, answer: '' }] },
        step: { status: 'moreRequested', note: input.message },
        audit: { ...base, action: 'hardship.more', to: { summary: '请会员补充材料' } },
      };
    }
    return { set: { status: 'rejected', open: false }, step: { status: 'rejected', note: input.message }, audit: { ...base, action: 'hardship.reject', to: { summary: '初审不予帮扶' } } };
  });
  if (after.status === 'moreRequested') await notify(db, [moreNotice(after, input.message)], now);
  if (after.status === 'rejected') await notify(db, [rejectedNotice(after, input.message)], now);
  return viewFor(db, after, actor, now);
};

export const visit: H<'visit'> = async (input, { db, actor, now }) => {
  const current = mustReview(await hardshipTables(db).applications.byId(input.applicationId), actor);
  const id = createHash('sha256').update(`${actor.openid}\n${input.requestKey}`).digest('hex').slice(0, 16);
  // The same form sent twice: the visit already recorded.
  if (current.visits.some((v) => v.id === id)) return viewFor(db, current, actor, now);
  mustAllow(current, 'visit');
  const today = shanghaiDateKey(now);
  const submitted = shanghaiDateKey(current.submittedAt ?? now);
  if (!isValidDateKey(input.visitedOn)) throw refuseField('visitedOn', '日期不正确，请重新选择');
  if (input.visitedOn > today) throw refuseField('visitedOn', '走访日期不能晚于今天');
  if (input.visitedOn < addDays(submitted, -30)) throw refuseField('visitedOn', '走访日期早于申请提交一个月以上，请核对');
  const photos = await acceptFiles(actor, current, input.photos, 'photos', 9, now);
  const after = await changeApplication(db, current._id, now, (x) => mustReview(x, actor), (a) => {
    if (a.visits.some((v) => v.id === id)) return { set: {}, audit: null };
    mustAllow(a, 'visit');
    const visits = [...a.visits, { id, visitedOn: input.visitedOn, visitors: input.visitors, found: input.found, photos, by: actorRef(actor), at: now }];
    return {
      set: { visits, status: 'deciding' },
      ...(a.status === 'deciding' ? {} : { step: { status: 'deciding' as const, note: '' } }),
      audit: { actor: actorRef(actor), action: 'hardship.visit', target: auditTarget(a), from: null, to: { summary: `记录入户走访（${input.visitedOn}）` } },
    };
  });
  return viewFor(db, after, actor, now);
};

/**
 * The policy's word on paying `amountFen` of this kind to the applicant today, and the rule of 金秋助学: not combined
 * with other aid in the same year (the union's own decisions this year, of another kind, count).
 */
async function mustFit(db: Db, a: ApplicationDoc, amountFen: number, now: Date): Promise<void> {
  const member = await tables(db).members.byId(a.applicantId);
  if (!member || member.unionId !== a.unionId) throw new AppError('NOT_FOUND', '申请人已不在本工会名册中');
  const decision = await previewPayout(db, { unionId: a.unionId, member, proposal: { item: AID_ITEMS[a.kind], amountFen, form: 'cash', at: now } });
  if (!decision.allowed) throw new AppError('POLICY_REFUSED', decision.reason);
  const year = String(shanghaiYear(now));
  const others = await hardshipTables(db).applications.find({ applicantId: a.applicantId, unionId: a.unionId, status: db.command.in(['publicizing', 'held', 'paid']) }, { limit: 50 });
  const clash = others.find((o) => o._id !== a._id && o.kind !== a.kind && (o.kind === 'schooling' || a.kind === 'schooling') && o.approvedAt && String(shanghaiYear(o.approvedAt)) === year);
  if (clash) throw new AppError('POLICY_REFUSED', `金秋助学不与其他帮扶同时享受：申请人 ${year} 年已获${AID_KIND_LABELS[clash.kind]}`);
}

export const propose: H<'propose'> = async (input, { db, actor, now }) => {
  const current = mustReview(await hardshipTables(db).applications.byId(input.applicationId), actor);
  mustAllow(current, 'propose');
  if (current.visits.length === 0) throw new AppError('NOT_ALLOWED', '请先记录入户走访，再提出帮扶金额');
  await mustFit(db, current, input.amountFen, now);
  const after = await changeApplication(db, current._id, now, (x) => mustReview(x, actor), (a) => {
    mustAllow(a, 'propose');
    return {
      set: { status: 'proposed', proposal: { amountFen: input.amountFen, note: input.note, by: actorRef(actor), at: now } },
      step: { status: 'proposed', note: '' },
      audit: { actor: actorRef(actor), action: 'hardship.propose', target: auditTarget(a), from: null, to: { amountFen: input.amountFen, summary: `提出帮扶金额 ${yuanText(input.amountFen)}` } },
    };
  });
  return viewFor(db, after, actor, now);
};

export const approve: H<'approve'> = async (input, { db, actor, now }) => {
  const current = mustReview(await hardshipTables(db).applications.byId(input.applicationId), actor);
  mustAllow(current, 'approve');
  const proposal = current.proposal as NonNullable<ApplicationDoc['proposal']>;
  await mustFit(db, current, proposal.amountFen, now);
  const { publicityDays, dibaoFen } = await settingsOf(db, current.unionId);
  const publicity = publicityPeriod(shanghaiDateKey(now), publicityDays);
  const me = { memberId: actor.memberId ?? '', name: actor.name };
  // The decision and the household's file (opened on its first approval) in one transaction.
  const after = await inTransaction(db, async (tx) => {
    const a2 = await changeApplicationIn(tx, current._id, now, (x) => mustReview(x, actor), (a) => {
      mustAllow(a, 'approve');
      const p = a.proposal as NonNullable<ApplicationDoc['proposal']>;
      // Four eyes, decided on the document as this transaction reads it: whoever proposed what is there now.
      const fourEyes = approvalRefusal(me, { memberId: p.by.memberId ?? '', name: p.by.name });
      if (fourEyes) throw new AppError('FORBIDDEN', fourEyes);
      if (p.amountFen !== proposal.amountFen) throw new AppError('CONFLICT', '帮扶金额刚被修改，请刷新后重新复核');
      return {
        set: { status: 'publicizing', open: false, approvedBy: actorRef(actor), approvedAt: now, publicity, publicityId: publicityIdOf(a._id), publicUntil: publicity.to },
        step: { status: 'publicizing', note: '' },
        audit: { actor: actorRef(actor), action: 'hardship.approve', target: auditTarget(a), from: { proposedBy: p.by.name }, to: { amountFen: p.amountFen, publicity, summary: `复核同意帮扶金额 ${yuanText(p.amountFen)}（${p.by.name}提出），公示 ${publicity.from} 至 ${publicity.to}` } },
      };
    });
    await fileOnApproval(tx, a2, dibaoFen, now, actorRef(actor), null);
    return a2;
  });
  await notify(db, [approvedNotice(after)], now);
  return viewFor(db, after, actor, now);
};

export const sendBack: H<'sendBack'> = async (input, { db, actor, now }) => {
  const after = await changeApplication(db, input.applicationId, now, (x) => mustReview(x, actor), (a) => {
    mustAllow(a, 'sendBack');
    const amount = a.proposal ? yuanText(a.proposal.amountFen) : '';
    return {
      set: { status: 'deciding', proposal: null, notes: note(a, actor, now, `未同意${a.proposal?.by.name ?? ''}提出的 ${amount}：${input.reason}`) },
      step: { status: 'deciding', note: '' },
      audit: { actor: actorRef(actor), action: 'hardship.sendBack', target: auditTarget(a), from: { amountFen: a.proposal?.amountFen ?? null }, to: { summary: `复核未同意 ${amount}` } },
    };
  });
  return viewFor(db, after, actor, now);
};

export const reject: H<'reject'> = async (input, { db, actor, now }) => {
  const after = await changeApplication(db, input.applicationId, now, (x) => mustReview(x, actor), (a) => {
    mustAllow(a, 'reject');
    return { set: { status: 'rejected', open: false }, step: { status: 'rejected', note: input.reason }, audit: { actor: actorRef(actor), action: 'hardship.reject', target: auditTarget(a), from: { status: a.status }, to: { summary: '不予帮扶' } } };
  });
  await notify(db, [rejectedNotice(after, input.reason)], now);
  return viewFor(db, after, actor, now);
};
