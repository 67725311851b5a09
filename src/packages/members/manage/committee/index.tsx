import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { can } from '@/core/domain/roles';
import { ActionButton } from '@/components/ActionButton';
import type { BoundWhoami } from '@/components/Page';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, SelectField } from '@/components/Form';
import { LinkRow } from '@/components/LinkRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';
import { ROUTES, withQuery } from '@/services/routes';

/**
 * 上级工委与下属工会: a grassroots union's chair puts the union under its 工委; a 工委's officers open the yearly
 * report of each union that did. The report is all a 工委 sees of a member union here.
 */
export default function CommitteePage() {
  return (
    <Page path={ROUTES.committee}>
      {(me) => (
        <>
          {can(me.account.roles, 'committee.read') && <MemberUnions />}
          {can(me.account.roles, 'union.write') && me.account.union.kind === 'union' && <ParentCommittee key={me.account.union.committeeId ?? ''} me={me} />}
        </>
      )}
    </Page>
  );
}

function MemberUnions() {
  const list = useCall('members', 'committeeUnions');
  return (
    <CallView call={list} loadingText='正在读取下属工会…'>
      {(data) =>
        data.items.length === 0 ? (
          <Card title='下属工会'>
            <View>还没有工会设置隶属本工委。请各基层工会的工会主席在「工会管理 → 上级工委」中选择本工委。</View>
          </Card>
        ) : (
          <>
            {data.items.map((u) => (
              <LinkRow key={u.id} title={u.name} note='查看经费支出公布' onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.report, { unionId: u.id }) })} />
            ))}
          </>
        )
      }
    </CallView>
  );
}

function ParentCommittee({ me }: { me: BoundWhoami }) {
  const unions = useCall('members', 'unions');
  const link = useAction('members', 'unionSetCommittee');
  // The 工委 the union is under now: saving without touching the picker keeps it (never unlinks by default).
  const [choice, setChoice] = useState<string | null>(me.account.union.committeeId);
  // Kept on the card rather than a toast: it names the 工委, which a toast would cut short.
  const [done, setDone] = useState<string | null>(null);
  const save = async () => {
    setDone(null);
    const linked = await link.run({ committeeId: choice });
    if (linked) setDone(linked.committee ? `${me.account.union.name}已隶属${linked.committee.name}` : '已取消隶属关系');
  };
  return (
    <Card title='上级工委'>
      <View>选择本工会隶属的工委后，该工委的干部可以查看本工会的经费支出公布（只有各科目合计，不含个人信息）。</View>
      <CallView call={unions} loadingText='正在读取工委列表…'>
        {(data) => {
          const committees = data.items.filter((u) => u.kind === 'committee');
          return committees.length === 0 ? (
            <Notice tone='info'>本系统中还没有工委。</Notice>
          ) : (
            <FormField label='隶属工委'>
              <SelectField options={[{ value: '', label: '不隶属任何工委' }, ...committees.map((c) => ({ value: c.id, label: c.name }))]} value={choice ?? ''} onChange={(v) => setChoice(v || null)} />
            </FormField>
          );
        }}
      </CallView>
      <ErrorNotice error={link.error} />
      {done && <Notice tone='ok'>{done}</Notice>}
      <ActionButton text={link.busy ? '正在保存…' : '保存'} disabled={link.busy} onClick={() => void save()} />
    </Card>
  );
}
