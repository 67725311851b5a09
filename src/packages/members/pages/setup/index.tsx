import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { DateField, FormField, SelectField, TextInput } from '@/components/Form';
import { Page } from '@/components/Page';
import { useSetup } from '../../hooks/useSetup';
import { birthDateRange } from '@/core/domain/vocabulary';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 建立工会: the first officer of a new deployment sets the union up with the deployment's one-time code. */
export default function SetupPage() {
  return (
    <Page path={ROUTES.setup}>
      <SetupForm />
    </Page>
  );
}

function SetupForm() {
  const { form, submit, busy } = useSetup();
  const { values, set, errors, error } = form;
  const born = birthDateRange(new Date());
  return (
    <>
      <Card title='初始化码'>
        <View className='setup__intro'>初始化码由系统管理员在部署时配置，每个码只能建立一个工会。建立后您将成为本工会的工会主席（兼工会干部），再在"角色管理"中任命其他人。</View>
        <FormField label='初始化码' required error={errors.setupCode}>
          <TextInput value={values.setupCode} onChange={(v) => set('setupCode', v)} placeholder='请输入初始化码' maxlength={64} />
        </FormField>
      </Card>
      <Card title='工会信息'>
        <FormField label='工会全称' required error={errors.unionName}>
          <TextInput value={values.unionName} onChange={(v) => set('unionName', v)} placeholder='例如 淄博市科技局机关工会' maxlength={50} />
        </FormField>
        <FormField label='简称' error={errors.shortName}>
          <TextInput value={values.shortName} onChange={(v) => set('shortName', v)} placeholder='例如 科技局机关工会' maxlength={20} />
        </FormField>
        <FormField label='类型' required error={errors.kind}>
          <SelectField
            options={[
              { value: 'union', label: '基层工会' },
              { value: 'committee', label: '工会工委（上级）' },
            ]}
            value={values.kind}
            onChange={(v) => set('kind', v)}
          />
        </FormField>
      </Card>
      <Card title='您本人的信息（将作为第一位会员）'>
        <FormField label='姓名' required error={errors.name}>
          <TextInput value={values.name} onChange={(v) => set('name', v)} placeholder='请输入姓名' maxlength={30} />
        </FormField>
        <FormField label='工号' required error={errors.employeeNo}>
          <TextInput value={values.employeeNo} onChange={(v) => set('employeeNo', v)} placeholder='例如 A0001' maxlength={32} />
        </FormField>
        <FormField label='部门' error={errors.department}>
          <TextInput value={values.department} onChange={(v) => set('department', v)} placeholder='例如 办公室' maxlength={50} />
        </FormField>
        <FormField label='性别' required error={errors.gender}>
          <SelectField
            options={[
              { value: 'male', label: '男' },
              { value: 'female', label: '女' },
            ]}
            value={values.gender || null}
            onChange={(v) => set('gender', v)}
          />
        </FormField>
        <FormField label='出生日期' required error={errors.birthDate}>
          <DateField value={values.birthDate} onChange={(v) => set('birthDate', v)} openAt='1975-01-01' start={born.earliest} end={born.latest} />
        </FormField>
        <FormField label='手机号' required error={errors.phone}>
          <TextInput value={values.phone} onChange={(v) => set('phone', v)} type='number' placeholder='11 位手机号' maxlength={11} />
        </FormField>
        <ErrorNotice error={error} titles={{ BIND_FAILED: '初始化码不正确', ALREADY_EXISTS: '无法建立', RATE_LIMITED: '请稍后再试' }} />
        <ActionButton text={busy ? '正在建立…' : '建立工会'} disabled={busy} onClick={() => void submit()} />
      </Card>
    </>
  );
}
