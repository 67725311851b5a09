import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { MEMBER_STATUS_LABELS, MEMBER_STATUSES } from '@/core/policy/items';
import { ROLE_LABELS, roleBeyond, type Role } from '@/core/domain/roles';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { DateField, FormField, SelectField, SwitchField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { useMemberEditor, type MemberDetail } from '../../hooks/useMemberEditor';
import { dateTimeText, rolesText, todayKey } from '@/services/format';
import { queryParam, ROUTES } from '@/services/routes';
import { birthDateRange, GENDER_LABELS, GENDERS } from '@/core/domain/vocabulary';
import './index.scss';

const GENDER_OPTIONS = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }));
const STATUS_OPTIONS = MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }));

/** One member: add (no id) or edit (?id=…), with the full phone number, and 解除微信绑定 when bound. */
export default function MemberPage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.member}>
      {({ account }) => (id ? <EditMember id={id} myRoles={account.roles} /> : <MemberForm detail={null} myRoles={account.roles} onChanged={() => undefined} />)}
    </Page>
  );
}

function EditMember({ id, myRoles }: { id: string; myRoles: readonly Role[] }) {
  const detail = useCall('members', 'rosterGet', { payload: { memberId: id } });
  return (
    <CallView call={detail} loadingText='正在读取会员信息…'>
      {(data) => <MemberForm key={data.updatedAt} detail={data} myRoles={myRoles} onChanged={detail.refresh} />}
    </CallView>
  );
}

/**
 * Why this officer may not change the member's name, phone, status or binding (they hold a role the officer may not
 * grant: only a chair touches a chair's record, as the function holds), or null.
 */
function lockedBecause(detail: MemberDetail | null, myRoles: readonly Role[]): string | null {
  const role = detail ? roleBeyond(myRoles, detail.roles) : null;
  if (!detail || !role) return null;
  return `${detail.name}担任${ROLE_LABELS[role]}，其姓名、手机号、状态和微信绑定只有${role === 'chair' ? '工会主席' : '有权任免该角色的人'}可以修改。`;
}

function MemberForm({ detail, myRoles, onChanged }: { detail: MemberDetail | null; myRoles: readonly Role[]; onChanged: () => void }) {
  const { form, submit, saving, unbind, unbinding, unlock, unlocking, bindingError } = useMemberEditor(detail, onChanged);
  const { values, set, errors, error } = form;
  const today = todayKey();
  // Only birth dates a member can have (16 to 120 years old): the roster's own rule.
  const born = birthDateRange(new Date());
  const locked = lockedBecause(detail, myRoles);
  return (
    <>
      <Card title={detail ? '修改会员信息' : '新增会员'}>
        {locked && <Notice tone='info'>{locked}</Notice>}
        <FormField label='姓名' required={!locked} error={errors.name}>
          <TextInput value={values.name} onChange={(v) => set('name', v)} placeholder='例如 张伟' limit={30} disabled={locked !== null} />
        </FormField>
        <FormField label='工号' required hint={detail ? '工号是名册的编号，不能修改' : '字母、数字或短横线，例如 A0001'} error={errors.employeeNo}>
          <TextInput value={values.employeeNo} onChange={(v) => set('employeeNo', v)} placeholder='例如 A0001' maxlength={32} disabled={detail !== null} />
        </FormField>
        <FormField label='部门' error={errors.department}>
          <TextInput value={values.department} onChange={(v) => set('department', v)} placeholder='例如 办公室' limit={50} />
        </FormField>
        <FormField label='性别' required error={errors.gender}>
          <SelectField options={GENDER_OPTIONS} value={values.gender} onChange={(v) => set('gender', v)} placeholder='请选择性别' />
        </FormField>
        <FormField label='出生日期' required hint='用于生日慰问' error={errors.birthDate}>
          <DateField value={values.birthDate} onChange={(v) => set('birthDate', v)} start={born.earliest} end={born.latest} openAt='1980-01-01' placeholder='请选择出生日期' />
        </FormField>
        <FormField label='手机号' required={!locked} hint={locked ? undefined : '会员实名认证时核对后 4 位'} error={errors.phone}>
          <TextInput value={values.phone} onChange={(v) => set('phone', v)} type='number' placeholder='11 位手机号' maxlength={11} disabled={locked !== null} />
        </FormField>
        <FormField label='入会日期' error={errors.joinedAt}>
          <DateField value={values.joinedAt} onChange={(v) => set('joinedAt', v)} end={today} placeholder='未填写' />
        </FormField>
        <FormField label='状态' required={!locked} error={errors.status}>
          <SelectField options={STATUS_OPTIONS} value={values.status} onChange={(v) => set('status', v)} disabled={locked !== null} />
        </FormField>
        <FormField label='本年度会费' error={errors.duesPaid}>
          <SwitchField checked={values.duesPaid} onChange={(v) => set('duesPaid', v)} label='已缴纳本年度会费' off='未缴' />
        </FormField>
        <ErrorNotice error={error} titles={{ VALIDATION_FAILED: '没有保存' }} />
        <ActionButton text={saving ? '正在保存…' : '保存'} disabled={saving} onClick={() => void submit()} />
      </Card>

      {detail && (
        <Card title='微信绑定' extra={<Badge tone={detail.bound ? 'ok' : 'warn'} text={detail.bound ? '已绑定' : '未绑定'} />}>
          {detail.bound ? (
            <>
              {detail.boundAt && <InfoRow label='认证时间'>{dateTimeText(detail.boundAt)}</InfoRow>}
              <InfoRow label='角色'>{rolesText(detail.roles)}</InfoRow>
              {!locked && <View className='member__note'>会员换了手机或微信、或绑定有误时，可以解除绑定，会员再重新实名认证。</View>}
              {locked ? (
                <View className='member__note'>{locked}</View>
              ) : (
                <>
                  <ErrorNotice error={bindingError} />
                  <ActionButton kind='secondary' text={unbinding ? '正在解除…' : '解除微信绑定'} disabled={unbinding} onClick={() => void unbind()} />
                </>
              )}
            </>
          ) : detail.bindLockedUntil ? (
            <>
              <Notice tone='warn'>因多次核对未通过，这位会员的实名认证已锁定至 {dateTimeText(detail.bindLockedUntil)}。如果是会员本人输错，核实后可以解除锁定；如果不是本人，可能有人在冒用，请保持锁定。</Notice>
              <ErrorNotice error={bindingError} />
              {!locked && <ActionButton kind='secondary' text={unlocking ? '正在解除…' : '解除认证锁定'} disabled={unlocking} onClick={() => void unlock()} />}
            </>
          ) : (
            <View className='member__note'>这位会员还没有实名认证。请告诉会员在小程序中点「实名认证」，填写姓名、工号和手机号后 4 位。</View>
          )}
        </Card>
      )}
    </>
  );
}
