import { EmptyState } from '@/components/EmptyState';
import { Screen } from '@/components/Screen';
import { SessionGate } from '@/components/SessionGate';

/**
 * 消息: the in-app inbox. WeChat subscribe messages are one-off, so every notice also lands here. No notice exists
 * yet (they come with the services), hence the honest empty state rather than sample messages.
 */
export default function InboxPage() {
  return (
    <Screen>
      <SessionGate>
        <EmptyState title='暂无消息' note='工会的通知和您办理事项的进度会显示在这里。' />
      </SessionGate>
    </Screen>
  );
}
