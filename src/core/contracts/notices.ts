import { z } from '../zod';
import { defineContract, isoDate, noInput } from './contract';

export const NOTICE_KINDS = ['event_confirmed', 'event_waitlisted', 'event_promoted', 'event_changed', 'event_cancelled', 'event_reminder', 'event_cancelled_signup', 'event_prize', 'care_accepted', 'care_replied', 'care_returned', 'care_closed', 'care_assigned', 'care_supervised', 'care_due_soon', 'care_overdue', 'gift_birthday', 'gift_voucher_redeemed', 'gift_batch_opened', 'hardship_more', 'hardship_decided', 'hardship_objection', 'hardship_paid', 'hardship_file_due'] as const;

export const noticeView = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  /** The page the notice opens (a route with its query), or null. */
  link: z.string().nullable(),
  at: isoDate,
  read: z.boolean(),
});
export type NoticeView = z.infer<typeof noticeView>;

/** The `notices` cloud function: the caller's in-app inbox (every notice lands here, pushed or not). */
export const noticesContract = defineContract('notices', {
  list: {
    summary: "The caller's notices, newest first, and how many are unread.",
    input: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ items: z.array(noticeView), total: z.number().int(), unread: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  },
  unread: {
    summary: 'How many notices the caller has not read (the tab badge).',
    input: noInput,
    output: z.object({ unread: z.number().int() }),
  },
  markRead: {
    summary: "Mark the caller's notices read: the ones given, or all.",
    input: z.union([z.object({ ids: z.array(z.string().min(1).max(200)).min(1).max(100) }).strict(), z.object({ all: z.literal(true) }).strict()]),
    output: z.object({ updated: z.number().int() }),
  },
});

export type NoticesContract = typeof noticesContract;
