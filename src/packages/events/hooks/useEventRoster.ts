import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { RosterEntry } from '@/core/contracts/events';
import type { ErrorBody } from '@/core/errors';
import { parseCheckinText } from '@/core/domain/events';
import { scanQr } from '@/services/scan';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { useDownload } from '@/hooks/useDownload';

export type RosterTab = 'confirmed' | 'waitlisted' | 'checkedIn' | 'cancelled';

/** The entries a tab lists: waitlisted in their order, checked-in members latest first. */
export function entriesOf(entries: readonly RosterEntry[], tab: RosterTab): RosterEntry[] {
  switch (tab) {
    case 'confirmed':
      return entries.filter((e) => e.status === 'confirmed');
    case 'waitlisted':
      return entries.filter((e) => e.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
    case 'checkedIn':
      return entries.filter((e) => e.checkedInAt !== null).sort((a, b) => (b.checkedInAt ?? '').localeCompare(a.checkedInAt ?? ''));
    case 'cancelled':
      return entries.filter((e) => e.status === 'cancelled');
  }
}

/**
 * 报名名单 of one event (`events.roster`, live: confirmed, the waitlist in order, checked in, cancelled, the answers
 * tallied), and what an officer does there: 签到 by the member's code (typed, or scanned in WeChat), 导出 Excel,
 * 提前截止报名, 取消活动 with a reason (every member signed up is told).
 */
export function useEventRoster(eventId: string) {
  const roster = useCall('events', 'roster', { payload: { eventId }, reloadOnShow: true });
  const exporter = useDownload('events', 'export');
  const checkinAction = useAction('events', 'checkin');
  const closeAction = useAction('events', 'close');
  const cancelAction = useAction('events', 'cancel');
  const [tab, setTab] = useState<RosterTab>('confirmed');
  const [code, setCode] = useState('');
  const [checkedIn, setCheckedIn] = useState<RosterEntry | null>(null);
  const [checkinError, setCheckinError] = useState<ErrorBody | null>(null);
  const [reason, setReason] = useState('');
  const [closeError, setCloseError] = useState<ErrorBody | null>(null);
  const [cancelError, setCancelError] = useState<ErrorBody | null>(null);

  const checkIn = async (raw: string) => {
    const value = raw.trim();
    setCheckedIn(null);
    setCheckinError(null);
    if (value === '') {
      setCheckinError({ code: 'VALIDATION_FAILED', message: '请输入会员的签到码' });
      return;
    }
    const reply = await checkinAction.run({ eventId, code: value });
    if (!reply) return;
    if (!reply.ok) {
      setCheckinError(reply.error);
      return;
    }
    setCode('');
    setCheckedIn(reply.data.entry);
    roster.refresh();
  };

  /**
   * WeChat only: the camera reads a member's QR code (`checkin:<eventId>:<code>`) and sends it as read; the
   * function judges it. The event's own QR code, scanned by mistake, is told at once.
   */
  const scan = async () => {
    setCheckinError(null);
    const read = await scanQr('roster');
    if (!read.ok) {
      if (!read.cancelled) setCheckinError({ code: 'BAD_REQUEST', message: '没有扫到签到码，请重试，或直接输入会员的签到码' });
      return;
    }
    if (parseCheckinText(read.text).kind === 'event') {
      setCheckinError({ code: 'BAD_REQUEST', message: '这是活动的现场签到码。请扫描会员在「我的活动」中出示的二维码' });
      return;
    }
    await checkIn(read.text);
  };

  const close = async () => {
    const confirm = await Taro.showModal({
      title: '提前截止报名',
      content: '截止后会员不能再报名。已报名的会员仍可在取消截止前取消，空出的名额照常由候补递补。确定截止吗？',
      confirmText: '截止报名',
      cancelText: '不截止',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    setCloseError(null);
    const reply = await closeAction.run({ eventId });
    if (!reply) return;
    if (!reply.ok) {
      setCloseError(reply.error);
      return;
    }
    void Taro.showToast({ title: '已截止报名', icon: 'success' });
    roster.refresh();
  };

  const cancel = async (title: string) => {
    setCancelError(null);
    if (reason.trim().length < 2) {
      setCancelError({ code: 'VALIDATION_FAILED', message: '请写明取消活动的原因，会通知给已报名的会员' });
      return;
    }
    const confirm = await Taro.showModal({
      title: '取消活动',
      content: `确定取消「${title}」吗？已报名和候补的会员都会收到通知，取消后不能恢复。`,
      confirmText: '取消活动',
      cancelText: '不取消',
      confirmColor: '#c8161d',
    });
    if (!confirm.confirm) return;
    const reply = await cancelAction.run({ eventId, reason: reason.trim() });
    if (!reply) return;
    if (!reply.ok) {
      setCancelError(reply.error);
      return;
    }
    setReason('');
    void Taro.showToast({ title: reply.data.notified > 0 ? `活动已取消，已通知 ${reply.data.notified} 人` : '活动已取消', icon: 'none', duration: 2500 });
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
    checkinError,
    exporter,
    close,
    closing: closeAction.busy,
    reason,
    setReason,
    cancel,
    cancelling: cancelAction.busy,
    closeError,
    cancelError,
  };
}
