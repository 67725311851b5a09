/**
 * The 公示: an approved case shown to the union's members for the set days with the masked name, department, kind and
 * amount only (built by domain/hardship publicityEntry, and the contract's strict schema on the way out); objections,
 * privately to the reviewers, hold the case until resolved; after the period the daily job pays through the ledger,
 * in one transaction with the case's state and its audit.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { HardshipContract } from '../../src/core/contracts/hardship';
import type { ActionName } from '../../src/core/contracts/contract';
import { AID_ITEMS, AID_KIND_LABELS, allows, OBJECTION_OUTCOME_LABELS, publicityEntry, publicityOpen, refusalOf } from '../../src/core/domain/hardship';
import { AppError } from '../../src/core/errors';
import { shanghaiDateKey } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { actorRef, type AuditBody } from '../db/audit';
import { inTransaction } from '../db/transaction';
import { tables } from '../db/tables';
import { notify } from '../notices/api';
import { PayoutRefused, recordPayouts } from '../ledger/api';
import { auditTarget, changeApplication, changeApplicationIn, existing, mustReview, reviewersOf, shortNumber } from './lifecycle';
import { objectionNotice, objectionResolvedNotice, paidNotice, rejectedNotice } from './notices';
import { viewFor } from './review';
import { fileOnApproval } from './files';
import { settingsOf } from './settings';
import { hardshipTables, objectionId, type ApplicationDoc, type ObjectionDoc } from './store';

type H<K extends ActionName<HardshipContract>> = Handler<HardshipContract, K, ActorContext>;

export const publicity: H<'publicity'> = async (input, { db, actor, now }) => {
  const today = shanghaiDateKey(now);
  const { items, total } = await hardshipTables(db).applications.findPage({ unionId: actor.unionId, publicUntil: db.command.gte(today) }, ['publicUntil', 'asc'], input.page, input.pageSize);
  return {
    items: items
      .filter((a) => a.publicity && a.proposal && a.publicityId)
      .map((a) => ({ entryId: a.publicityId as string, ...publicityEntry({ name: a.applicantName, department: a.department, kind: a.kind, amountFen: (a.proposal as NonNullable<ApplicationDoc['proposal']>).amountFen, period: a.publicity as NonNullable<ApplicationDoc['publicity']> }) })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
};

export const object: H<'object'> = async (input, { db, actor, now }) => {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以对公示提出异议');
  const today = shanghaiDateKey(now);
  const [found] = await hardshipTables(db).applications.find({ unionId: actor.unionId, publicityId: input.entryId }, { limit: 1 });
  if (!found || !publicityOpen(found.publicity, today) || !allows(found.status, 'object')) throw new AppError('NOT_FOUND', '这条公示不存在或已经结束');
  if (found.applicantId === actor.memberId) throw new AppError('NOT_ALLOWED', '这是您本人的帮扶公示，如有疑问请直接联系工会');
  const objection: ObjectionDoc = { _id: objectionId(found._id, actor.member._id), unionId: actor.unionId, applicationId: found._id, memberId: actor.member._id, memberName: actor.name, text: input.text, at: now, resolution: null };
  try {
    await inTransaction(db, async (tx) => {
      await tx.insert<ObjectionDoc>('hardship_objections', objection);
      await changeApplicationIn(tx, found._id, now, existing, (a) => {
        if (!publicityOpen(a.publicity, today) || !allows(a.status, 'object')) throw new AppError('NOT_FOUND', '这条公示不存在或已经结束');
        // The objector is on record as 会员: an objection is private to the reviewers, and officers read the log.
        return {
          set: { status: 'held', objectionsOpen: a.objectionsOpen + 1 },
          ...(a.status === 'held' ? {} : { step: { status: 'held' as const, note: '' } }),
          audit: { actor: { ...actorRef(actor), name: '会员' }, action: 'hardship.object', target: auditTarget(a), from: null, to: { summary: '对公示提出异议' } },
        };
      });
    });
  } catch (error) {
    if (isDuplicateKeyError(error)) throw new AppError('ALREADY_EXISTS', '您已对这条公示提出过异议，工会正在核实，请耐心等待');
    throw error;
  }
  await notify(db, (await reviewersOf(db, found.unionId)).map((m) => objectionNotice(found, m._id)), now);
  return { received: true as const, at: now };
};

export const resolve: H<'resolve'> = async (input, { db, actor, now }) => {
  const t = hardshipTables(db);
  const current = mustReview(await t.applications.byId(input.applicationId), actor);
  const objection = await t.objections.byId(input.objectionId);
  if (!objection || objection.applicationId !== current._id) throw new AppError('NOT_FOUND', '没有找到这条异议');
  const resolution = { outcome: input.outcome, reason: input.reason, by: actorRef(actor), at: now };
  const after = await inTransaction(db, async (tx) => {
    const o = await tx.get<ObjectionDoc>('hardship_objections', objection._id);
    if (!o || o.resolution) throw new AppError('NOT_ALLOWED', '这条异议已经处理过了');
    await tx.update('hardship_objections', o._id, { resolution });
    return changeApplicationIn(tx, current._id, now, (x) => mustReview(x, actor), (a) => {
      if (!allows(a.status, 'resolve')) throw new AppError('NOT_ALLOWED', refusalOf(a.status, 'resolve'));
      const audit: AuditBody = { actor: actorRef(actor), action: 'hardship.resolve', target: auditTarget(a), from: null, to: { summary: `处理公示异议：${OBJECTION_OUTCOME_LABELS[input.outcome]}` } };
      if (input.outcome === 'upheld') {
        return { set: { status: 'rejected', open: false, objectionsOpen: a.objectionsOpen - 1, publicUntil: null }, step: { status: 'rejected', note: `公示期间收到异议，经核实：${input.reason}` }, audit };
      }
      const left = a.objectionsOpen - 1;
      return { set: { objectionsOpen: left, ...(left === 0 ? { status: 'publicizing' as const } : {}) }, ...(left === 0 ? { step: { status: 'publicizing' as const, note: '' } } : {}), audit };
    });
  });
  await notify(db, [objectionResolvedNotice(objection, input.reason), ...(after.status === 'rejected' ? [rejectedNotice(after, `公示期间收到异议，经核实：${input.reason}`)] : [])], now);
  return viewFor(db, after, actor, now);
};

/**
 * The daily job's part: every case whose 公示 has ended without an open objection is paid, through the ledger, in the
 * transaction that marks it paid and writes both audit records. Once-only: the entry's id is the case's, and the
 * case is read again inside the transaction. A payout the policy or the budget now refuses is left for the
 * reviewers (payIssue), and tried again the next day.
 */
export async function payAfterPublicity(db: Db, now: Date): Promise<{ paid: number; refused: number }> {
  const today = shanghaiDateKey(now);
  const due = await hardshipTables(db).applications.find({ status: 'publicizing', publicUntil: db.command.lt(today) }, { orderBy: [['publicUntil', 'asc']], limit: 200 });
  let paid = 0;
  let refused = 0;
  // Each union's settings read once for all its cases of the day.
  const settings = new Map<string, ReturnType<typeof settingsOf>>();
  for (const a of due) {
    const member = await tables(db).members.byId(a.applicantId);
    const proposal = a.proposal;
    const approvedBy = a.approvedBy;
    if (!member || !proposal || !approvedBy) continue;
    const entryId = `hardship:${a._id}`;
    if (!settings.has(a.unionId)) settings.set(a.unionId, settingsOf(db, a.unionId));
    const { dibaoFen } = await (settings.get(a.unionId) as ReturnType<typeof settingsOf>);
    const system = { openid: '', memberId: null, name: '系统（公示期满发放）' };
    try {
      await recordPayouts(
        db,
        a.unionId,
        [
          {
            unionId: a.unionId,
            entryId,
            proposal: { item: AID_ITEMS[a.kind], amountFen: proposal.amountFen, form: 'cash', at: now },
            member,
            note: `${AID_KIND_LABELS[a.kind]}，${shortNumber(a._id)}，公示 ${a.publicity?.from ?? ''} 至 ${a.publicity?.to ?? ''} 期满无异议`,
            approvedBy,
            now,
            audit: (entry) => ({ actor: system, action: 'hardship.pay', target: auditTarget(a), from: null, to: { amountFen: entry.amountFen, summary: `公示期满，发放${AID_KIND_LABELS[a.kind]}` } }),
          },
        ],
        async (tx) => {
          const x2 = await changeApplicationIn(tx, a._id, now, existing, (x) => {
            // Held by an objection since the list was read, or paid by a run at the same time: nothing to do here.
            if (x.status !== 'publicizing') throw new AppError('NOT_ALLOWED', '已不在公示期满待发放状态');
            return { set: { status: 'paid', paidAt: now, publicUntil: null, payIssue: null }, step: { status: 'paid', note: '' }, audit: { actor: system, action: 'hardship.paid', target: auditTarget(x), from: null, to: { summary: '公示期满无异议，已发放' } } };
          });
          await fileOnApproval(tx, x2, dibaoFen, now, system, { amountFen: proposal.amountFen });
        },
      );
      paid++;
      await notify(db, [paidNotice({ ...a, paidAt: now })], now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_ALLOWED') continue;
      if (!(error instanceof PayoutRefused)) throw error;
      refused++;
      const reason = error.message;
      if (a.payIssue !== reason) {
        await changeApplication(db, a._id, now, existing, (x) => ({ set: { payIssue: reason }, audit: { actor: system, action: 'hardship.payRefused', target: auditTarget(x), from: null, to: { summary: `公示期满发放未成功：${reason}` } } }));
      }
    }
  }
  return { paid, refused };
}
