import type { ReactNode } from 'react';
import { useWhoami, type Account, type Whoami } from '@/hooks/useWhoami';
import { BindPrompt } from '../BindPrompt';
import { CallView } from '../CallView';

export type BoundWhoami = Whoami & { account: Account };

export interface BindGateProps {
  /** The service behind the gate, named in the prompt: "使用「经费支出公布」需要先完成实名认证". */
  service: string;
  children: (me: BoundWhoami) => ReactNode;
}

/**
 * Shows its children only to a caller with an account (a bound member or a clerk); anyone else is asked to bind
 * first, with a button to the binding page. The function refuses unbound callers anyway (NOT_BOUND): this spares
 * them a form or a list that cannot work.
 */
export function BindGate({ service, children }: BindGateProps) {
  const whoami = useWhoami();
  return (
    <CallView call={whoami} loadingText='正在读取您的身份…'>
      {(data) => (data.account ? children({ ...data, account: data.account }) : <BindPrompt service={service} />)}
    </CallView>
  );
}
