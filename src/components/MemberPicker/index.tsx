import { MEMBER_STATUS_LABELS } from '@/core/policy/items';
import { PersonPicker } from '@/components/PersonPicker';
import { useMemberSearch, type RosterRow } from '@/hooks/useMemberSearch';

export interface MemberPickerProps {
  value: RosterRow | null;
  onChange: (member: RosterRow | null) => void;
  /** Only members in service (e.g. to appoint an officer). */
  activeOnly?: boolean;
}

function describe(m: RosterRow): string {
  return [m.employeeNo, m.department, m.status === 'active' ? '' : MEMBER_STATUS_LABELS[m.status]].filter(Boolean).join(' · ');
}

/** Pick one member of the roster: type a name or 工号, 查找, tap the right person. */
export function MemberPicker({ value, onChange, activeOnly = false }: MemberPickerProps) {
  const search = useMemberSearch({ activeOnly });
  return (
    <PersonPicker
      value={value}
      onChange={onChange}
      search={search}
      keyOf={(m) => m.id}
      nameOf={(m) => m.name}
      describe={describe}
      placeholder='姓名或工号'
      maxlength={30}
      noneText={(q) => `名册中没有找到「${q}」`}
    />
  );
}
