/**
 * What the officer's queue and handling page say: the queue's tabs with their counts, the category filter, the
 * questions asked before an action that others are told of, and the lines after. Pure (no Taro, no React).
 */
import type { CaseView } from '@/core/contracts/care';
import { ANONYMOUS_NAME, CARE_CATEGORIES, CATEGORY_LABELS, type CareCategory } from '@/core/domain/care';
import type { Confirm } from '@/services/toast';

export type QueueView = 'new' | 'mine' | 'dueSoon' | 'overdue' | 'supervised' | 'all';
export type QueueCounts = Record<Exclude<QueueView, 'all'>, number>;

const TAB_NAMES: Record<QueueView, string> = { new: '新收到', mine: '我处理的', dueSoon: '即将到期', overdue: '已超期', supervised: '督办', all: '全部' };
export const QUEUE_VIEWS: readonly QueueView[] = ['new', 'mine', 'dueSoon', 'overdue', 'supervised', 'all'];

/** "新收到 3"; a tab with nothing in it just its name; 全部 never counted. */
export function queueTabs(counts: QueueCounts | null): { value: QueueView; label: string }[] {
  return QUEUE_VIEWS.map((v) => {
    const n = v === 'all' || !counts ? 0 : counts[v];
    return { value: v, label: n > 0 ? `${TAB_NAMES[v]} ${n}` : TAB_NAMES[v] };
  });
}

/** What an empty tab says. */
export const EMPTY_QUEUE: Record<QueueView, string> = {
  new: '没有等待受理的求助',
  mine: '您手上没有正在办理的求助',
  dueSoon: '没有一个工作日内到期的求助',
  overdue: '没有超期的求助',
  supervised: '没有督办中的求助',
  all: '还没有会员提交求助',
};

/** The category filter: 全部类别 first. */
export const CATEGORY_FILTER: { value: CareCategory | 'any'; label: string }[] = [{ value: 'any', label: '全部类别' }, ...CARE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))];

/** The queue's payload from the screen's choices. */
export function queuePayload(view: QueueView, category: CareCategory | 'any', q: string, page: number, pageSize: number) {
  return { view, ...(category === 'any' ? {} : { category }), q: q.trim(), page, pageSize };
}

/** The requester as a handler sees them. */
export function requesterText(c: Pick<CaseView, 'anonymous' | 'requesterName'>): string {
  return c.anonymous ? ANONYMOUS_NAME : c.requesterName;
}

type Titled = Pick<CaseView, 'title'>;

export const acceptQuestion = (c: Titled & Pick<CaseView, 'kind'>): Confirm => ({
  title: c.kind === 'instant' ? '确认这条上报？' : '受理这件求助？',
  content: `「${c.title}」将由您负责办理，会员会收到通知，并开始计算办结期限。`,
  confirmText: c.kind === 'instant' ? '确认' : '受理',
});

export const sendBackQuestion = (c: Titled): Confirm => ({
  title: '退回这件求助？',
  content: `「${c.title}」将退回给会员，会员会看到退回原因。退回后不能恢复。`,
  confirmText: '退回',
  danger: true,
});

export const closeQuestion = (c: Titled & { kind?: CaseView['kind'] }): Confirm =>
  c.kind === 'instant'
    ? { title: '办结这条上报？', content: `「${c.title}」将标记为已办结，上报人会收到办理结果。即时关爱不请会员评价。`, confirmText: '办结', danger: true }
    : { title: '办结这件求助？', content: `「${c.title}」将标记为已办结，会员会收到办理结果并被请求评价。`, confirmText: '办结', danger: true };

export const withdrawQuestion = (c: Titled): Confirm => ({
  title: '撤回这件求助？',
  content: `撤回后「${c.title}」不再办理，也不能恢复。如还需要帮助，可以重新提交。`,
  confirmText: '撤回',
  cancelText: '不撤回',
  danger: true,
});

export const revealQuestion: Confirm = {
  title: '查看匿名提交人？',
  content: '查看会记入审计日志，连同您填写的原因。仅在确有必要（如恶意提交）时查看。',
  confirmText: '查看',
  danger: true,
};

export const assignQuestion = (name: string): Confirm => ({
  title: `转派给${name}？`,
  content: `${name}会收到通知，之后由其负责办理；转派原因会记录在这件求助中。`,
  confirmText: '转派',
});

/** The people a case may go to, for the picker: "李四（关爱专员）"; private cases only to those who may take them. */
export function handlerOptions(items: readonly { memberId: string; name: string; roleLabel: string; mayTakePrivate: boolean }[], isPrivate: boolean): { value: string; label: string }[] {
  return items.filter((h) => !isPrivate || h.mayTakePrivate).map((h) => ({ value: h.memberId, label: h.roleLabel ? `${h.name}（${h.roleLabel}）` : h.name }));
}

/** The field of the reason forms (转派, 退回, 办结, 查看匿名提交人) an issue belongs to: the person picked, or the text. */
export function reasonFieldOf(path: readonly (string | number)[]): string | null {
  const head = path[0];
  if (head === 'handlerId') return 'handlerId';
  if (head === 'reason' || head === 'summary' || head === 'text') return 'text';
  return null;
}
