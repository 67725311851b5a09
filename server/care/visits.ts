/**
 * 即时关爱 visits (看望慰问): after a report is confirmed, the handler (or an officer, or the chair) records the visit —
 * the day, who went, what was brought, photos — and the 慰问 given with it, which is paid through the ledger: the
 * item follows from the report (INSTANT_ITEMS), the policy engine decides the amount and the form (caps, allowed and
 * forbidden forms, one hospitalisation payment per illness per year, the budget line).
 *
 * With money, everything is ONE transaction (ledger/api recordPayouts, the case through lifecycle's changeCaseIn):
 * the case (已慰问, the visit), its audit record, the ledger entry, the entry's audit, the budget line and the member's
 * year. A refusal leaves nothing of it written and says the rule and its source. The same form sent again (its
 * requestKey) records one visit and one entry.
 */
import { createHash } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { CareContract } from '../../src/core/contracts/care';
import type { ActionName } from '../../src/core/contracts/contract';
import { INSTANT_ITEMS, isInstantCategory } from '../../src/core/domain/care';
import { can } from '../../src/core/domain/roles';
import { AppError } from '../../src/core/errors';
import { formatYuan } from '../../src/core/money';
import { FORM_LABELS, ITEM_INFO } from '../../src/core/policy/items';
import { addDays, dayZh, isValidDateKey, shanghaiAt, shanghaiDateKey } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef } from '../db/audit';
import { tables } from '../db/tables';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { PayoutRefused, recordPayouts, type PayoutRequest } from '../ledger/api';
import { acceptAttachments } from './attachments';
import { viewFor } from './cases';
import { auditTarget, changeCase, changeCaseIn, type CaseChange, type CaseChanged } from './lifecycle';
import { visitedNotices } from './notices';
import { mayVisit, mustSee, visitRefusal, type Standing } from './views';
import { careTables, type CareVisit, type CaseDoc } from './store';

type H<K extends ActionName<CareContract>> = Handler<CareContract, K, ActorContext>;

/** How far back a visit may be recorded: last year's visit recorded now is late, but still the union's record. */
const VISIT_WINDOW_DAYS = 366;

/** A report is visited a few times at most; the cap keeps the case document (read by every list) small. */
export const MAX_VISITS = 20;

/** The visit of this form was recorded already (a retry, or two taps at once): nothing more is written. */
class AlreadyVisited extends Error {}

const visitIdOf = (requestKey: string) => createHash('sha256').update(requestKey).digest('hex').slice(0, 16);

const refuse = (path: (string | number)[], message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

function mustBeStaff(s: Standing): void {
  if (!s.staff) throw new AppError('FORBIDDEN', '只有处理人、工会干部或工会主席可以登记看望慰问');
  // Nobody records a visit to themself, nor pays themself a 慰问.
  if (s.concerned) throw new AppError('FORBIDDEN', '这条上报是关于您本人的，请由其他工会干部或工会主席登记看望慰问');
}

/** A confirmed 即时关爱 report, still open, with room for one more visit. */
function mustBeVisitable(c: CaseDoc): void {
  if (!mayVisit(c)) throw new AppError('NOT_ALLOWED', visitRefusal(c));
  if ((c.visits?.length ?? 0) >= MAX_VISITS) throw new AppError('NOT_ALLOWED', `一件上报最多登记 ${MAX_VISITS} 次看望，请办结后重新上报`);
}

/**
 * The illness a hospitalisation 慰问 is for: this case, or an earlier report of the same illness of the same member
 * (whose key the engine then finds in the member's year, and refuses a second payment).
 */
async function illnessKeyOf(db: Db, c: CaseDoc, given: string | undefined, actor: Actor): Promise<string | undefined> {
  if (c.category !== 'hospitalised') {
    if (given !== undefined) throw refuse(['payment', 'illnessKey'], '只有生病住院的慰问需要注明疾病');
    return undefined;
  }
  if (given === undefined || given === c._id) return c._id;
  const other = await careTables(db).cases.byId(given);
  if (!other || other.unionId !== actor.unionId || other.category !== 'hospitalised' || other.subjectId !== c.subjectId) {
    throw refuse(['payment', 'illnessKey'], '请选择同一位会员此前上报的生病住院');
  }
  return other._id;
}

/** The day of a visit: a real date, not in the future, at most a year back. */
function checkDay(visitedOn: string, now: Date): void {
  const today = shanghaiDateKey(now);
  if (!isValidDateKey(visitedOn)) throw refuse(['visitedOn'], '日期不正确，请重新选择');
  if (visitedOn > today) throw refuse(['visitedOn'], '看望日期不能晚于今天');
  if (visitedOn < addDays(today, -VISIT_WINDOW_DAYS)) throw refuse(['visitedOn'], '看望日期应在一年之内，请核对');
}

export const visit: H<'visit'> = async (input, { db, actor, now }) => {
  const visitId = visitIdOf(input.requestKey);
  const { c: seen, standing } = mustSee(await careTables(db).cases.byId(input.caseId), actor);
  mustBeStaff(standing);
  if (seen.visits?.some((v) => v.id === visitId)) return { case: await viewFor(db, seen, actor, now), repeated: true, warnings: [] };
  mustBeVisitable(seen);
  // Paying is the ledger's permission, from the roles the database holds now: a 关爱专员 records the visit only.
  if (input.payment && !can(actor.roles, 'ledger.write')) {
    throw new AppError('FORBIDDEN', '登记慰问金须由工会干部或工会主席办理；您可以只登记看望情况（不填慰问金）', [{ path: ['payment'], message: '您没有登记经费支出的权限' }]);
  }
  checkDay(input.visitedOn, now);
  let subject: MemberDoc | null = null;
  let illnessKey: string | undefined;
  if (input.payment) {
    illnessKey = await illnessKeyOf(db, seen, input.payment.illnessKey, actor);
    subject = seen.subjectId ? await tables(db).members.byId(seen.subjectId) : null;
    if (!subject || subject.unionId !== actor.unionId) throw new AppError('NOT_FOUND', '名册中没有这位会员');
  }
  const photos = await acceptAttachments(actor.openid, actor.unionId, seen._id, input.photos, 'photos');
  const record: CareVisit = {
    id: visitId,
    visitedOn: input.visitedOn,
    visitors: input.visitors,
    brought: input.brought,
    photos,
    payment: input.payment && isInstantCategory(seen.category) ? { entryId: `${seen._id}:visit:${visitId}`, item: INSTANT_ITEMS[seen.category], amountFen: input.payment.amountFen, form: input.payment.form, illnessKey: illnessKey ?? null } : null,
    by: actorRef(actor),
    at: now,
  };
  const plan = (c: CaseDoc, s: Standing): CaseChange => {
    mustBeStaff(s);
    if (c.visits?.some((v) => v.id === visitId)) throw new AlreadyVisited();
    mustBeVisitable(c);
    const p = record.payment;
    return {
      set: { status: 'replied', visits: [...(c.visits ?? []), record] },
      // The timeline is the members' too: the day only, no names or amounts.
      ...(c.status !== 'replied' ? { step: { status: 'replied' as const, note: `${dayZh(input.visitedOn)}看望` } } : {}),
      audit: {
        actor: actorRef(actor),
        action: 'care.visit',
        target: auditTarget(c),
        from: { status: c.status },
        to: { summary: `${input.visitedOn} 看望（${input.visitors}）${p ? `，${ITEM_INFO[p.item].label} ${formatYuan(p.amountFen)} 元（${FORM_LABELS[p.form]}）` : ''}` },
      },
    };
  };

  let changed: CaseChanged;
  let warnings: string[] = [];
  try {
    if (!record.payment || !subject) {
      changed = await changeCase(db, seen._id, actor, now, plan);
    } else {
      const p = record.payment;
      const req: PayoutRequest = {
        unionId: actor.unionId,
        entryId: p.entryId,
        // A day is stored at Shanghai noon, inside that day and that year (the year's policy decides).
        proposal: { item: p.item, amountFen: p.amountFen, form: p.form, at: shanghaiAt(input.visitedOn, '12:00'), ...(p.illnessKey ? { illnessKey: p.illnessKey } : {}) },
        member: subject,
        note: `${seen.title}慰问`,
        approvedBy: actorRef(actor),
        now,
        audit: (entry) => ({
          actor: actorRef(actor),
          action: 'ledger.record',
          target: { kind: 'ledger', id: entry._id, label: `${ITEM_INFO[entry.item].label} · ${subject?.name ?? ''}` },
          from: null,
          to: { amountFen: entry.amountFen, summary: `${formatYuan(entry.amountFen)} 元（${FORM_LABELS[entry.form]}），即时关爱看望慰问，依据：${entry.rule.source}` },
        }),
      };
      let inside = null as CaseChanged | null;
      const [paid] = await recordPayouts(db, actor.unionId, [req], async (tx) => {
        inside = await changeCaseIn(tx, seen._id, actor, now, plan);
      });
      // Repeated: the entry is the ledger's already, so this form's visit was written with it (in one transaction);
      // this call's own writes were rolled back (the entry's duplicate key aborted them). That visit stands.
      if (paid.repeated) throw new AlreadyVisited();
      if (!inside) throw new Error('visit: the case was not changed with its payout');
      changed = inside;
      warnings = paid.warnings.map((x) => x.message);
    }
  } catch (error) {
    if (error instanceof AlreadyVisited) {
      const current = await careTables(db).cases.byId(seen._id);
      if (!current) throw new AppError('NOT_FOUND', '没有找到这件事项，或您无权查看');
      return { case: await viewFor(db, current, actor, now), repeated: true, warnings: [] };
    }
    if (error instanceof PayoutRefused) {
      throw new AppError('POLICY_REFUSED', `慰问金未能登记：${error.message}。本次看望和慰问金都没有保存，请修改后重新提交。`, [{ path: ['payment'], message: error.message }]);
    }
    throw error;
  }
  await notify(db, visitedNotices(changed.after, record), now);
  return { case: await viewFor(db, changed.after, actor, now), repeated: false, warnings };
};
