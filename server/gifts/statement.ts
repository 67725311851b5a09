/**
 * The shop's monthly statement (what it is paid on): per shop, the vouchers redeemed in a month (Shanghai), their
 * count and total, and — read from the ledger itself — the net amount of the same vouchers' entries (the entry,
 * less any correction of it), so a difference shows at once. The Excel: one sheet of totals per shop and one of
 * every voucher, with a signature line. Officers, the chair and fund auditors (gifts.statement).
 *
 * The ledger is read here by entry id (the ledger's own type; the entries are the voucher ids and their reversals):
 * read-only, the one place this area looks at the ledger's collection.
 */
import type { ActorContext, Handler } from '../runtime/defineFunction';
import type { GiftsContract } from '../../src/core/contracts/gifts';
import type { ActionName } from '../../src/core/contracts/contract';
import { formatVoucherCode } from '../../src/core/domain/birthdays';
import { formatYuan } from '../../src/core/money';
import { formatDateTimeZh } from '../../src/core/time';
import type { Db } from '../db';
import { actorRef, audit } from '../db/audit';
import { publishExport } from '../db/files';
import { buildWorkbook, sheet } from '../files/xlsx';
import { netOfEntries } from '../ledger/api';
import { voucherTables, type VoucherDoc } from './vouchers.store';

type H<K extends ActionName<GiftsContract>> = Handler<GiftsContract, K, ActorContext>;

interface ShopStatement {
  shopName: string;
  count: number;
  totalFen: number;
  ledgerFen: number;
  vouchers: VoucherDoc[];
}

async function statementOf(db: Db, unionId: string, month: string, shopName: string | undefined): Promise<ShopStatement[]> {
  const vouchers = await voucherTables(db).vouchers.findAll({ unionId, redeemedMonth: month, status: 'redeemed', ...(shopName ? { shopName } : {}) }, ['redeemedAt', 'asc']);
  const net = await netOfEntries(db, unionId, vouchers.map((v) => v.entryId));
  const byShop = new Map<string, ShopStatement>();
  for (const v of vouchers) {
    const s = byShop.get(v.shopName) ?? { shopName: v.shopName, count: 0, totalFen: 0, ledgerFen: 0, vouchers: [] };
    s.count += 1;
    s.totalFen += v.amountFen;
    s.ledgerFen += net.get(v.entryId) ?? 0;
    s.vouchers.push(v);
    byShop.set(v.shopName, s);
  }
  return [...byShop.values()].sort((a, b) => a.shopName.localeCompare(b.shopName, 'zh'));
}

const monthZh = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export const voucherStatement: H<'voucherStatement'> = async (input, { db, actor }) => {
  const shops = await statementOf(db, actor.unionId, input.month, input.shopName);
  return {
    month: input.month,
    shops: shops.map((s) => ({
      shopName: s.shopName,
      count: s.count,
      totalFen: s.totalFen,
      ledgerFen: s.ledgerFen,
      items: s.vouchers.map((v) => ({ code: formatVoucherCode(v.code), amountFen: v.amountFen, redeemedAt: v.redeemedAt as Date, clerkName: v.redeemedBy?.name ?? '' })),
    })),
    count: shops.reduce((n, s) => n + s.count, 0),
    totalFen: shops.reduce((n, s) => n + s.totalFen, 0),
  };
};

export const voucherStatementExport: H<'voucherStatementExport'> = async (input, { db, actor, now }) => {
  const shops = await statementOf(db, actor.unionId, input.month, input.shopName);
  const count = shops.reduce((n, s) => n + s.count, 0);
  const totalFen = shops.reduce((n, s) => n + s.totalFen, 0);
  const ledgerFen = shops.reduce((n, s) => n + s.ledgerFen, 0);
  const reconciled = ledgerFen === totalFen ? '与经费台账一致' : `与经费台账不一致（台账 ${formatYuan(ledgerFen)} 元），请核对`;
  const rows = shops.flatMap((s) => s.vouchers.map((v) => ({ s, v })));
  const content = await buildWorkbook([
    sheet<ShopStatement>({
      name: '结算汇总',
      columns: [
        { header: '蛋糕店', width: 28, value: (s) => s.shopName },
        { header: '月份', width: 12, value: () => monthZh(input.month) },
        { header: '核销张数', value: (s) => s.count },
        { header: '金额（元）', width: 14, value: (s) => s.totalFen / 100 },
        { header: '台账金额（元）', width: 16, value: (s) => s.ledgerFen / 100 },
      ],
      rows: shops,
      note: `合计 ${count} 张，${formatYuan(totalFen)} 元，${reconciled}。蛋糕店签字：__________　工会经办人签字：__________　日期：__________`,
    }),
    sheet<{ s: ShopStatement; v: VoucherDoc }>({
      name: '核销明细',
      columns: [
        { header: '序号', value: (r) => rows.indexOf(r) + 1 },
        { header: '蛋糕店', width: 28, value: (r) => r.s.shopName },
        { header: '券码', width: 14, value: (r) => formatVoucherCode(r.v.code) },
        { header: '金额（元）', width: 12, value: (r) => r.v.amountFen / 100 },
        { header: '核销时间', width: 20, value: (r) => (r.v.redeemedAt ? formatDateTimeZh(r.v.redeemedAt) : '') },
        { header: '核销店员', width: 14, value: (r) => r.v.redeemedBy?.name ?? '' },
      ],
      rows,
    }),
  ]);
  const { fileID, url, fileName } = await publishExport(actor.unionId, `蛋糕店结算单-${input.month}${input.shopName ? `-${input.shopName.replace(/\s/g, '')}` : ''}.xlsx`, content, now);
  await audit(db, {
    unionId: actor.unionId,
    at: now,
    actor: actorRef(actor),
    action: 'gifts.statementExport',
    target: { kind: 'gift_statement', id: `${actor.unionId}:${input.month}`, label: `${monthZh(input.month)}蛋糕店结算单` },
    from: null,
    to: { count, totalFen, summary: `${count} 张，${formatYuan(totalFen)} 元` },
  });
  return { url, fileName, fileID, count };
};
