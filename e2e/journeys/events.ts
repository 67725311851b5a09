/**
 * 文体活动 (events)' browser journey: an officer publishes an event with 2 seats and a cover; three members sign up
 * from the list in two taps each, the third is waitlisted; the first cancels; the third is promoted and reads the
 * notice; on the day the officer checks two in by the codes on their screens and exports the roster; in the evening
 * the officer records the results and a prize, and a member reads them.
 */
import type { Page } from 'playwright-core';
import { coverPng } from '../../scripts/cover-art';
import { addDays, shanghaiDateKey } from '../../src/core/time';
import { screenshot } from '../browser';
import type { Journey } from './journey';
import { demoAccount, expectImageLoaded, expectText, fill, pick, pickOption, setClock, switchTo, visibleText } from './journey';

const EVENT_TITLE = '乒乓球双打体验赛';
const RESULTS_PLACEHOLDER = '例如：第一名 张伟；第二名 刘洋';
const RESULTS_TEXT = '冠军：孙丽、赵建国组合';

/** Set the emulator's clock to `time` (HH:MM, Shanghai) on the event's day: a week from today, as it was published. */
async function setClockOnEventDay(baseUrl: string, time: string): Promise<void> {
  const eventDay = addDays(shanghaiDateKey(new Date()), 7);
  await setClock(baseUrl, `${eventDay}T${time}:00+08:00`);
}

export const eventsJourney: Journey = (baseUrl, { summary }) => {
  const officer = demoAccount('demo-officer-li');
  const label = (openid: string) => demoAccount(openid).label;
  // The check-in codes the members' screens show, read in steps 20 and 21 and typed in by the officer in 22.
  const codes = { sun: '', zhao: '' };
  const tapsToSignUp: number[] = [];
  return [
    {
      name: '14-officer-publishes-event',
      run: async (p) => {
        await switchTo(p, baseUrl, officer.label);
        await p.goto(`${baseUrl}/#/packages/events/manage/list/index`);
        await visibleText(p, '发布活动', true).click();
        await fill(p, '例如：乒乓球友谊赛', EVENT_TITLE);
        await pickOption(p, '请选择活动类型', '乒乓球');
        await expectText(p, '乒乓球');
        await fill(p, '例如：机关活动中心二楼', '机关活动中心三楼');
        // 封面图片: 上传封面 opens the file dialog; the picture shows in the form at once.
        const chooser = p.waitForEvent('filechooser', { timeout: 15_000 });
        await visibleText(p, '上传封面', true).click();
        await (await chooser).setFiles({ name: '乒乓球封面.png', mimeType: 'image/png', buffer: coverPng() });
        await expectImageLoaded(p, p.locator('.evedit__cover').filter({ visible: true }).first());
        await expectText(p, '更换');
        await screenshot(p, '14a-event-form-with-cover');
        await pick(p, '请选择活动日期');
        await pick(p, '开始时间');
        await pick(p, '结束时间');
        await fill(p, '例如：30', '2');
        await p.locator('.evedit__pair').first().scrollIntoViewIfNeeded();
        // The button, not the page's title bar (发布活动 too).
        await p.locator('.u-button', { hasText: '发布活动' }).filter({ visible: true }).first().click();
        // Published: the live roster, empty.
        await expectText(p, '现场签到');
        await expectText(p, EVENT_TITLE);
        await screenshot(p, '14b-event-published');
        // As members see it (the officer is one): the cover on the event's card, then at the top of its page.
        await p.goto(`${baseUrl}/#/packages/events/pages/list/index`);
        const card = p.locator('.events__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        await expectImageLoaded(p, card.locator('.events__cover'));
        await screenshot(p, '14c-member-list-with-cover');
        await card.locator('.events__title').click();
        await expectText(p, '参加范围');
        await expectImageLoaded(p, p.locator('.detail__cover').filter({ visible: true }).first());
      },
    },
    ...(['demo-member-zhang', 'demo-auditor-sun', 'demo-chair-zhao'] as const).map((openid, i) => ({
      name: `${15 + i}-member-${i + 1}-signs-up`,
      run: async (p: Page) => {
        await switchTo(p, baseUrl, label(openid));
        await visibleText(p, '文体活动', true).click();
        await expectText(p, EVENT_TITLE);
        // From the list: tap 报名 on the card, then 确认报名 in the dialog — two taps. The third finds the event full:
        // the card says 候补报名 and the dialog the place in line, before the tap.
        const card = p.locator('.events__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        const full = i === 2;
        let taps = 0;
        await card.getByText(full ? '候补报名' : '报名', { exact: true }).click();
        taps += 1;
        if (full) await expectText(p, '候补报名：排在第 1 位');
        await p.getByText(full ? '确认候补' : '确认报名', { exact: true }).filter({ visible: true }).last().click();
        taps += 1;
        await expectText(p, i < 2 ? '报名成功' : '名额已满，已进入候补第 1 位');
        tapsToSignUp.push(taps);
        summary.set('taps from the event list to a sign-up', `${tapsToSignUp.join(', ')} (goal 2)`);
      },
    })),
    {
      name: '18-first-member-cancels',
      run: async (p) => {
        await switchTo(p, baseUrl, label('demo-member-zhang'));
        await p.goto(`${baseUrl}/#/packages/events/pages/mine/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '我的签到码');
        await visibleText(p, '取消报名', true).click();
        await p.getByText('取消报名', { exact: true }).filter({ visible: true }).last().click();
        await expectText(p, '您曾取消本活动的报名，可以重新报名。');
      },
    },
    {
      name: '19-waitlisted-member-promoted-notice',
      run: async (p) => {
        await switchTo(p, baseUrl, label('demo-chair-zhao'));
        await p.goto(`${baseUrl}/#/pages/inbox/index`);
        await expectText(p, `候补成功：${EVENT_TITLE}`);
        await expectText(p, '您已从候补转为正式报名');
      },
    },
    {
      name: '20-promoted-member-detail',
      run: async (p) => {
        await visibleText(p, `候补成功：${EVENT_TITLE}`, true).click();
        await expectText(p, '我的签到码');
        codes.zhao = (await p.locator('.detail__code').filter({ visible: true }).first().innerText()).trim();
        // The QR code the officer scans (checkin:<eventId>:<code>), sharp and large enough for a phone camera, the
        // digits still under it for typing.
        const qr = p.locator('.detail__code-box .u-qr__image img').filter({ visible: true }).first();
        await qr.waitFor({ state: 'visible', timeout: 15_000 });
        await p.locator('.detail__code-box').filter({ visible: true }).first().scrollIntoViewIfNeeded();
        const box = await qr.boundingBox();
        const frame = await p.locator('.detail__code-box .u-qr__image').filter({ visible: true }).first().boundingBox();
        if (!box || !frame || box.x < frame.x - 1 || box.y < frame.y - 1 || box.x + box.width > frame.x + frame.width + 1 || box.y + box.height > frame.y + frame.height + 1) {
          throw new Error('the check-in QR code is cut off by its frame');
        }
        const image = await qr.evaluate((img) => ({ src: (img as HTMLImageElement).src, natural: (img as HTMLImageElement).naturalWidth, loaded: (img as HTMLImageElement).complete }));
        if (!image.src.startsWith('data:image/gif;base64,') || !image.loaded || image.natural === 0) throw new Error('the check-in QR code did not load');
        if (!box || box.width < 160 || Math.abs(box.width - box.height) > 2) throw new Error(`the check-in QR code is ${box ? `${box.width}×${box.height}` : 'not laid out'}, not a square at least 160 px wide`);
        if (image.natural < box.width) throw new Error(`the check-in QR code is blurry: ${image.natural} px drawn over ${box.width} px`);
        if (!/^\d{6}$/.test(codes.zhao)) throw new Error(`no check-in digits under the QR code: "${codes.zhao}"`);
      },
    },
    {
      name: '21-my-events',
      run: async (p) => {
        await switchTo(p, baseUrl, label('demo-auditor-sun'));
        await p.goto(`${baseUrl}/#/packages/events/pages/mine/index`);
        const card = p.locator('.mine__card', { hasText: EVENT_TITLE }).filter({ visible: true }).first();
        codes.sun = (await card.locator('.mine__code').innerText()).trim();
        await expectText(p, '签到码');
      },
    },
    {
      name: '22-officer-checks-in-two',
      run: async (p) => {
        // The day of the event, 08:00 (the event was published for a week from today).
        await setClockOnEventDay(baseUrl, '08:00');
        await switchTo(p, baseUrl, officer.label);
        await p.goto(`${baseUrl}/#/packages/events/manage/list/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '现场签到');
        for (const [name, code] of [['孙丽', codes.sun], ['赵建国', codes.zhao]]) {
          if (!/^\d{6}$/.test(code)) throw new Error(`no check-in code read from the member's screen: "${code}"`);
          await fill(p, '输入会员签到码', code);
          await visibleText(p, '签到', true).click();
          await expectText(p, `已签到：${name}`);
        }
        await visibleText(p, '已签到', true).click();
        await expectText(p, '孙丽');
        await expectText(p, '赵建国');
      },
    },
    {
      name: '23-officer-exports-roster',
      run: async (p) => {
        await visibleText(p, '导出 Excel', true).click();
        await expectText(p, '已开始下载');
      },
    },
    {
      name: '24-officer-records-results-and-a-prize',
      run: async (p) => {
        // The evening of the event day: the games are over.
        await setClockOnEventDay(baseUrl, '20:00');
        await p.goto(`${baseUrl}/#/packages/events/manage/list/index`);
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '结果与奖品');
        await p.locator(`textarea[placeholder="${RESULTS_PLACEHOLDER}"]`).filter({ visible: true }).first().fill(RESULTS_TEXT);
        await visibleText(p, '添加一项奖品', true).click();
        await pickOption(p, '请选择参加的会员', '孙丽');
        await fill(p, '例如 100', '100');
        await visibleText(p, '保存结果并登记奖品', true).click();
        await p.getByText('登记', { exact: true }).filter({ visible: true }).last().click();
        await expectText(p, '已保存，登记奖品 1 项');
        await expectText(p, '¥100.00 · 实物');
        await expectText(p, '已登记奖品 1 项');
      },
    },
    {
      name: '25-member-reads-results',
      run: async (p) => {
        await switchTo(p, baseUrl, label('demo-auditor-sun'));
        await p.goto(`${baseUrl}/#/packages/events/pages/list/index`);
        await visibleText(p, '往期活动', true).click();
        await visibleText(p, EVENT_TITLE, true).click();
        await expectText(p, '活动结果');
        await expectText(p, RESULTS_TEXT);
      },
    },
  ];
};
