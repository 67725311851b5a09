/**
 * What a member does with hardship aid: keep a draft, submit it with the consents its data needs, follow it, answer a
 * request for more, withdraw before the decision. A member sees their own applications only.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { HardshipContract } from '../../src/core/contracts/hardship';
import type { ActionName } from '../../src/core/contracts/contract';
import { AID_KIND_LABELS, allows, checkApplication, refusalOf, sensitiveConsents, CONSENT_TEXTS } from '../../src/core/domain/hardship';
import { AppError, type ErrorIssue } from '../../src/core/errors';
import { shanghaiYear } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { acceptDocuments, recordFolder, type Upload } from '../db/uploads';
import { tables } from '../db/tables';
import type { MemberDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { policyProfile } from '../ledger/api';
import { applicantRef, auditTarget, changeApplication, mustOwn } from './lifecycle';
import { settingsOf } from './settings';
import { applicationId, hardshipTables, type ApplicationDoc, type HardshipFile } from './store';
import { applicationView, kindsOffered, rowView } from './views';

type H<K extends ActionName<HardshipContract>> = Handler<HardshipContract, K, ActorContext>;

/** Documents an application may hold in all (diagnoses, wage slips, certificates, an admission letter …). */
export const MAX_DOCUMENTS = 12;

/** Hardship aid is a member's: the caller must be on the roster. */
function memberOf(actor: Actor): MemberDoc {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以申请帮扶');
  return actor.member;
}

/** Check the caller's uploads and copy them into the application's folder, dated now. */
export async function acceptFiles(actor: Actor, a: Pick<ApplicationDoc, '_id' | 'unionId'>, files: readonly Upload[], field: string, max: number, now: Date): Promise<HardshipFile[]> {
  const stored = await acceptDocuments(actor.openid, recordFolder('hardship', a.unionId, a._id), files, field, max);
  return stored.map((f) => ({ ...f, addedAt: now }));
}

async function viewOf(db: Db, a: ApplicationDoc) {
  return applicationView(a, (await settingsOf(db, a.unionId)).dibaoFen);
}

/** The kinds this year's policies offer the union's members (大病关爱 by its 工委's policy). */
async function offeredKinds(db: Db, unionId: string, now: Date) {
  const year = shanghaiYear(now);
  const [policy, union] = await Promise.all([policyProfile(db, unionId, year), tables(db).unions.byId(unionId)]);
  const committeePolicy = union?.committeeId ? await policyProfile(db, union.committeeId, year) : null;
  return kindsOffered(policy, committeePolicy);
}

export const setup: H<'setup'> = async (_input, { db, actor, now }) => {
  const [settings, kinds] = await Promise.all([settingsOf(db, actor.unionId), offeredKinds(db, actor.unionId, now)]);
  return { dibaoFen: settings.dibaoFen, publicityDays: settings.publicityDays, kinds };
};

/** The documents after a save: those kept, then the new ones (the same file twice is one), at most MAX_DOCUMENTS. */
function documentsAfter(kept: readonly HardshipFile[], added: readonly HardshipFile[]): HardshipFile[] {
  const all = [...kept, ...added.filter((f) => !kept.some((k) => k.fileID === f.fileID))];
  if (all.length > MAX_DOCUMENTS) throw new AppError('VALIDATION_FAILED', `证明材料最多 ${MAX_DOCUMENTS} 份，请删去一些再添加`, [{ path: ['documents'], message: `最多 ${MAX_DOCUMENTS} 份` }]);
  return all;
}

export const save: H<'save'> = async (input, { db, actor, now }) => {
  const member = memberOf(actor);
  const facts = input.facts;
  if (input.applicationId !== undefined) {
    const current = mustOwn(await hardshipTables(db).applications.byId(input.applicationId), actor);
    if (!allows(current.status, 'save')) throw new AppError('NOT_ALLOWED', refusalOf(current.status, 'save'));
    const added = await acceptFiles(actor, current, input.documents, 'documents', MAX_DOCUMENTS, now);
    const after = await changeApplication(db, current._id, now, (x) => mustOwn(x, actor), (a) => {
      if (!allows(a.status, 'save')) throw new AppError('NOT_ALLOWED', refusalOf(a.status, 'save'));
      const kept = a.documents.filter((d) => !input.removed.includes(d.fileID));
      return { set: { kind: facts.kind, facts, documents: documentsAfter(kept, added) }, audit: { actor: applicantRef(actor), action: 'hardship.save', target: auditTarget(a), from: null, to: { summary: '修改申请草稿' } } };
    });
    return viewOf(db, after);
  }
  const id = applicationId(actor.unionId, member._id, input.requestKey);
  const t = hardshipTables(db).applications;
  const filed = await t.byId(id);
  // The same form sent twice (a double tap, a retry after a lost reply): the draft already kept.
  if (filed) return viewOf(db, mustOwn(filed, actor));
  const documents = documentsAfter([], await acceptFiles(actor, { _id: id, unionId: actor.unionId }, input.documents, 'documents', MAX_DOCUMENTS, now));
  const a: ApplicationDoc = {
    _id: id,
    unionId: actor.unionId,
    applicantId: member._id,
    applicantName: member.name,
    department: member.department,
    kind: facts.kind,
    facts,
    documents,
    status: 'draft',
    open: false,
    steps: [{ status: 'draft', at: now, note: '' }],
    requests: [],
    consents: { purposeAt: null, health: false, minors: false },
    visits: [],
    notes: [],
    proposal: null,
    approvedBy: null,
    approvedAt: null,
    publicity: null,
    publicityId: null,
    publicUntil: null,
    objectionsOpen: 0,
    payIssue: null,
    paidAt: null,
    referral: null,
    version: 0,
    submittedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await t.insert(a);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const first = await t.byId(id);
    if (!first) throw error;
    return viewOf(db, mustOwn(first, actor));
  }
  return viewOf(db, a);
};

/** Everything that stops a draft from being sent, each at its field. */
function submitIssues(a: ApplicationDoc, consents: { health: boolean; minors: boolean }): ErrorIssue[] {
  const check = checkApplication(a.facts);
  const issues: ErrorIssue[] = check.ok ? [] : check.issues.map((i) => ({ path: ['facts', ...i.path], message: i.message }));
  if (a.documents.length === 0) issues.push({ path: ['documents'], message: '请上传至少一份证明材料（如诊断证明、收入证明、录取通知书）' });
  const needed = sensitiveConsents(a.facts);
  if (needed.health && !consents.health) issues.push({ path: ['consents', 'health'], message: `申请涉及健康信息，需要您单独同意：${CONSENT_TEXTS.health}` });
  if (needed.minors && !consents.minors) issues.push({ path: ['consents', 'minors'], message: `家庭成员中有不满 14 周岁的子女，需要您单独同意：${CONSENT_TEXTS.minors}` });
  return issues;
}

export const submit: H<'submit'> = async (input, { db, actor, now }) => {
  memberOf(actor);
  const t = hardshipTables(db).applications;
  const draft = mustOwn(await t.byId(input.applicationId), actor);
  if (!allows(draft.status, 'submit')) throw new AppError('NOT_ALLOWED', refusalOf(draft.status, 'submit'));
  const issues = submitIssues(draft, input.consents);
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues.length === 1 ? issues[0].message : `申请还有 ${issues.length} 处需要补充或更正`, issues);
  const offered = (await offeredKinds(db, draft.unionId, now)).find((k) => k.kind === draft.kind);
  if (!offered?.offered) throw new AppError('NOT_ALLOWED', `本年度工会政策没有${AID_KIND_LABELS[draft.kind]}，暂时不能申请；如有困难请联系工会`);
  // One application of a kind under review at a time: a second would be decided twice on the same facts.
  const pending = await t.find({ applicantId: draft.applicantId, kind: draft.kind, open: true }, { limit: 1 });
  if (pending.length) throw new AppError('NOT_ALLOWED', `您已有一份${AID_KIND_LABELS[draft.kind]}申请正在审核中，请等待结果或先撤回那一份`);
  const after = await changeApplication(db, draft._id, now, (x) => mustOwn(x, actor), (a) => {
    if (!allows(a.status, 'submit')) throw new AppError('NOT_ALLOWED', refusalOf(a.status, 'submit'));
    const needed = sensitiveConsents(a.facts);
    return {
      set: { status: 'submitted', open: true, submittedAt: now, consents: { purposeAt: now, health: needed.health, minors: needed.minors } },
      step: { status: 'submitted', note: '' },
      audit: { actor: applicantRef(actor), action: 'hardship.submit', target: auditTarget(a), from: null, to: { summary: `提交申请，同意个人信息使用说明${needed.health ? '，单独同意处理健康信息' : ''}${needed.minors ? '，单独同意处理不满 14 周岁子女的信息' : ''}` } },
    };
  });
  return viewOf(db, after);
};

export const mine: H<'mine'> = async (input, { db, actor }) => {
  const member = memberOf(actor);
  const { items, total } = await hardshipTables(db).applications.findPage({ applicantId: member._id, unionId: actor.unionId }, ['createdAt', 'desc'], input.page, input.pageSize);
  return { items: items.map(rowView), total, page: input.page, pageSize: input.pageSize };
};

export const get: H<'get'> = async (input, { db, actor }) => {
  return viewOf(db, mustOwn(await hardshipTables(db).applications.byId(input.applicationId), actor));
};

export const supplement: H<'supplement'> = async (input, { db, actor, now }) => {
  const current = mustOwn(await hardshipTables(db).applications.byId(input.applicationId), actor);
  if (!allows(current.status, 'supplement')) throw new AppError('NOT_ALLOWED', refusalOf(current.status, 'supplement'));
  const added = await acceptFiles(actor, current, input.documents, 'documents', 6, now);
  const after = await changeApplication(db, current._id, now, (x) => mustOwn(x, actor), (a) => {
    if (!allows(a.status, 'supplement')) throw new AppError('NOT_ALLOWED', refusalOf(a.status, 'supplement'));
    const requests = a.requests.map((r, i) => (i === a.requests.length - 1 ? { ...r, answeredAt: now, answer: input.text } : r));
    return {
      set: { status: 'submitted', requests, documents: documentsAfter(a.documents, added) },
      step: { status: 'submitted', note: `已补充材料：${input.text}` },
      audit: { actor: applicantRef(actor), action: 'hardship.supplement', target: auditTarget(a), from: null, to: { summary: `补充材料 ${added.length} 份` } },
    };
  });
  return viewOf(db, after);
};

export const withdraw: H<'withdraw'> = async (input, { db, actor, now }) => {
  const after = await changeApplication(db, input.applicationId, now, (x) => mustOwn(x, actor), (a) => {
    if (!allows(a.status, 'withdraw')) throw new AppError('NOT_ALLOWED', refusalOf(a.status, 'withdraw'));
    return {
      set: { status: 'withdrawn', open: false },
      step: { status: 'withdrawn', note: input.reason },
      audit: { actor: applicantRef(actor), action: 'hardship.withdraw', target: auditTarget(a), from: { status: a.status }, to: { summary: a.status === 'draft' ? '放弃草稿' : '撤回申请' } },
    };
  });
  return viewOf(db, after);
};
