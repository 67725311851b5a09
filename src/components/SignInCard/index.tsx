import { useCallback, useEffect, useState } from 'react';
import { Input, View } from '@tarojs/components';
import type { ErrorBody } from '@/core/errors';
import { devLogin, fetchDemoAccounts, type DemoAccount } from '@/services/session';
import { ActionButton } from '../ActionButton';
import { Card } from '../Card';
import './index.scss';

type AccountsState = { status: 'loading' } | { status: 'error'; error: ErrorBody } | { status: 'ok'; accounts: DemoAccount[] };

/**
 * H5 demo sign-in: one large button per demo account, or any OPENID typed in. Only the H5 build renders this
 * (see SessionGate); in WeChat the identity comes from WeChat itself.
 */
export function SignInCard() {
  const [accounts, setAccounts] = useState<AccountsState>({ status: 'loading' });
  const [openid, setOpenid] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadAccounts = useCallback(() => {
    setAccounts({ status: 'loading' });
    void fetchDemoAccounts().then((reply) => {
      setAccounts(reply.ok ? { status: 'ok', accounts: reply.data } : { status: 'error', error: reply.error });
    });
  }, []);

  useEffect(loadAccounts, [loadAccounts]);

  const signIn = (id: string, label?: string) => {
    if (busy) return;
    setBusy(id);
    setError(null);
    void devLogin(id, label).then((reply) => {
      // On success the session store re-renders the gate and this card goes away.
      setBusy(null);
      if (!reply.ok) setError(reply.error.message);
    });
  };

  return (
    <Card title='演示登录'>
      <View className='u-signin__intro'>
        这是本地演示版，可以在电脑浏览器里体验小程序。请选择一个演示账号登录。在微信里使用时，身份由微信自动识别，不需要登录。
      </View>

      {accounts.status === 'loading' && <View className='u-signin__hint'>正在获取演示账号…</View>}
      {accounts.status === 'error' && (
        <View className='u-signin__hint'>
          <View>{accounts.error.message}</View>
          <View className='u-signin__retry' hoverClass='u-signin__retry--pressed' ariaRole='button' onClick={loadAccounts}>
            重新获取
          </View>
        </View>
      )}
      {accounts.status === 'ok' && accounts.accounts.length === 0 && <View className='u-signin__hint'>当前没有可用的演示账号，可以在下面输入 OPENID。</View>}
      {accounts.status === 'ok' &&
        accounts.accounts.map((a) => (
          <ActionButton
            key={a.openid}
            kind='secondary'
            text={busy === a.openid ? '正在登录…' : a.label}
            note={a.openid}
            disabled={busy !== null}
            onClick={() => signIn(a.openid, a.label)}
          />
        ))}

      <View className='u-signin__divider'>或者输入 OPENID 登录</View>
      <Input
        className='u-signin__input'
        value={openid}
        placeholder='例如 demo-member-1'
        placeholderClass='u-signin__placeholder'
        maxlength={64}
        confirmType='go'
        onInput={(e) => setOpenid(e.detail.value)}
        onConfirm={() => signIn(openid)}
      />
      <ActionButton text={busy !== null && busy === openid.trim() ? '正在登录…' : '登录'} disabled={busy !== null || openid.trim() === ''} onClick={() => signIn(openid)} />
      {error && (
        <View className='u-signin__error' ariaRole='alert'>
          {error}
        </View>
      )}
    </Card>
  );
}
