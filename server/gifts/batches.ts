/**
 * Holiday gift batches, for officers (gifts.manage): create and edit a draft, open it, see it with live tallies,
 * the distribution list, the gifts not picked up and their reversal; and the daily job's part (`batchesDaily`).
 *
 * Creating: the holiday's day comes from the lunar calendar (core/domain/holidays), the window defaults to before
 * the holiday; each option's value and form are checked against the policy's rule for the holiday (cap, allowed and
 * forbidden forms, with the rule's source) with the policy engine's own sentences, so what is accepted here is what
 * the ledger will accept per member.
 *
 * Opening: the budget is reserved ONCE on the holiday line (eligible members × the highest option value; refused
 * with the figures when the line cannot hold it), each option's stock, each place's and delivery's count are
 * created (sharded), the batch becomes open with its audit record, and the eligible members are told (inbox and
 * subscribe message, linking to the batch page). Each step is idempotent, so a retry after a timeout completes it.
 *
 * After the deadline the daily job gives the fallback option to those who did not choose (their claim ids are
 * deterministic: once, however often it runs), closes the batch and settles the reservation (what was drawn moves
 * into the line's spending, the rest is released).
 */
import { createHash } from 'node:crypto';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { AppError, type ErrorIssue } from '../../src/core/errors';
import { CLAIM_STATUS_LABELS, closesAtOf, defaultBatchTitle, defaultWindow, FIRST_YEAR, GIFT_FORMS, LAST_YEAR, WAY_LABELS, windowProblem } from '../../src/core/domain/holidays';
import { holidayDate } from '../../src/core/domain/holidayDates';
import { imageExtensionOf, imageKindOf, MAX_IMAGE_BYTES, MAX_IMAGE_TEXT, IMAGE_KINDS_TEXT } from '../../src/core/domain/images';
import { evaluatePayout } from '../../src/core/policy/engine';
import { FORM_LABELS, HOLIDAY_LABELS, type Form } from '../../src/core/policy/items';
import type { ItemRule, PolicyProfile } from '../../src/core/policy/profile';
import { formatYuan, yuanText } from '../../src/core/money';
import { PAGES } from '../../src/core/pages';
import { formatDateTimeZh, shanghaiAt, shanghaiDateKey } from '../../src/core/time';
import { isDuplicateKeyError, type Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { compactDate, publishExport, readCallerUpload, storeFile } from '../db/files';
import { inTransaction } from '../db/transaction';
import { createStock, type StockRef } from '../db/stock';
import type { ActorRef, AuditDoc } from '../db/types';
import { buildWorkbook, excelDate, sheet } from '../files/xlsx';
import { notify, clip, type NewNotice } from '../notices/api';
import { isReversed, reserveBudget, reversePayout, settleReservation } from '../ledger/api';
import { adminBatchView, batchOf, batchRow, eligibleMembers, holidayRule, placeOf, policyOf } from './batches.views';
import { firstChoice, repairClaim } from './claims';
import {
  batchReservationId,
  batchTables,
  DELIVERY,
  giftBatchId,
  optionStockId,
  pickedId,
  placeStockId,
  type BatchDoc,
  type BatchOption,
  type BatchPlace,
  type ClaimDoc,
} from './batches.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

/** Who the daily job acts as in the audit log and the ledger. */
const SYSTEM: ActorRef = { openid: '', memberId: null, name: '系统（每日任务）' };

/** An option's stock shards: a few hundred members take from it in the opening rush. */
const OPTION_SHARDS = 16;
/** A place's count: taken in the same transactions, so spread as widely. */
const PLACE_SHARDS = 16;

const fieldError = (path: (string | number)[], message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);

/** The link a notice and the home tile open: the batch page. */
export const batchLink = (batchId: string) => `${PAGES.giftBatch.path}?id=${encodeURIComponent(batchId)}`;

function capOf(rule: ItemRule | null): number | null {
  return rule?.capFen ?? null;
}

/**
 * Each option's value and form, decided by the policy engine as a payout would be (no member, no budget: those are
 * decided per claim): over the cap, a form the rule does not allow or the union forbids — refused with the rule's
 * source, naming the option.
 */
function checkOptions(policy: PolicyProfile, input: { holiday: BatchDoc['holiday']; year: number; options: { unitFen: number; form: Form; name: string }[] }, at: Date): void {
  const issues: ErrorIssue[] = [];
  input.options.forEach((o, i) => {
    const d = evaluatePayout({ policy, proposal: { item: 'holiday_gift', holiday: input.holiday, amountFen: o.unitFen, form: o.form, at }, member: null, history: [], budget: { amountFen: Number.MAX_SAFE_INTEGER, spentFen: 0 } });
    // With no member the engine stops after the rule, the form and the cap: INVALID there means those passed.
    if (!d.allowed && d.code !== 'INVALID') {
      const path = d.code === 'FORM_FORBIDDEN' ? ['options', i, 'form'] : ['options', i, 'unitFen'];
      issues.push({ path, message: `「${o.name}」：${d.reason}` });
    }
  });
  if (issues.length) throw new AppError('POLICY_REFUSED', issues.map((x) => x.message).join('；'), issues);
}

/** Photos: the officer's upload, checked and copied into the batch's folder; or the option's own photo kept. */
async function acceptPhoto(openid: string, b: { _id: string; unionId: string }, given: string | null, kept: Set<string>, i: number): Promise<string | null> {
  if (!given) return null;
  if (kept.has(given)) return given;
  const stored = given.slice(given.lastIndexOf('/') + 1);
  if (!imageExtensionOf(stored)) throw fieldError(['options', i, 'photo'], `图片须为 ${IMAGE_KINDS_TEXT}`);
  const bytes = await readCallerUpload(openid, given);
  if (bytes.length > MAX_IMAGE_BYTES) throw fieldError(['options', i, 'photo'], `图片超过 ${MAX_IMAGE_TEXT}，请压缩后再上传`);
  const kind = imageKindOf(bytes);
  if (!kind) throw fieldError(['options', i, 'photo'], `图片内容不是有效的 ${IMAGE_KINDS_TEXT}`);
  const folder = `gifts/${b.unionId.replace(/[^A-Za-z0-9_-]/g, '_')}/${createHash('sha256').update(b._id).digest('hex').slice(0, 16)}/`;
  return storeFile(`${folder}${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${kind}`, bytes);
}

export const batchList: H<'batchList'> = async (input, { db, actor, now }) => {
  const { items, total } = await batchTables(db).batches.findPage({ unionId: actor.unionId }, ['createdAt', 'desc'], input.page, input.pageSize);
  return { items: items.map((b) => batchRow(b, now)), total, page: input.page, pageSize: input.pageSize };
};

export const batchDefaults: H<'batchDefaults'> = async (input, { db, actor, now }) => {
  const day = holidayDate(input.holiday, input.year);
  const w = defaultWindow(day, now);
  const found = holidayRule(await policyOf(db, actor.unionId, input.year), input.holiday, input.year);
  const rule = 'rule' in found ? found.rule : null;
  const policy = rule ? await policyOf(db, actor.unionId, input.year) : null;
  const forms = rule ? GIFT_FORMS.filter((f) => rule.allowedForms.includes(f) && !policy?.forbiddenForms.forms.includes(f)) : [];
  return {
    holiday: input.holiday,
    year: input.year,
    holidayDate: day,
    title: defaultBatchTitle(input.holiday, input.year),
    closesOn: w?.closesOn ?? null,
    pickupEndsOn: w?.pickupEndsOn ?? null,
    capFen: capOf(rule),
    forms: forms.map((form) => ({ form, label: FORM_LABELS[form] })),
    rule: rule ? `每人不超过 ${yuanText(rule.capFen ?? 0)}，依据：${rule.source}` : (found as { refusal: string }).refusal,
  };
};

export const batchSave: H<'batchSave'> = async (input, { db, actor, now }) => {
  if (input.year < FIRST_YEAR || input.year > LAST_YEAR) throw fieldError(['year'], '年份不正确');
  const day = holidayDate(input.holiday, input.year);
  const before = input.batchId ? await batchOf(db, input.batchId, actor.unionId) : null;
  if (before && before.status !== 'draft') throw new AppError('NOT_ALLOWED', '批次已开放，不能再修改礼品和规则');
  const id = before?._id ?? giftBatchId(actor.unionId, input.requestKey);
  if (!before) {
    const existing = await batchTables(db).batches.byId(id);
    // The same form sent twice: the batch made the first time.
    if (existing && existing.unionId === actor.unionId) return adminBatchView(db, existing, now, null);
  }
  const policy = await policyOf(db, actor.unionId, input.year);
  const found = holidayRule(policy, input.holiday, input.year);
  if ('refusal' in found || !policy) throw new AppError('POLICY_REFUSED', (found as { refusal: string }).refusal, [{ path: ['holiday'], message: (found as { refusal: string }).refusal }]);
  const problem = windowProblem({ closesOn: input.closesOn, pickupEndsOn: input.pickupEndsOn }, day, now);
  if (problem) throw fieldError([problem.field], problem.message);
  checkOptions(policy, input, shanghaiAt(day, '12:00'));

  const kept = new Set((before?.options ?? []).map((o) => o.photo).filter((x): x is string => Boolean(x)));
  const head = { _id: id, unionId: actor.unionId };
  const photos = await Promise.all(input.options.map((o, i) => acceptPhoto(actor.openid, head, o.photo, kept, i)));
  const nextId = (prefix: string, used: Set<string>) => {
    for (let k = 1; ; k += 1) if (!used.has(`${prefix}${k}`)) return `${prefix}${k}`;
  };
  const usedOptions = new Set(input.options.map((o) => o.id).filter((x): x is string => Boolean(x && before?.options.some((b) => b.id === x))));
  const options: BatchOption[] = input.options.map((o, i) => {
    const keep = o.id && usedOptions.has(o.id) ? o.id : nextId('o', usedOptions);
    usedOptions.add(keep);
    return { id: keep, name: o.name, description: o.description, photo: photos[i], unitFen: o.unitFen, form: o.form, stock: o.stock, ref: null };
  });
  const usedPlaces = new Set(input.places.map((p) => p.id).filter((x): x is string => Boolean(x && before?.places.some((b) => b.id === x))));
  const places: BatchPlace[] = input.places.map((p) => {
    const keep = p.id && usedPlaces.has(p.id) ? p.id : nextId('p', usedPlaces);
    usedPlaces.add(keep);
    return { id: keep, name: p.name, times: p.times, ref: null };
  });
  const fields = {
    holiday: input.holiday,
    year: input.year,
    holidayDate: day,
    title: input.title || defaultBatchTitle(input.holiday, input.year),
    note: input.note,
    closesOn: input.closesOn,
    closesAt: closesAtOf(input.closesOn),
    pickupEndsOn: input.pickupEndsOn,
    options,
    places,
    delivery: input.delivery,
    fallbackOptionId: input.fallbackOption === null ? null : options[input.fallbackOption].id,
    updatedAt: now,
  };
  const summary = `${fields.title}：${options.map((o) => `${o.name} ${formatYuan(o.unitFen)} 元${o.stock === null ? '' : ` ×${o.stock}`}`).join('、')}`;
  const saved = await inTransaction(db, async (tx) => {
    if (!before) {
      const doc: BatchDoc = { ...fields, _id: id, unionId: actor.unionId, status: 'draft', deliveryRef: null, reservationId: null, eligible: null, reservedFen: null, fallbackApplied: null, unpickedReversed: null, version: 1, createdBy: actorRef(actor), createdAt: now, openedAt: null };
      await tx.insert('gift_batches', doc);
      await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${id}:v1`, unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'gift.batch.create', target: { kind: 'gift_batch', id, label: fields.title }, from: null, to: { summary } });
      return doc;
    }
    const current = await tx.get<BatchDoc>('gift_batches', id);
    if (!current || current.status !== 'draft') throw new AppError('NOT_ALLOWED', '批次已开放，不能再修改礼品和规则');
    const version = current.version + 1;
    await tx.update('gift_batches', id, { ...fields, version });
    await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${id}:v${version}`, unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'gift.batch.update', target: { kind: 'gift_batch', id, label: fields.title }, from: null, to: { summary } });
    return { ...current, ...fields, version };
  }).catch(async (error: unknown) => {
    // Two taps on 保存 at once: the batch the other one made.
    if (!before && isDuplicateKeyError(error)) return (await batchTables(db).batches.byId(id)) as BatchDoc;
    throw error;
  });
  return adminBatchView(db, saved, now, capOf(found.rule));
};

export const batchGet: H<'batchGet'> = async (input, { db, actor, now }) => {
  const b = await batchOf(db, input.batchId, actor.unionId);
  const found = holidayRule(await policyOf(db, actor.unionId, b.year), b.holiday, b.year);
  return adminBatchView(db, b, now, 'rule' in found ? capOf(found.rule) : null);
};

function openedNotice(b: BatchDoc, memberId: string): NewNotice {
  const closes = formatDateTimeZh(b.closesAt);
  return {
    id: `gift-open:${b._id}:${memberId}`,
    unionId: b.unionId,
    memberId,
    kind: 'gift_batch_opened',
    title: `${b.title}开始选择`,
    body: `工会为您准备了 ${b.options.length} 种${HOLIDAY_LABELS[b.holiday]}慰问品：${b.options.map((o) => o.name).join('、')}。请在 ${closes} 前选择。`,
    link: batchLink(b._id),
    // Template fields: thing1 名称, time2 截止时间, thing3 温馨提示.
    push: { template: 'gifts', fields: { thing1: clip(b.title), time2: closes, thing3: clip('点击进入选择您喜欢的礼品') } },
  };
}

export const batchOpen: H<'batchOpen'> = async (input, { db, actor, now }) => {
  let b = await batchOf(db, input.batchId, actor.unionId);
  if (b.status !== 'draft') throw new AppError('NOT_ALLOWED', '批次已经开放过了');
  if (b.closesAt <= now) throw new AppError('NOT_ALLOWED', '选择截止时间已过，请先修改截止日期', [{ path: ['closesOn'], message: '截止时间已过' }]);
  const policy = await policyOf(db, actor.unionId, b.year);
  const found = holidayRule(policy, b.holiday, b.year);
  if ('refusal' in found || !policy) throw new AppError('POLICY_REFUSED', (found as { refusal: string }).refusal);
  checkOptions(policy, b, shanghaiAt(b.holidayDate, '12:00'));
  const members = await eligibleMembers(db, b, policy, found.rule);
  if (members.length === 0) throw new AppError('NOT_ALLOWED', '名册中没有可以领取本次慰问品的会员');
  const slots = members.length;
  const unitMaxFen = Math.max(...b.options.map((o) => o.unitFen));
  const reservationId = batchReservationId(b._id);
  const { reservation } = await reserveBudget(db, { unionId: b.unionId, year: b.year, line: 'holiday', reservationId, slots, unitMaxFen, label: b.title, by: actorRef(actor), now });
  // Every stock and count, each idempotent by its id; then the picked counter.
  const options = await Promise.all(b.options.map(async (o) => ({ ...o, ref: await createStock(db, { id: optionStockId(b._id, o.id), total: o.stock ?? reservation.slots, shards: OPTION_SHARDS, now }) })));
  const places = await Promise.all(b.places.map(async (p) => ({ ...p, ref: await createStock(db, { id: placeStockId(b._id, p.id), total: reservation.slots, shards: PLACE_SHARDS, now }) })));
  const deliveryRef: StockRef | null = b.delivery ? await createStock(db, { id: placeStockId(b._id, DELIVERY), total: reservation.slots, shards: PLACE_SHARDS, now }) : null;
  try {
    await batchTables(db).picked.insert({ _id: pickedId(b._id), unionId: b.unionId, total: 0, options: {}, places: {} });
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
  }
  const opened = await inTransaction(db, async (tx) => {
    const current = await tx.get<BatchDoc>('gift_batches', b._id);
    if (!current || current.status !== 'draft') throw new AppError('NOT_ALLOWED', '批次已经开放过了');
    const version = current.version + 1;
    const set = { status: 'open' as const, options, places, deliveryRef, reservationId, eligible: reservation.slots, reservedFen: reservation.reservedFen, openedAt: now, updatedAt: now, version };
    await tx.update('gift_batches', b._id, set);
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${b._id}:v${version}`,
      unionId: b.unionId,
      at: now,
      actor: actorRef(actor),
      action: 'gift.batch.open',
      target: { kind: 'gift_batch', id: b._id, label: current.title },
      from: { status: 'draft' },
      to: { amountFen: reservation.reservedFen, summary: `开放选择：${reservation.slots} 人，预留预算 ${formatYuan(reservation.reservedFen)} 元，${current.closesOn} 截止` },
    });
    return { ...current, ...set };
  });
  b = opened;
  const told = await notify(db, members.map((m) => openedNotice(b, m._id)), now);
  return { batch: await adminBatchView(db, b, now, capOf(found.rule)), told };
};

export const batchExport: H<'batchExport'> = async (input, { db, actor, now }) => {
  const b = await batchOf(db, input.batchId, actor.unionId);
  if (b.status === 'draft') throw new AppError('NOT_ALLOWED', '批次尚未开放，还没有发放名单');
  const claims = await batchTables(db).claims.findAll({ batchId: b._id });
  claims.sort((x, y) => (x.department + x.memberName).localeCompare(y.department + y.memberName, 'zh-CN'));
  const optionName = (c: ClaimDoc) => b.options.find((o) => o.id === c.optionId)?.name ?? '';
  const file = await buildWorkbook([
    sheet<ClaimDoc>({
      name: '发放名单',
      columns: [
        { header: '序号', value: (c) => claims.indexOf(c) + 1 },
        { header: '姓名', value: (c) => c.memberName },
        { header: '部门', value: (c) => c.department },
        { header: '礼品', width: 18, value: optionName },
        { header: '金额（元）', value: (c) => formatYuan(c.amountFen) },
        { header: '领取方式', value: (c) => WAY_LABELS[c.way] },
        { header: '领取地点', width: 18, value: (c) => placeOf(b, c.placeId)?.name ?? '' },
        { header: '收件人', value: (c) => c.address?.name ?? '' },
        { header: '电话', value: (c) => c.address?.phone ?? '' },
        { header: '送货地址', width: 30, value: (c) => c.address?.address ?? '' },
        { header: '说明', value: (c) => (c.byDefault ? '未选择，默认发放' : '') },
        { header: '状态', value: (c) => CLAIM_STATUS_LABELS[c.status] },
        { header: '领取时间', value: (c) => excelDate(c.pickedAt) },
        { header: '签名', width: 16, value: () => '' },
      ],
      rows: claims,
      note: `${b.title}（${HOLIDAY_LABELS[b.holiday]} ${b.holidayDate}）发放名单，共 ${claims.length} 人。送货地址仅供工会办理发放使用，请勿外传。`,
    }),
  ]);
  const { fileID, url, fileName } = await publishExport(actor.unionId, `${b.title}-发放名单-${compactDate(now)}.xlsx`, file, now);
  await audit(db, { unionId: actor.unionId, at: now, actor: actorRef(actor), action: 'gift.batch.export', target: { kind: 'gift_batch', id: b._id, label: b.title }, from: null, to: { count: claims.length, summary: `导出发放名单 ${claims.length} 人（含送货地址）` } });
  return { url, fileName, fileID, count: claims.length };
};

export const batchUnpicked: H<'batchUnpicked'> = async (input, { db, actor, now }) => {
  const b = await batchOf(db, input.batchId, actor.unionId);
  const { items, total } = await batchTables(db).claims.findPage({ batchId: b._id, status: 'chosen' }, ['_id', 'asc'], input.page, input.pageSize);
  return {
    items: items.map((c) => ({ claimId: c._id, name: c.memberName, department: c.department, optionName: b.options.find((o) => o.id === c.optionId)?.name ?? '', wayLabel: WAY_LABELS[c.way], placeName: placeOf(b, c.placeId)?.name ?? '', byDefault: c.byDefault, status: c.status })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pickupEnded: shanghaiDateKey(now) > b.pickupEndsOn,
  };
};

/** Run `task` over `items`, `n` at a time. */
async function inPool<T, R>(items: readonly T[], n: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await task(items[i]);
      }
    }),
  );
  return out;
}

export const batchReverseUnpicked: H<'batchReverseUnpicked'> = async (input, { db, actor, now }) => {
  const b = await batchOf(db, input.batchId, actor.unionId);
  if (b.status !== 'closed') throw new AppError('NOT_ALLOWED', b.status === 'ended' ? '未领取的礼品已经处理过了' : '选择截止并发放结束后才能处理未领取的礼品');
  if (shanghaiDateKey(now) <= b.pickupEndsOn) throw new AppError('NOT_ALLOWED', `领取截止日（${b.pickupEndsOn}）之后才能收回未领取的礼品`);
  const by = actorRef(actor);
  // Settled at the deadline by the daily job; settling again answers the settlement made.
  if (b.reservationId) await settleReservation(db, { unionId: b.unionId, reservationId: b.reservationId, by, now });
  const unpicked = await batchTables(db).claims.findAll({ batchId: b._id, status: 'chosen' });
  const done = await inPool(unpicked, 4, async (c) => {
    // Held first (a pickup at this moment then waits, see pickups.ts), so a gift is never both handed out and reversed.
    const held = await batchTables(db).claims.updateWhere({ _id: c._id, status: 'chosen', version: c.version }, { pendingSince: now });
    if (held !== 1) return 0;
    // Reversed by a run that stopped before marking the claim: mark it now.
    const reversedAlready = await isReversed(db, b.unionId, c.entryId);
    if (!reversedAlready) {
      try {
        await reversePayout(db, {
          unionId: b.unionId,
          entryId: c.entryId,
          reason: `${b.title}未领取：${input.reason}`,
          approvedBy: by,
          now,
          audit: (r) => ({ actor: by, action: 'gift.unpicked', target: { kind: 'gift_claim', id: c._id, label: `${b.title} · ${c.memberName}` }, from: { status: 'chosen' }, to: { amountFen: r.amountFen, summary: `未领取，收回 ${formatYuan(-r.amountFen)} 元：${input.reason}` } }),
        });
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT' && /冲正过/.test(error.message))) throw error;
      }
    }
    const marked = await batchTables(db).claims.updateWhere({ _id: c._id, status: 'chosen', version: c.version }, { status: 'reversed', pendingSince: null, updatedAt: now });
    return marked === 1 ? c.amountFen : 0;
  });
  const reversedFen = done.reduce((s, x) => s + x, 0);
  const reversed = done.filter((x) => x > 0).length;
  const ended = await inTransaction(db, async (tx) => {
    const current = (await tx.get<BatchDoc>('gift_batches', b._id)) as BatchDoc;
    const version = current.version + 1;
    const set = { status: 'ended' as const, unpickedReversed: (current.unpickedReversed ?? 0) + reversed, updatedAt: now, version };
    await tx.update('gift_batches', b._id, set);
    await tx.insert<AuditDoc & { _id: string }>('audit_log', { _id: `${b._id}:v${version}`, unionId: b.unionId, at: now, actor: by, action: 'gift.batch.end', target: { kind: 'gift_batch', id: b._id, label: b.title }, from: { status: current.status }, to: { amountFen: -reversedFen, summary: `结束发放：${reversed} 份未领取，收回 ${formatYuan(reversedFen)} 元（${input.reason}）` } });
    return { ...current, ...set };
  });
  const found = holidayRule(await policyOf(db, actor.unionId, b.year), b.holiday, b.year);
  return { reversed, reversedFen, batch: await adminBatchView(db, ended, now, 'rule' in found ? capOf(found.rule) : null) };
};

/** Fallback claims made at a time: each is one transaction on its own member's year and a random shard. */
const FALLBACK_AT_ONCE = 6;

/**
 * After the deadline: members who did not choose get the fallback option (or nothing), once; the batch closes and
 * its reservation is settled. Claim ids are per member, so a second run (or one that stopped halfway) gives no one
 * a second gift.
 */
async function closeBatch(db: Db, b: BatchDoc, now: Date): Promise<{ given: number; refused: number }> {
  let given = 0;
  let refused = 0;
  const fallback = b.options.find((o) => o.id === b.fallbackOptionId);
  if (fallback && b.fallbackApplied === null) {
    const policy = await policyOf(db, b.unionId, b.year);
    const found = holidayRule(policy, b.holiday, b.year);
    if (policy && 'rule' in found) {
      const [members, claims] = await Promise.all([eligibleMembers(db, b, policy, found.rule), batchTables(db).claims.findAll({ batchId: b._id })]);
      const chose = new Set(claims.map((c) => c.memberId));
      const way = b.places.length > 0 ? ({ way: 'pickup', placeId: b.places[0].id } as const) : ({ way: 'delivery', placeId: null } as const);
      const outcomes = await inPool(
        members.filter((m) => !chose.has(m._id)),
        FALLBACK_AT_ONCE,
        async (m) => {
          try {
            const r = await firstChoice(db, b, m, { option: fallback, ...way, address: null }, SYSTEM, now, true);
            return r.result === 'chosen';
          } catch (error) {
            // A member the policy refuses now (their annual cap reached by another gift, no longer eligible): nothing.
            if (error instanceof AppError && error.code === 'POLICY_REFUSED') return false;
            throw error;
          }
        },
      );
      given = outcomes.filter(Boolean).length;
      refused = outcomes.length - given;
    }
  }
  // Changes of gift cut short (a crash between their steps) are mended before the reservation is settled.
  const pending = await batchTables(db).claims.find({ batchId: b._id, pendingSince: db.command.neq(null) }, { limit: 1000 });
  await inPool(pending, FALLBACK_AT_ONCE, (c) => repairClaim(db, b, c, SYSTEM, now));
  await inTransaction(db, async (tx) => {
    const current = await tx.get<BatchDoc>('gift_batches', b._id);
    if (!current || current.status !== 'open') return;
    const version = current.version + 1;
    const applied = current.fallbackApplied ?? given;
    await tx.update('gift_batches', b._id, { status: 'closed', fallbackApplied: applied, version, updatedAt: now });
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${b._id}:v${version}`,
      unionId: b.unionId,
      at: now,
      actor: SYSTEM,
      action: 'gift.batch.close',
      target: { kind: 'gift_batch', id: b._id, label: b.title },
      from: { status: 'open' },
      to: { summary: fallback ? `选择截止：${applied} 位未选择的会员默认发放「${fallback.name}」${refused ? `，${refused} 位不符合政策未发放` : ''}` : '选择截止：未选择的会员视为放弃' },
    });
  });
  if (b.reservationId) await settleReservation(db, { unionId: b.unionId, reservationId: b.reservationId, by: SYSTEM, now });
  return { given, refused };
}

/** The daily job's part (server/gifts/api.ts): open batches past their deadline, across unions, closed once. */
export async function batchesDaily(db: Db, now: Date): Promise<Record<string, number>> {
  const due = await batchTables(db).batches.find({ status: 'open', closesAt: db.command.lte(now) }, { orderBy: [['closesAt', 'asc']], limit: 20 });
  let fallbackGiven = 0;
  let fallbackRefused = 0;
  for (const b of due) {
    const r = await closeBatch(db, b, now);
    fallbackGiven += r.given;
    fallbackRefused += r.refused;
  }
  return { batchesClosed: due.length, fallbackGiven, fallbackRefused };
}
