import { useState } from 'react';
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
  const setAction = useAction('ledger', 'budgetSet', { done: '已保存' });
  const [editing, setEditing] = useState<BudgetLine | null>(null);
  const [text, setText] = useState('');

  const begin = (line: BudgetLineView) => {
    setEditing(line.line);
    setText(line.amountFen > 0 ? yuanInputText(line.amountFen) : '');
    setAction.clear();
  };

  const save = async () => {
    if (!editing) return;
    const amountFen = parseYuan(text);
    if (amountFen === null || amountFen < 0) {
      setAction.refuse('请填写金额（元），例如 20000 或 20000.50');
      return;
    }
    if (!(await setAction.run({ year, line: editing, amountFen }))) return;
    setEditing(null);
    list.refresh();
  };

  return { list, editing, begin, cancel: () => setEditing(null), text, setText, save, saving: setAction.busy, error: setAction.error };
}
