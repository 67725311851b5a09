import type { BoundWhoami } from '../Page';
import { Card } from '../Card';
import { Badge, InfoRow } from '../InfoRow';
import { rolesText } from '@/services/format';
import { MEMBER_STATUS_LABELS } from '@/core/policy/items';

export interface ProfileCardProps {
  me: BoundWhoami;
}

/** 我的资料: what the roster says about the member (the phone masked even for its owner: others may see the screen). */
export function ProfileCard({ me }: ProfileCardProps) {
  const { account, member } = me;
  if (!member) {
    // A cake-shop clerk: an account without a roster record.
    return (
      <Card title='我的资料'>
        <InfoRow label='姓名'>{account.name}</InfoRow>
        <InfoRow label='蛋糕店'>{account.shopName ?? ''}</InfoRow>
        <InfoRow label='所在工会'>{account.union.name}</InfoRow>
        <InfoRow label='身份'>{rolesText(account.roles)}</InfoRow>
      </Card>
    );
  }
  return (
    <Card title='我的资料' extra={<Badge tone={member.status === 'active' ? 'ok' : 'muted'} text={MEMBER_STATUS_LABELS[member.status]} />}>
      <InfoRow label='姓名'>{member.name}</InfoRow>
      <InfoRow label='工号'>{member.employeeNo}</InfoRow>
      <InfoRow label='部门'>{member.department || '未填写'}</InfoRow>
      <InfoRow label='所在工会'>{account.union.name}</InfoRow>
      <InfoRow label='身份'>{rolesText(member.roles)}</InfoRow>
      <InfoRow label='手机号'>{member.phoneMasked}</InfoRow>
    </Card>
  );
}
