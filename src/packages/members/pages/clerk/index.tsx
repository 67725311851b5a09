import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Page } from '@/components/Page';
import { useRedeemInvite } from '../../hooks/useBinding';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 店员加入: a clerk of the union's designated cake shop joins with the one-time invitation code. */
export default function ClerkPage() {
  return (
    <Page path={ROUTES.clerk}>
      <ClerkForm />
    </Page>
  );
}

function ClerkForm() {
  const { form, submit, busy } = useRedeemInvite();
  return (
    <Card title='蛋糕店店员加入'>
      <View className='clerk__intro'>请输入工会干部给您的邀请码。邀请码只能使用一次，7 天内有效。</View>
      <FormField label='邀请码' required hint='字母和数字，不区分大小写' error={form.errors.code}>
        <TextInput value={form.values.code} onChange={(v) => form.set('code', v)} placeholder='请输入邀请码' maxlength={32} onConfirm={() => void submit()} />
      </FormField>
      <ErrorNotice error={form.error} titles={{ BIND_FAILED: '邀请码不能使用', RATE_LIMITED: '请稍后再试' }} />
      <ActionButton text={busy ? '正在加入…' : '加入'} disabled={busy} onClick={() => void submit()} />
    </Card>
  );
}
