import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { ErrorBody } from '@/core/errors';
import { parseYuan } from '@/core/money';
import type { BudgetLine } from '@/core/policy/items';
import type { CallOutput } from '@/services/cloud';
import { yuanInputText } from '../format';
import { useAction } from '@/hooks/useAction';
import { useCall } from '@/hooks/useCall';

export type BudgetLineView = CallOutput<'ledger', 'budgetList'>['lines'][number];

/** 预算: the year's lines with what is spent (`ledger.budgetList`), and one line's budget edited in yuan (`budgetSet`). */
export function useBudget(year: number) {
  const list = useCall('ledger', 'budgetList', { payload: { year }, reloadOnShow: true });
  const setAction = useAction('ledger', 'budgetSet');
  const [editing, setEditing] = useState<BudgetLine | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);

  const begin = (line: BudgetLineView) => {
    setEditing(line.line);
    setText(line.amountFen > 0 ? yuanInputText(line.amountFen) : '');
    setError(null);
  };

  const save = async () => {
    if (!editing) return;
    const amountFen = parseYuan(text);
    if (amountFen === null || amountFen < 0) {
      setError({ code: 'VALIDATION_FAILED', message: '请填写金额（元），例如 20000 或 20000.50' });
      return;
    }
    const reply = await setAction.run({ year, line: editing, amountFen });
    if (!reply) return;
    if (!reply.ok) {
      setError(reply.error);
      return;
    }
    void Taro.showToast({ title: '已保存', icon: 'success' });
    setEditing(null);
    list.refresh();
  };

  return { list, editing, begin, cancel: () => setEditing(null), text, setText, save, saving: setAction.busy, error };
}
