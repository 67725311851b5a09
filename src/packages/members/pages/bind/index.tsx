import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, SelectField, TextInput } from '@/components/Form';
import { LinkRow } from '@/components/LinkRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useBinding } from '../../hooks/useBinding';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 实名认证: a member links their WeChat to their roster record; a cake-shop clerk goes to the invitation page. */
export default function BindPage() {
  return (
    <Page path={ROUTES.bind}>
      <BindForm />
    </Page>
  );
}

function BindForm() {
  const { form, submit, busy, needUnion, unions, unionId, setUnionId } = useBinding();
  const { values, set, errors, error } = form;
  const alreadyBound = error?.code === 'ALREADY_EXISTS' && error.message.includes('您已完成');
  return (
    <>
      <Card title='核对会员信息'>
        <View className='bind__intro'>请填写工会会员名册上登记的信息。核对一致后，您的微信就与您的会员记录对应起来，以后无需再填。</View>
        <FormField label='姓名' required error={errors.name}>
          <TextInput value={values.name} onChange={(v) => set('name', v)} placeholder='例如 张伟' maxlength={30} />
        </FormField>
        <FormField label='工号' required hint='单位为您编的工号，例如 A0001' error={errors.employeeNo}>
          <TextInput value={values.employeeNo} onChange={(v) => set('employeeNo', v)} placeholder='请输入工号' maxlength={32} />
        </FormField>
        <FormField label='手机号后 4 位' required hint='名册上登记的手机号的最后 4 位数字' error={errors.phoneLast4}>
          <TextInput value={values.phoneLast4} onChange={(v) => set('phoneLast4', v)} type='number' placeholder='例如 5678' maxlength={4} onConfirm={() => void submit()} />
        </FormField>
        {needUnion && (
          <FormField label='所在工会' required hint='您的工号在几个工会中都有登记，请选择您所在的工会' error={errors.unionId}>
            {unions.status === 'ok' ? (
              <SelectField options={unions.data.items.map((u) => ({ value: u.id, label: u.name }))} value={unionId} onChange={setUnionId} placeholder='请选择工会' />
            ) : (
              <View className='bind__loading'>{unions.status === 'error' ? unions.error.message : '正在读取工会列表…'}</View>
            )}
          </FormField>
        )}
        <ErrorNotice error={needUnion && error?.code === 'CONFLICT' && unionId ? null : error} titles={{ BIND_FAILED: '没有通过核对', RATE_LIMITED: '请稍后再试', CONFLICT: '请选择所在工会' }} />
        {error?.code === 'BIND_FAILED' && (
          <Notice tone='info'>请逐字核对名册上的姓名和工号。如果您的手机号换过，名册上可能还是旧号码，请联系工会干部更新。</Notice>
        )}
        {alreadyBound ? (
          <ActionButton text='查看我的' onClick={() => void Taro.reLaunch({ url: ROUTES.me })} />
        ) : (
          <ActionButton text={busy ? '正在核对…' : '提交认证'} disabled={busy || (needUnion && !unionId)} onClick={() => void submit()} />
        )}
      </Card>
      <LinkRow title='我是蛋糕店店员' note='用工会给您的邀请码加入' onClick={() => void Taro.navigateTo({ url: ROUTES.clerk })} />
      <LinkRow title='建立新工会' note='首次使用本系统的工会干部，凭初始化码建立' onClick={() => void Taro.navigateTo({ url: ROUTES.setup })} />
    </>
  );
}
