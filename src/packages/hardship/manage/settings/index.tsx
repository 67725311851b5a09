import { View } from '@tarojs/components';
import { PUBLICITY_DAYS, RELATIVE_HARDSHIP_FACTOR } from '@/core/domain/hardship';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { ROUTES } from '@/services/routes';
import { useManageSettings } from '../../hooks/useManageSettings';
import '../manage.scss';

/** 帮扶设置: the local 低保 standard (for the members' self-check; may be left empty) and the days a 公示 lasts. */
export default function SettingsPage() {
  return <Page path={ROUTES.hardshipSettings}>{() => <Settings />}</Page>;
}

function Settings() {
  // There is no settingsGet: the form's own read (`hardship.setup`) carries both values.
  const setup = useCall('hardship', 'setup');
  return (
    <CallView call={setup} loadingText='正在读取设置…'>
      {(data) => <SettingsForm key={`${data.dibaoFen ?? ''}:${data.publicityDays}`} data={data} onSaved={setup.refresh} />}
    </CallView>
  );
}

function SettingsForm({ data, onSaved }: { data: { dibaoFen: number | null; publicityDays: number }; onSaved: () => void }) {
  const s = useManageSettings(data, onSaved);
  const f = s.form;
  return (
    <>
      <Card title='当地低保标准'>
        <View className='hs-note'>
          当地城乡居民最低生活保障标准（每人每月）。会员填写申请时，据此自测家庭人均收入：不高于低保标准为深度困难，不高于 {RELATIVE_HARDSHIP_FACTOR} 倍为相对困难。自测仅供参考，不影响审核。
        </View>
        <FormField label='低保标准（元/人·月）' hint='不设置请留空：会员申请时不显示自测结果' error={f.errors.dibao}>
          <TextInput type='digit' value={f.values.dibao} onChange={(x) => f.set('dibao', x)} placeholder='例如 1020' maxlength={10} />
        </FormField>
      </Card>

      <Card title='公示'>
        <View className='hs-note'>帮扶金额复核同意后当天开始公示，公示期间会员可以提出异议；期满无异议自动发放。</View>
        <FormField label='公示天数' required hint={`${PUBLICITY_DAYS.min} 到 ${PUBLICITY_DAYS.max} 天`} error={f.errors.days}>
          <TextInput type='number' value={f.values.days} onChange={(x) => f.set('days', x)} placeholder={`例如 ${PUBLICITY_DAYS.byDefault}`} maxlength={2} />
        </FormField>
      </Card>

      <ErrorNotice error={f.error} listIssues titles={{ VALIDATION_FAILED: '没有保存' }} />
      <ActionButton text={s.busy ? '正在保存…' : '保存设置'} disabled={s.busy} onClick={() => void s.submit()} />
    </>
  );
}
