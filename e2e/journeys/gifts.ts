/**
 * 生日与节日慰问 (gifts)'s browser journey, on the demo data (birthday vouchers on at the clerk's shop; 陈静's birthday
 * is the day after the demo is loaded). The clock is set to 陈静's birthday and the daily job runs: she finds her
 * cake voucher in 我的福利 (the greeting, the amount, the shop, the last day, the QR code and the short code) and
 * reads the notice; the shop's clerk types a wrong code and is told so, then hers, sees its amount and validity and
 * nothing about her, and redeems it; she reads that it was used; the officer's shop statement of the month lists it,
 * in agreement with the ledger; the yearly report's 生日慰问 line counts it.
 * Then the holiday gifts: the officer creates a batch for the next holiday the policy funds (its day from the lunar
 * calendar) with three gifts, one of them only one left, and opens it; 张伟 goes from the notice to his gift in two
 * taps and gets a pickup code; 陈静 finds that gift gone and takes another; the officer sees the tallies and marks
 * 张伟's pickup by his typed code; the 节日慰问 line of the batch's year has spent exactly the two gifts.
 */
import type { Page } from 'playwright-core';
import { DEMO_CAKE_SHOP } from '../../scripts/demo-data';
import { holidayDate } from '../../src/core/domain/holidayDates';
import { HOLIDAY_LABELS, type Holiday } from '../../src/core/policy/items';
import { addDays, shanghaiAt, shanghaiDateKey, shanghaiYear } from '../../src/core/time';
import { screenshot } from '../browser';
import type { Journey } from './journey';
import { button, card, confirm, demoAccount, expectImageLoaded, expectText, fenOf, fill, openAdmin, pickOption, reportLine, setClock, switchTo, untilRead, visibleText } from './journey';

/** The gifts of the batch: the first has one left, so the second member finds it gone. */
const GIFTS = [
  { name: '五常大米礼盒', price: '288', stock: '1' },
  { name: '花生油礼盒', price: '268', stock: '' },
  { name: '杂粮组合', price: '258', stock: '' },
];
const PLACE = { name: '机关大院工会活动室', times: '节前一周 9:00—17:00' };

/**
 * The next holiday the 淄博 policy funds whose day is at least two weeks away (the window closes a week before it,
 * and the journey's clock runs a day ahead).
 */
function nextHoliday(now: Date): { holiday: Holiday; year: number; day: string } {
  const earliest = addDays(shanghaiDateKey(now), 14);
  const year = shanghaiYear(now);
  const days = [year, year + 1].flatMap((y) => (['springFestival', 'dragonBoat', 'midAutumn'] as const).map((holiday) => ({ holiday, year: y, day: holidayDate(holiday, y) })));
  const next = days.filter((d) => d.day >= earliest).sort((a, b) => a.day.localeCompare(b.day))[0];
  if (!next) throw new Error(`no funded holiday after ${earliest}`);
  return next;
}

/** 我的福利, from the home page. */
async function openMyGifts(p: Page): Promise<void> {
  await visibleText(p, '我的福利', true).click();
  await untilRead(p);
}

/**
 * What a budget line (节日慰问, 生日慰问) has spent in `year` and in how many payouts: as members read it in the yearly
 * report (经费支出公布) for this year; for another year (a 春节 of next year), from the officers' budget page.
 */
async function spentOn(p: Page, baseUrl: string, year: number, label: string): Promise<{ spentFen: number; count: number }> {
  const payouts = (text: string) => Number(/(\d+) 笔/.exec(text)?.[1] ?? NaN);
  if (year === shanghaiYear(new Date())) {
    return reportLine(p, baseUrl, label);
  }
  await p.goto(`${baseUrl}/#/packages/ledger/manage/budget/index`);
  await p.locator('.u-tabs').getByText(new RegExp(`^${year}`)).filter({ visible: true }).first().click();
  await untilRead(p);
  const spent = card(p, label).locator('.u-info', { hasText: '已支出' }).locator('.u-info__value');
  await spent.waitFor({ state: 'visible', timeout: 15_000 });
  const text = await spent.innerText();
  return { spentFen: fenOf(text), count: payouts(text) };
}

/** '2026-12' → '2026年12月', as the statement's month list reads. */
const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export const giftsJourney: Journey = (baseUrl) => {
  const label = (openid: string) => demoAccount(openid).label;
  const member = label('demo-member-zhang');
  const colleague = label('demo-handler-chen');
  const officer = label('demo-officer-li');
  const clerk = label('demo-clerk-chen');
  const now = new Date();
  // 陈静's birthday (the demo data's DEMO_BIRTHDAY_TOMORROW), early in the morning, when the daily job runs.
  const birthday = addDays(shanghaiDateKey(now), 1);
  const birthdayYear = Number(birthday.slice(0, 4));
  const next = nextHoliday(now);
  const holidayName = HOLIDAY_LABELS[next.holiday];
  let voucherCode = '';
  let pickupCode = '';
  let batchPage = '';
  let birthdaysBefore = { spentFen: 0, count: 0 };
  let holidaysBefore = { spentFen: 0, count: 0 };
  return [
    {
      name: '42-gifts-birthday-voucher',
      run: async (p) => {
        await setClock(baseUrl, null);
        await switchTo(p, baseUrl, colleague);
        birthdaysBefore = await spentOn(p, baseUrl, birthdayYear, '生日慰问');
        // Her birthday, and the daily job.
        await setClock(baseUrl, shanghaiAt(birthday, '02:00'));
        const job = await fetch(`${baseUrl}/__emulator/triggers/jobs/daily`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        const reply = (await job.json()) as { ok?: boolean; result?: { data?: { gifts?: { birthdays?: { issued?: number } } } } };
        if (!reply.ok || !reply.result?.data?.gifts?.birthdays?.issued) throw new Error(`the daily job issued no voucher: ${JSON.stringify(reply).slice(0, 400)}`);
        await p.goto(`${baseUrl}/#/pages/index/index`);
        await openMyGifts(p);
        const voucher = card(p, '生日蛋糕券');
        await voucher.waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(p, '祝您生日快乐');
        await expectText(p, '¥198.00');
        await expectText(p, DEMO_CAKE_SHOP);
        await expectText(p, '可使用');
        await expectImageLoaded(p, voucher.locator('.voucher__qr-image'));
        voucherCode = (await voucher.locator('.voucher__code').innerText()).trim();
        if (!/^[A-Z0-9]{5} [A-Z0-9]{5}$/.test(voucherCode)) throw new Error(`the voucher's code reads "${voucherCode}"`);
      },
    },
    {
      name: '43-gifts-birthday-notice',
      run: async (p) => {
        await p.goto(`${baseUrl}/#/pages/inbox/index`);
        await expectText(p, '生日快乐！您的生日蛋糕券已发放');
        await expectText(p, DEMO_CAKE_SHOP);
      },
    },
    {
      name: '44-gifts-clerk-wrong-code',
      run: async (p) => {
        await switchTo(p, baseUrl, clerk, '核销蛋糕券');
        await visibleText(p, '核销蛋糕券', true).click();
        await expectText(p, `${DEMO_CAKE_SHOP} · 核销蛋糕券`);
        await fill(p, '例如 ABCDE FGHJK', 'ABCDE FGHJK');
        await button(p, '查询').click();
        await expectText(p, '没有找到这张蛋糕券');
      },
    },
    {
      name: '45-gifts-clerk-finds-voucher',
      run: async (p) => {
        await fill(p, '例如 ABCDE FGHJK', voucherCode.toLowerCase());
        await button(p, '查询').click();
        await button(p, '确认核销').waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(p, '¥198.00');
        await expectText(p, '有效期至');
        // The clerk learns the voucher, never whose it is (陈静 of 人事处).
        const text = await p.locator('body').innerText();
        for (const secret of ['陈静', '人事处', '13905330007', 'A0007']) if (text.includes(secret)) throw new Error(`the clerk reads "${secret}"`);
      },
    },
    {
      name: '46-gifts-clerk-redeems',
      run: async (p) => {
        await button(p, '确认核销').click();
        await confirm(p, '核销');
        await expectText(p, '核销成功');
        await expectText(p, '核销下一张');
        // This month's reckoning at the shop counts it.
        await expectText(p, '1 张，¥198.00');
      },
    },
    {
      name: '47-gifts-member-voucher-used',
      run: async (p) => {
        await switchTo(p, baseUrl, colleague);
        await openMyGifts(p);
        await card(p, '生日蛋糕券').locator('.u-badge', { hasText: '已使用' }).waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(p, `在${DEMO_CAKE_SHOP}使用`);
        if ((await p.locator('.voucher__qr-image').filter({ visible: true }).count()) > 0) throw new Error('a used voucher still shows its QR code');
        await screenshot(p, '47a-gifts-voucher-used');
        await p.goto(`${baseUrl}/#/pages/inbox/index`);
        await expectText(p, '您的生日蛋糕券已使用');
      },
    },
    {
      name: '48-gifts-officer-shop-statement',
      run: async (p) => {
        await switchTo(p, baseUrl, officer);
        await openAdmin(p, '蛋糕店结算');
        // The month opened is the phone's; the voucher was redeemed on the clock's day (the next month, on the last day of one).
        const shown = monthText(shanghaiDateKey(new Date()).slice(0, 7));
        if (monthText(birthday.slice(0, 7)) !== shown) await pickOption(p, shown, monthText(birthday.slice(0, 7)));
        const shop = card(p, DEMO_CAKE_SHOP);
        await shop.waitFor({ state: 'visible', timeout: 15_000 });
        await shop.getByText('与台账一致', { exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
        await shop.getByText('1 张', { exact: true }).waitFor({ state: 'visible' });
        await shop.getByText(voucherCode).waitFor({ state: 'visible' });
        await expectText(p, '店员 周敏');
      },
    },
    {
      name: '49-gifts-yearly-report-counts-the-voucher',
      run: async (p) => {
        const after = await spentOn(p, baseUrl, birthdayYear, '生日慰问');
        if (after.spentFen - birthdaysBefore.spentFen !== 19_800 || after.count - birthdaysBefore.count !== 1) {
          throw new Error(`the ${birthdayYear} 生日慰问 line does not count the voucher: before ${JSON.stringify(birthdaysBefore)}, after ${JSON.stringify(after)}`);
        }
        await p.locator('.report__line, .u-card', { hasText: '生日慰问' }).filter({ visible: true }).first().scrollIntoViewIfNeeded();
      },
    },
    {
      name: '50-gifts-officer-new-batch',
      run: async (p) => {
        holidaysBefore = await spentOn(p, baseUrl, next.year, '节日慰问');
        await p.goto(`${baseUrl}/#/pages/index/index`);
        await openAdmin(p, '节日慰问品');
        await button(p, '新建慰问品批次').click();
        await expectText(p, '节日与时间');
        await pickOption(p, '请选择', holidayName);
        await p.locator('.u-choice__option').getByText(`${next.year}年`, { exact: true }).filter({ visible: true }).first().click();
        // The day from the lunar calendar, and the policy's rule for it.
        await expectText(p, `${next.year}年${holidayName}：${next.day}`);
        await screenshot(p, '50a-gifts-batch-form-holiday');
        await visibleText(p, '＋ 添加礼品', true).click();
        for (const [i, g] of GIFTS.entries()) {
          await p.locator('input[placeholder="例如：月饼礼盒"]').filter({ visible: true }).nth(i).fill(g.name);
          await p.locator('input[placeholder="例如 298"]').filter({ visible: true }).nth(i).fill(g.price);
          if (g.stock) await p.locator('input[placeholder="不限量"]').filter({ visible: true }).nth(i).fill(g.stock);
        }
        await fill(p, '例如：机关大院工会活动室', PLACE.name);
        await fill(p, '例如：9月21日—24日 9:00—17:00', PLACE.times);
        await button(p, '创建批次').scrollIntoViewIfNeeded();
        await screenshot(p, '50b-gifts-batch-form-gifts');
        await button(p, '创建批次').click();
        await expectText(p, '开放选择并通知会员');
        await expectText(p, `${GIFTS[0].name} ¥288.00 ×1`);
        batchPage = p.url();
      },
    },
    {
      name: '51-gifts-officer-opens-batch',
      run: async (p) => {
        await button(p, '开放选择并通知会员').click();
        await confirm(p, '开放');
        await expectText(p, '按礼品');
        await expectText(p, '可领取会员');
      },
    },
    {
      name: '52-gifts-member-chooses-from-notice',
      run: async (p) => {
        await switchTo(p, baseUrl, member);
        // Two taps from the notice: the notice, then the gift.
        await p.goto(`${baseUrl}/#/pages/inbox/index`);
        await p.locator('.inbox__item', { hasText: '开始选择' }).filter({ visible: true }).first().click();
        await expectText(p, '请选择一份礼品');
        await screenshot(p, '52a-gifts-batch-options');
        const gift = p.locator('.gift-option', { hasText: GIFTS[0].name }).filter({ visible: true }).first();
        await gift.getByText('选这份', { exact: true }).click();
        await gift.getByText('✓ 已选这份').waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(p, '待领取');
        await expectText(p, PLACE.name);
        await expectImageLoaded(p, p.locator('.gift-qr__image').filter({ visible: true }).first());
        pickupCode = (await p.locator('.gift-qr__code').filter({ visible: true }).first().innerText()).trim();
        if (!/^[A-Z0-9]{4} ?[A-Z0-9]{4}$/.test(pickupCode)) throw new Error(`the pickup code reads "${pickupCode}"`);
      },
    },
    {
      name: '53-gifts-colleague-finds-gift-gone',
      run: async (p) => {
        await switchTo(p, baseUrl, colleague);
        await openMyGifts(p);
        await button(p, '去选择礼品').click();
        await expectText(p, '请选择一份礼品');
        const gone = p.locator('.gift-option', { hasText: GIFTS[0].name }).filter({ visible: true }).first();
        await gone.getByText('已领完', { exact: true }).waitFor({ state: 'visible', timeout: 15_000 });
        const other = p.locator('.gift-option', { hasText: GIFTS[1].name }).filter({ visible: true }).first();
        await other.getByText('选这份', { exact: true }).click();
        await other.getByText('✓ 已选这份').waitFor({ state: 'visible', timeout: 15_000 });
        await expectText(p, '待领取');
      },
    },
    {
      name: '54-gifts-officer-tallies-and-pickup',
      run: async (p) => {
        await switchTo(p, baseUrl, officer);
        await p.goto(batchPage);
        await expectText(p, `已选 1 / 1 · 已领 0`);
        await card(p, '选择情况').getByText('2 人，已领取 0 份').waitFor({ state: 'visible', timeout: 15_000 });
        await card(p, '选择情况').scrollIntoViewIfNeeded();
        await screenshot(p, '54a-gifts-batch-tallies');
        await fill(p, '例如 ABCD 2345', pickupCode);
        await button(p, '登记领取').click();
        await expectText(p, `张伟：${GIFTS[0].name}（${PLACE.name}）已登记领取`);
        await expectText(p, `已选 1 / 1 · 已领 1`);
      },
    },
    {
      name: '55-gifts-member-picked-up',
      run: async (p) => {
        await switchTo(p, baseUrl, member);
        await openMyGifts(p);
        await expectText(p, `${holidayName}慰问品领取码`);
        await card(p, `${holidayName}慰问品领取码`).locator('.u-badge', { hasText: '已领取' }).waitFor({ state: 'visible', timeout: 15_000 });
      },
    },
    {
      name: '56-gifts-year-counts-the-gifts',
      run: async (p) => {
        await switchTo(p, baseUrl, officer);
        const after = await spentOn(p, baseUrl, next.year, '节日慰问');
        const expected = (288 + 268) * 100;
        if (after.spentFen - holidaysBefore.spentFen !== expected || after.count - holidaysBefore.count !== 2) {
          throw new Error(`the ${next.year} 节日慰问 line does not count the two gifts: before ${JSON.stringify(holidaysBefore)}, after ${JSON.stringify(after)}`);
        }
        await p.locator('.report__line, .u-card', { hasText: '节日慰问' }).filter({ visible: true }).first().scrollIntoViewIfNeeded();
        await setClock(baseUrl, null);
      },
    },
  ];
};
