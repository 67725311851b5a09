/**
 * Cake vouchers: the member's own in 我的福利 (with the QR code drawn here, so the phone carries no QR library), and
 * the designated shop's clerk checking and redeeming a code.
 *
 * The clerk learns validity, amount and last day — never the member's name, phone or department. A code is found
 * by its unique index; a wrong code, a code of another union and a malformed one all answer the same sentence, and
 * every such answer (and a code of another shop of the union) counts against the clerk and the shop
 * (server/db/attempts.ts): ten wrong in a row lock the clerk for half an hour, thirty wrong at one shop lock the
 * shop — a 10-character code of 31 symbols is not searchable at that rate. A right code gives its attempt back.
 * Redeeming is a transaction on the voucher with its audit record: two clerks at once, one wins and the other is
 * told it was used. The member is told (inbox).
 */
import { createHash } from 'node:crypto';
import qrcode from 'qrcode-generator';
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { WRONG_CODE, formatVoucherCode, isVoucherCodeShape, monthOf, normaliseVoucherCode, VOUCHER_QR_PREFIX, VOUCHER_STATUS_LABELS, voucherState } from '../../src/core/domain/birthdays';
import { AppError } from '../../src/core/errors';
import { formatYuan } from '../../src/core/money';
import { dayZh, formatDateTimeZh, shanghaiDateKey, type DateKey } from '../../src/core/time';
import type { Db } from '../db';
import { failedAttempt, releaseAttempt, takeAttempt, type AttemptLimit } from '../db/attempts';
import { actorRef } from '../db/audit';
import { inTransaction } from '../db/transaction';
import type { AuditDoc } from '../db/types';
import type { Actor } from '../runtime/actor';
import { notify } from '../notices/api';
import { redeemedNotice } from './voucherNotices';
import { voucherTables, type VoucherDoc } from './vouchers.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

/** One clerk's wrong codes, and all wrong codes at one shop of one union. */
export const CLERK_CODE_LIMIT: AttemptLimit = { max: 10, lockMs: 30 * 60_000, escalate: true, forgetMs: 3600_000 };
export const SHOP_CODE_LIMIT: AttemptLimit = { max: 30, lockMs: 30 * 60_000, forgetMs: 3600_000 };

/** A QR code (GIF data URL) of the voucher: what a clerk's scanner reads is `CAKE:<code>`. */
export function voucherQr(code: string): string {
  const hit = drawn.get(code);
  if (hit) return hit;
  const qr = qrcode(0, 'M');
  qr.addData(`${VOUCHER_QR_PREFIX}${code}`);
  qr.make();
  const cell = Math.max(4, Math.round(420 / (qr.getModuleCount() + 8)));
  const url = qr.createDataURL(cell, cell * 4);
  // Drawing costs about 40 ms of CPU (the bench's 我的福利): an instance keeps the last few hundred it drew.
  drawn.set(code, url);
  if (drawn.size > 500) drawn.delete(drawn.keys().next().value as string);
  return url;
}

/** QR images this instance drew lately, by code (a code never changes what it draws). */
const drawn = new Map<string, string>();

// ——— the member ———————————————————————————————————————————————————————————————————————————————————————————————

export const myVouchers: H<'myVouchers'> = async (_input, { db, actor, now }) => {
  if (!actor.member) throw new AppError('FORBIDDEN', '只有本工会会员可以查看生日蛋糕券');
  const today = shanghaiDateKey(now);
  const docs = await voucherTables(db).vouchers.find({ memberId: actor.member._id, unionId: actor.unionId }, { orderBy: [['year', 'desc']], limit: 10 });
  return {
    items: docs.map((v) => {
      const status = voucherState(v.status, v.lastDay, today);
      return {
        birthday: v.birthday,
        year: v.year,
        amountFen: v.amountFen,
        shopName: v.shopName,
        issuedOn: v.issuedOn,
        lastDay: v.lastDay,
        status,
        statusLabel: VOUCHER_STATUS_LABELS[status],
        greeting: v.greeting,
        code: formatVoucherCode(v.code),
        qr: status === 'issued' ? voucherQr(v.code) : null,
        redeemedAt: v.redeemedAt,
      };
    }),
  };
};

// ——— the clerk ————————————————————————————————————————————————————————————————————————————————————————————————

function clerkOf(actor: Actor): { shopName: string } {
  if (actor.kind !== 'clerk' || !actor.shopName) throw new AppError('FORBIDDEN', '只有工会指定蛋糕店的店员可以核销蛋糕券');
  return { shopName: actor.shopName };
}

const shopKey = (unionId: string, shopName: string) => `voucher-shop:${unionId}:${createHash('sha256').update(shopName).digest('hex').slice(0, 16)}`;
const clerkKey = (openid: string) => `voucher-clerk:${openid}`;

/**
 * The voucher of a code at the clerk's shop, with the guessing limits applied: a code that is not one of the shop's
 * counts as a wrong guess for the clerk and the shop.
 */
async function voucherForClerk(db: Db, actor: Actor, raw: string, now: Date): Promise<VoucherDoc> {
  const { shopName } = clerkOf(actor);
  const mine = clerkKey(actor.openid);
  const shop = shopKey(actor.unionId, shopName);
  const taken = await takeAttempt(db, mine, CLERK_CODE_LIMIT, now);
  if (!taken.ok) throw new AppError('RATE_LIMITED', `输错券码次数过多，请于 ${formatDateTimeZh(taken.until)} 后再试`);
  const shared = await takeAttempt(db, shop, SHOP_CODE_LIMIT, now);
  if (!shared.ok) {
    await releaseAttempt(db, mine);
    throw new AppError('RATE_LIMITED', `本店输错券码次数过多，核销暂停到 ${formatDateTimeZh(shared.until)}，请联系工会`);
  }
  const code = normaliseVoucherCode(raw);
  const found = isVoucherCodeShape(code) ? (await voucherTables(db).vouchers.find({ code }, { limit: 1 }))[0] : undefined;
  const wrong = async (error: AppError): Promise<never> => {
    await Promise.all([failedAttempt(db, mine, taken, CLERK_CODE_LIMIT, now), failedAttempt(db, shop, shared, SHOP_CODE_LIMIT, now)]);
    throw error;
  };
  // Another union's voucher is none of this shop's business: it reads as a wrong code.
  if (!found || found.unionId !== actor.unionId) return wrong(new AppError('NOT_FOUND', WRONG_CODE, [{ path: ['code'], message: '券码不正确' }]));
  if (found.shopName !== shopName) return wrong(new AppError('NOT_ALLOWED', `这张蛋糕券须在「${found.shopName}」使用，不能在本店核销`, [{ path: ['code'], message: '不是本店的蛋糕券' }]));
  await Promise.all([releaseAttempt(db, mine), releaseAttempt(db, shop)]);
  return found;
}

/** Why the voucher cannot be redeemed today, or null. */
function refusalOf(v: VoucherDoc, today: DateKey): string | null {
  const state = voucherState(v.status, v.lastDay, today);
  if (state === 'redeemed') return `这张蛋糕券已于 ${v.redeemedAt ? formatDateTimeZh(v.redeemedAt) : ''} 使用过，不能重复使用`;
  if (state === 'expired') return `这张蛋糕券已过期（有效期至 ${dayZh(v.lastDay, { weekday: true })}），不能使用`;
  return null;
}

function clerkView(v: VoucherDoc, today: DateKey) {
  const status = voucherState(v.status, v.lastDay, today);
  const reason = refusalOf(v, today);
  return {
    code: formatVoucherCode(v.code),
    status,
    statusLabel: VOUCHER_STATUS_LABELS[status],
    usable: reason === null,
    reason,
    amountFen: v.amountFen,
    lastDay: v.lastDay,
    shopName: v.shopName,
    redeemedAt: v.redeemedAt,
  };
}

export const voucherCheck: H<'voucherCheck'> = async (input, { db, actor, now }) => {
  const v = await voucherForClerk(db, actor, input.code, now);
  return clerkView(v, shanghaiDateKey(now));
};

export const voucherRedeem: H<'voucherRedeem'> = async (input, { db, actor, now }) => {
  const found = await voucherForClerk(db, actor, input.code, now);
  const today = shanghaiDateKey(now);
  const redeemed = await inTransaction(db, async (tx) => {
    const v = await tx.get<VoucherDoc>('gift_vouchers', found._id);
    if (!v) throw new AppError('NOT_FOUND', WRONG_CODE);
    const refusal = refusalOf(v, today);
    if (refusal) throw new AppError('NOT_ALLOWED', refusal);
    const by = actorRef(actor);
    const after: VoucherDoc = { ...v, status: 'redeemed', redeemedAt: now, redeemedBy: by, redeemedMonth: monthOf(today) };
    await tx.update('gift_vouchers', v._id, { status: after.status, redeemedAt: now, redeemedBy: by, redeemedMonth: after.redeemedMonth });
    await tx.insert<AuditDoc & { _id: string }>('audit_log', {
      _id: `${v._id}:redeemed`,
      unionId: v.unionId,
      at: now,
      actor: by,
      action: 'gifts.voucherRedeem',
      target: { kind: 'gift_voucher', id: v._id, label: `生日蛋糕券 ${formatVoucherCode(v.code)}（${v.memberName}）` },
      from: { status: 'issued' },
      to: { status: 'redeemed', shopName: v.shopName, amountFen: v.amountFen, summary: `${v.shopName}核销 ${formatYuan(v.amountFen)} 元` },
    });
    return after;
  });
  await notify(db, [redeemedNotice(redeemed)], now);
  return clerkView(redeemed, today);
};

/** The clerk's own shop's redemptions in a month: the codes, amounts and times, for their reckoning. */
export const shopRedemptions: H<'shopRedemptions'> = async (input, { db, actor, now }) => {
  const { shopName } = clerkOf(actor);
  const month = input.month ?? monthOf(shanghaiDateKey(now));
  const vouchers = await voucherTables(db).vouchers.find({ unionId: actor.unionId, redeemedMonth: month, shopName, status: 'redeemed' }, { orderBy: [['redeemedAt', 'desc']], limit: 1000 });
  return {
    month,
    count: vouchers.length,
    totalFen: vouchers.reduce((n, v) => n + v.amountFen, 0),
    items: vouchers.map((v) => ({ code: formatVoucherCode(v.code), amountFen: v.amountFen, redeemedAt: v.redeemedAt as Date, clerkName: v.redeemedBy?.name ?? '' })),
  };
};

// ——— officers ————————————————————————————————————————————————————————————————————————————————————————————————

/** The vouchers of a birthday month, by birthday, with the month's counts (an issued one past its last day is expired). */
export const birthdayVouchers: H<'birthdayVouchers'> = async (input, { db, actor, now }) => {
  const _ = db.command;
  const t = voucherTables(db).vouchers;
  const today = shanghaiDateKey(now);
  const where = { unionId: actor.unionId, birthday: _.gte(`${input.month}-01`).and(_.lte(`${input.month}-31`)) };
  const [{ items, total }, issuedLive, redeemed] = await Promise.all([
    t.findPage(where, ['birthday', 'asc'], input.page, input.pageSize),
    t.count({ ...where, status: 'issued', lastDay: _.gte(today) }),
    t.count({ ...where, status: 'redeemed' }),
  ]);
  return {
    items: items.map((v) => {
      const status = voucherState(v.status, v.lastDay, today);
      return { memberName: v.memberName, birthday: v.birthday, amountFen: v.amountFen, shopName: v.shopName, issuedOn: v.issuedOn, lastDay: v.lastDay, status, statusLabel: VOUCHER_STATUS_LABELS[status], redeemedAt: v.redeemedAt };
    }),
    total,
    page: input.page,
    pageSize: input.pageSize,
    counts: { issued: issuedLive, redeemed, expired: total - issuedLive - redeemed },
  };
};
