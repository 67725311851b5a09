import { useState } from 'react';
import { View } from '@tarojs/components';
import { can } from '@/core/domain/roles';
import type { PolicyProfile } from '@/core/policy/profile';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { Tabs } from '@/components/Tabs';
import { usePolicy, usePolicyCaps } from '../../hooks/usePolicy';
import { currentYear, dateTimeText } from '@/services/format';
import { PolicyView } from '../../components/PolicyView';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 年度政策: the year's caps, forms and rules with their sources; start from a template; edit the caps. */
export default function PolicyPage() {
  return (
    <Page path={ROUTES.policy}>
      {({ account }) => <Policy canWrite={can(account.roles, 'policy.write')} />}
    </Page>
  );
}

function Policy({ canWrite }: { canWrite: boolean }) {
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const { policy, templates, startFrom, adopting, adoptError } = usePolicy(year);
  return (
    <>
      <Tabs
        options={[
          { value: thisYear - 1, label: `${thisYear - 1}` },
          { value: thisYear, label: `${thisYear}（今年）` },
          { value: thisYear + 1, label: `${thisYear + 1}` },
        ]}
        value={year}
        onChange={setYear}
      />
      <CallView call={policy} loadingText='正在读取政策…'>
        {(data) =>
          data.policy ? (
            <SavedPolicy
              key={`${year}-${data.updatedAt ?? ''}`}
              year={year}
              policy={data.policy}
              updatedAt={data.updatedAt}
              updatedBy={data.updatedBy}
              canWrite={canWrite}
              onSaved={policy.refresh}
            />
          ) : (
            <>
              <Notice tone='warn' title={`${year} 年度还没有设定政策`}>
                没有政策就不能登记支出。{canWrite ? '请从下面的模板中选一个为基础，采用后可以修改各项上限。' : '请工会干部设定。'}
              </Notice>
              <ErrorNotice error={adoptError} />
              <CallView call={templates} loadingText='正在读取模板…'>
                {(list) => (
                  <>
                    {list.items.map((t) => (
                      <Card key={t.id} title={t.name}>
                        <View className='policy__summary'>{t.summary}</View>
                        {canWrite && <ActionButton kind='secondary' text={adopting ? '正在设定…' : '以此为基础'} disabled={adopting} onClick={() => void startFrom(t.id)} />}
                      </Card>
                    ))}
                  </>
                )}
              </CallView>
            </>
          )
        }
      </CallView>
    </>
  );
}

interface SavedPolicyProps {
  year: number;
  policy: PolicyProfile;
  updatedAt: string | null;
  updatedBy: string | null;
  canWrite: boolean;
  onSaved: () => void;
}

function SavedPolicy({ year, policy, updatedAt, updatedBy, canWrite, onSaved }: SavedPolicyProps) {
  const caps = usePolicyCaps(year, policy, onSaved);
  return (
    <>
      <Card title={policy.name}>
        {updatedAt && <InfoRow label='最后修改'>{`${dateTimeText(updatedAt)}${updatedBy ? `（${updatedBy}）` : ''}`}</InfoRow>}
        {caps.editing ? (
          <Notice tone='info'>正在修改本年度政策：上限、发放形式、次数、依据、是否发放、领取条件。改好后点页面底部的「保存」，整份政策会一并检查。</Notice>
        ) : (
          canWrite && <ActionButton kind='secondary' text='修改政策' onClick={caps.begin} />
        )}
      </Card>
      <PolicyView policy={policy} editing={caps.editing ? caps : undefined} />
      {caps.editing && (
        <View className='policy__actions'>
          <ErrorNotice error={caps.error} listIssues titles={{ VALIDATION_FAILED: '没有保存' }} />
          <ActionButton text={caps.saving ? '正在保存…' : '保存'} disabled={caps.saving} onClick={() => void caps.submit()} />
          <ActionButton kind='secondary' text='取消' onClick={caps.cancel} />
        </View>
      )}
    </>
  );
}
