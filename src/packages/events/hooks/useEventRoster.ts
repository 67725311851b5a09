import { useState } from 'react';
import type { RosterEntry } from '@/core/contracts/events';
import { parseCheckinText } from '@/core/domain/events';
import { scanQr } from '@/services/scan';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';
import type { RosterTab } from '../roster';

/**
 * 报名名单 of one event (`events.roster`, live: confirmed, the waitlist in order, checked in, cancelled, the answers
 * tallied), and what an officer does there: 签到 by the member's code (typed, or scanned in WeChat), 导出 Excel,
 * 提前截止报名, 取消活动 with a reason (every member signed up is told).
 */
export function useEventRoster(eventId: string) {
  const roster = useCall('events', 'roster', { payload: { eventId }, reloadOnShow: true });
  const exporter = useDownload('events', 'export');
  const [tab, setTab] = useState<RosterTab>('confirmed');
  const [code, setCode] = useState('');
  const [checkedIn, setCheckedIn] = useState<RosterEntry | null>(null);
  const [reason, setReason] = useState('');
  const title = roster.status === 'ok' ? roster.data.event.title : '';
  const checkinAction = useAction('events', 'checkin');
  const closeAction = useAction('events', 'close', {
    confirm: {
      title: '提前截止报名',
      content: '截止后会员不能再报名。已报名的会员仍可在取消截止前取消，空出的名额照常由候补递补。确定截止吗？',
      confirmText: '截止报名',
      cancelText: '不截止',
      danger: true,
    },
    done: '已截止报名',
  });
  const cancelAction = useAction('events', 'cancel', {
    confirm: { title: '取消活动', content: `确定取消「${title}」吗？已报名和候补的会员都会收到通知，取消后不能恢复。`, confirmText: '取消活动', cancelText: '不取消', danger: true },
    done: (data) => (data.notified > 0 ? `活动已取消，已通知 ${data.notified} 人` : '活动已取消'),
  });

  const checkIn = async (raw: string) => {
    const value = raw.trim();
    setCheckedIn(null);
    if (value === '') {
      checkinAction.refuse('请输入会员的签到码');
      return;
    }
    const done = await checkinAction.run({ eventId, code: value });
    if (!done) return;
    setCode('');
    setCheckedIn(done.entry);
    roster.refresh();
  };

  /**
   * WeChat only: the camera reads a member's QR code (`checkin:<eventId>:<code>`) and sends it as read; the
   * function judges it. The event's own QR code, scanned by mistake, is told at once.
   */
  const scan = async () => {
    checkinAction.clear();
    const read = await scanQr('roster');
    if (!read.ok) {
      if (!read.cancelled) checkinAction.refuse('没有扫到签到码，请重试，或直接输入会员的签到码', 'BAD_REQUEST');
      return;
    }
    if (parseCheckinText(read.text).kind === 'event') {
      checkinAction.refuse('这是活动的现场签到码。请扫描会员在「我的活动」中出示的二维码', 'BAD_REQUEST');
      return;
    }
    await checkIn(read.text);
  };

  const close = async () => {
    if (await closeAction.run({ eventId })) roster.refresh();
  };

  const cancel = async () => {
    if (reason.trim().length < 2) {
      cancelAction.refuse('请写明取消活动的原因，会通知给已报名的会员');
      return;
    }
    if (!(await cancelAction.run({ eventId, reason: reason.trim() }))) return;
    setReason('');
    roster.refresh();
  };

  return {
    roster,
    tab,
    setTab,
    code,
    setCode,
    checkIn: () => checkIn(code),
    scan,
    checkingIn: checkinAction.busy,
    checkedIn,
    checkinError: checkinAction.error,
    exporter,
    close,
    closing: closeAction.busy,
    reason,
    setReason,
    cancel,
    cancelling: cancelAction.busy,
    closeError: closeAction.error,
    cancelError: cancelAction.error,
  };
}
