import Taro from '@tarojs/taro';
import { ROUTES } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm } from '@/hooks/useForm';
import { forgetWhoami } from '@/hooks/useWhoami';

export interface SetupValues {
  setupCode: string;
  unionName: string;
  shortName: string;
  kind: 'union' | 'committee';
  name: string;
  employeeNo: string;
  department: string;
  gender: 'male' | 'female' | '';
  birthDate: string;
  phone: string;
}

const WHEN_EMPTY: Partial<Record<keyof SetupValues, string>> = { name: '请填写姓名', employeeNo: '请填写工号', phone: '请填写手机号', birthDate: '请选择出生日期', gender: '请选择性别' };

/** Issues come back addressed as ['union', 'name'] or ['me', 'phone']: this form's fields are flat. */
function setupFieldOf(path: readonly (string | number)[]): string {
  const [group, field] = path;
  if (group === 'union') return field === 'name' ? 'unionName' : String(field);
  if (group === 'me') return String(field);
  return path.join('.');
}

/**
 * 建立工会: the first officer of a new deployment creates the union with a one-time setup code from the deployment's
 * configuration (the members function's UNION_SETUP_CODES) and becomes its chair. Nobody becomes an officer
 * without a code. On success the app starts again from 我的.
 */
export function useSetup() {
  const form = useForm<SetupValues>(
    { setupCode: '', unionName: '', shortName: '', kind: 'union', name: '', employeeNo: '', department: '', gender: '', birthDate: '', phone: '' },
    { whenEmpty: WHEN_EMPTY, fieldOf: setupFieldOf },
  );
  const bootstrap = useAction('members', 'bootstrap', { form, done: '工会已建立' });
  const submit = async () => {
    form.clearErrors();
    const v = form.values;
    const created = await bootstrap.run({
      setupCode: v.setupCode,
      union: { name: v.unionName, shortName: v.shortName, kind: v.kind },
      me: { name: v.name, employeeNo: v.employeeNo, department: v.department, gender: v.gender as 'male' | 'female', birthDate: v.birthDate, phone: v.phone },
    });
    if (!created) return;
    forgetWhoami();
    void Taro.reLaunch({ url: ROUTES.me });
  };
  return { form, submit, busy: bootstrap.busy };
}
