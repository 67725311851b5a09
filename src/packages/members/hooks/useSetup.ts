import Taro from '@tarojs/taro';
import { ROUTES } from '@/services/routes';
import { useAction } from '@/hooks/useAction';
import { useForm, whenEmpty } from '@/hooks/useForm';
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

const WHEN_EMPTY: Partial<Record<string, string>> = { name: '请填写姓名', employeeNo: '请填写工号', phone: '请填写手机号', birthDate: '请选择出生日期', gender: '请选择性别' };

/**
 * 建立工会: the first officer of a new deployment creates the union with a one-time setup code from the deployment's
 * configuration (the members function's UNION_SETUP_CODES) and becomes its chair. Nobody becomes an officer
 * without a code. On success the app starts again from 我的.
 */
export function useSetup() {
  const form = useForm<SetupValues>({ setupCode: '', unionName: '', shortName: '', kind: 'union', name: '', employeeNo: '', department: '', gender: '', birthDate: '', phone: '' });
  const bootstrap = useAction('members', 'bootstrap');
  const submit = async () => {
    form.clearErrors();
    const v = form.values;
    const reply = await bootstrap.run({
      setupCode: v.setupCode,
      union: { name: v.unionName, shortName: v.shortName, kind: v.kind },
      me: { name: v.name, employeeNo: v.employeeNo, department: v.department, gender: v.gender as 'male' | 'female', birthDate: v.birthDate, phone: v.phone },
    });
    if (!reply) return;
    if (reply.ok) {
      forgetWhoami();
      void Taro.showToast({ title: '工会已建立', icon: 'success', duration: 1500 });
      void Taro.reLaunch({ url: ROUTES.me });
      return;
    }
    // Issues come back addressed as ['union', 'name'] or ['me', 'phone']: flatten them onto this form's fields.
    const issues = reply.error.issues?.map((i) => {
      const [group, field] = i.path;
      if (group === 'union') return { ...i, path: [field === 'name' ? 'unionName' : String(field)] };
      if (group === 'me') return { ...i, path: [String(field)] };
      return i;
    });
    form.showError({ ...reply.error, issues: whenEmpty(issues, v as unknown as Record<string, unknown>, WHEN_EMPTY) });
  };
  return { form, submit, busy: bootstrap.busy };
}
