import { PersonPicker } from '@/components/PersonPicker';
import { useCall } from '@/hooks/useCall';
import { useSearchBox } from '@/hooks/useSearchBox';
import type { Colleague } from '../../reportForm';

export interface ColleaguePickerProps {
  value: Colleague | null;
  onChange: (colleague: Colleague | null) => void;
}

/** A colleague of the same union: type the name, 查找, tap the right person (name and department only). */
export function ColleaguePicker({ value, onChange }: ColleaguePickerProps) {
  const box = useSearchBox();
  const results = useCall('care', 'colleagues', { payload: { q: box.query ?? '' }, enabled: box.query !== null && box.query !== '' });
  return (
    <PersonPicker
      value={value}
      onChange={onChange}
      search={{ text: box.text, setText: box.setText, query: box.query, search: () => box.submit(results.retry), results }}
      keyOf={(c) => c.memberId}
      nameOf={(c) => c.name}
      describe={(c) => c.department}
      placeholder='同事的姓名'
      maxlength={20}
      noneText={(q) => `本工会没有找到姓名含「${q}」的会员`}
    />
  );
}
