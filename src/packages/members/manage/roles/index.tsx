import { View } from '@tarojs/components';
import { can, canGrant, GRANTABLE_ROLES, ROLE_LABELS, type GrantableRole, type Role } from '@/core/domain/roles';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, SelectField, TextInput } from '@/components/Form';
import { Badge } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useClerkInvite, useRoles } from '../../hooks/useRoles';
import { dateText, dateTimeText } from '@/services/format';
import { InlineButton } from '@/components/InlineButton';
import { MemberPicker } from '@/components/MemberPicker';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 角色管理: current role holders and clerks, appoint or remove a role, invite a cake-shop clerk. */
export default function RolesPage() {
  return (
    <Page path={ROUTES.roles}>
      {({ account }) => <Roles myRoles={account.roles} committee={account.union.kind === 'committee'} />}
    </Page>
  );
}

function isGrantable(role: string): role is GrantableRole {
  return (GRANTABLE_ROLES as readonly string[]).includes(role);
}

/** What only a chair may do, said where an officer would otherwise look for it. */
const CHAIR_ONLY = '工会主席只能由工会主席任命或免去。';

function Roles({ myRoles, committee }: { myRoles: readonly Role[]; committee: boolean }) {
  const r = useRoles();
  const canWrite = can(myRoles, 'roles.write');
  // Only the roles this officer may grant (a chair only by a chair: canGrant); 工委干部 only in a committee (工委).
  const roleOptions = GRANTABLE_ROLES.filter((role) => canGrant(myRoles, role) && (committee || role !== 'committee')).map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  const grantsChair = canGrant(myRoles, 'chair');
  return (
    <>
      <CallView call={r.list} loadingText='正在读取角色…'>
        {(data) => (
          <>
            <Card title='现任角色'>
              {data.members.length === 0 && <View className='roles__none'>还没有会员担任角色。</View>}
              {data.members.map((m) => (
                <View key={m.memberId} className='roles__holder'>
                  <View className='roles__name'>{m.name}</View>
                  <View className='roles__meta'>
                    工号 {m.employeeNo}
                    {m.department ? ` · ${m.department}` : ''}
                  </View>
                  <View className='roles__roles'>
                    {m.roles.filter(isGrantable).map((role) => (
                      <View key={role} className='roles__role'>
                        <Badge tone='ok' text={ROLE_LABELS[role]} />
                        {canWrite && canGrant(myRoles, role) && <InlineButton text='免去' kind='danger' disabled={r.revoking} onClick={() => void r.revoke(m, role)} />}
                      </View>
                    ))}
                  </View>
                </View>
              ))}
              {canWrite && !grantsChair && data.members.some((m) => m.roles.includes('chair')) && <View className='roles__note'>{CHAIR_ONLY}</View>}
              <ErrorNotice error={r.revokeError} titles={{ FORBIDDEN: '不能免去', CONFLICT: '不能免去' }} />
            </Card>
            <Card title='蛋糕店店员'>
              {data.clerks.length === 0 && <View className='roles__none'>还没有店员加入。</View>}
              {data.clerks.map((c, i) => (
                <View key={i} className='roles__holder'>
                  <View className='roles__name'>{c.name}</View>
                  <View className='roles__meta'>
                    {c.shopName} · {dateText(c.since)} 加入
                  </View>
                </View>
              ))}
            </Card>
          </>
        )}
      </CallView>

      {canWrite && (
        <Card title='任命角色'>
          <FormField label='会员' required>
            <MemberPicker value={r.member} onChange={r.setMember} activeOnly />
          </FormField>
          <FormField label='角色' required hint={grantsChair ? undefined : CHAIR_ONLY}>
            <SelectField options={roleOptions} value={r.role} onChange={r.setRole} placeholder='请选择角色' />
          </FormField>
          <ErrorNotice error={r.grantError} titles={{ FORBIDDEN: '不能任命' }} />
          <ActionButton text={r.granting ? '正在任命…' : '任命'} disabled={r.granting || !r.member || !r.role} onClick={() => void r.grant()} />
        </Card>
      )}

      {canWrite && <InviteClerk onInvited={r.list.refresh} />}
    </>
  );
}

function InviteClerk({ onInvited }: { onInvited: () => void }) {
  const { form, submit, busy, issued, dismiss, copy } = useClerkInvite(onInvited);
  if (issued) {
    return (
      <Card title='邀请码已生成'>
        <View className='roles__text'>
          请把邀请码告诉 {issued.shopName} 的 {issued.name}：
        </View>
        <View className='roles__code' ariaLabel={`邀请码 ${issued.code.split('').join(' ')}`}>
          {issued.code}
        </View>
        <Notice tone='warn'>只能使用一次，{dateTimeText(issued.expiresAt)} 前有效。本页关闭后不再显示，请现在记下或复制。</Notice>
        <View className='roles__text'>店员在小程序首页点「实名认证」，再点页面下方的「我是蛋糕店店员」，输入邀请码即可加入。</View>
        <ActionButton kind='secondary' text='复制邀请码' onClick={copy} />
        <ActionButton text='完成' onClick={dismiss} />
      </Card>
    );
  }
  return (
    <Card title='邀请蛋糕店店员'>
      <View className='roles__text'>本工会指定蛋糕店的店员凭邀请码加入小程序，为会员核销生日蛋糕券；店员看不到会员的个人信息。</View>
      <FormField label='店员姓名' required error={form.errors.name}>
        <TextInput value={form.values.name} onChange={(v) => form.set('name', v)} placeholder='例如 刘敏' limit={30} />
      </FormField>
      <FormField label='蛋糕店名称' required error={form.errors.shopName}>
        <TextInput value={form.values.shopName} onChange={(v) => form.set('shopName', v)} placeholder='例如 好利来（人民路店）' limit={50} />
      </FormField>
      <ErrorNotice error={form.error} />
      <ActionButton text={busy ? '正在生成…' : '生成邀请码'} disabled={busy} onClick={() => void submit()} />
    </Card>
  );
}
