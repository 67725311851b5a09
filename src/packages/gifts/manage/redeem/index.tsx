import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField, TextInput } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { formatMoney } from '@/core/money';
import { dayZh, formatDateTimeZh } from '@/core/time';
import { ROUTES } from '@/services/routes';
import { useRedeemVoucher, type ClerkVoucher } from '../../hooks/useRedeemVoucher';
import { monthText } from '../../vouchersForm';
import '../../components/VoucherCard.scss';

/**
 * 核销蛋糕券 (the designated shop's clerk): scan the member's QR code (WeChat) or type its code, see whether it may be
 * used, its amount and last day — nothing about the member — and redeem it once.
 */
export default function RedeemPage() {
  return <Page path={ROUTES.giftsRedeem}>{(me) => <Redeem shopName={me.account.shopName ?? ''} />}</Page>;
}

function Redeem({ shopName }: { shopName: string }) {
  const r = useRedeemVoucher();
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <>
      {r.redeemed ? (
        <Card title='核销成功' extra={<Badge tone='ok' text='已核销' />}>
          <View className='voucher__amount'>{formatMoney(r.redeemed.amountFen)}</View>
          <InfoRow label='券码'>{r.redeemed.code}</InfoRow>
          <View className='voucher__note'>请按蛋糕券金额为会员提供蛋糕。本店每月按核销记录与工会结算。</View>
          <ActionButton text='核销下一张' onClick={r.next} />
        </Card>
      ) : (
        <Card title={shopName ? `${shopName} · 核销蛋糕券` : '核销蛋糕券'}>
          {weapp && <ActionButton text='扫描会员的蛋糕券二维码' disabled={r.checking || r.redeeming} onClick={() => void r.scan()} />}
          <FormField label={weapp ? '或输入券码' : '券码'} hint='会员「我的福利」中二维码下方的 10 位字母和数字'>
            <TextInput value={r.code} onChange={r.setCode} placeholder='例如 ABCDE FGHJK' maxlength={30} onConfirm={() => void r.lookUp()} />
          </FormField>
          <ActionButton kind={weapp ? 'secondary' : 'primary'} text={r.checking ? '正在查询…' : '查询'} disabled={r.checking || r.redeeming} onClick={() => void r.lookUp()} />
        </Card>
      )}
      <ErrorNotice error={r.error} titles={{ NOT_FOUND: '没有找到这张蛋糕券', NOT_ALLOWED: '不能核销', RATE_LIMITED: '暂时不能查询' }} />
      {r.found && <Found v={r.found} busy={r.redeeming} onRedeem={() => void r.confirm()} />}
      <CallView call={r.history} loadingText='正在读取本月核销记录…'>
        {(h) => (
          <Card title={`本店${monthText(h.month)}核销`}>
            <InfoRow label='合计'>{`${h.count} 张，${formatMoney(h.totalFen)}`}</InfoRow>
            {h.items.length === 0 && <View className='voucher__note'>本月还没有核销蛋糕券。</View>}
            {h.items.map((i) => (
              <View key={i.code} className='voucher__line'>
                {`${formatDateTimeZh(new Date(i.redeemedAt))}　${i.code}　${formatMoney(i.amountFen)}`}
              </View>
            ))}
          </Card>
        )}
      </CallView>
    </>
  );
}

function Found({ v, busy, onRedeem }: { v: ClerkVoucher; busy: boolean; onRedeem: () => void }) {
  return (
    <Card title='蛋糕券' extra={<Badge tone={v.usable ? 'ok' : 'warn'} text={v.statusLabel} />}>
      <View className='voucher__amount'>{formatMoney(v.amountFen)}</View>
      <InfoRow label='券码'>{v.code}</InfoRow>
      <InfoRow label='有效期至'>{dayZh(v.lastDay, { now: new Date(), weekday: true })}</InfoRow>
      {v.usable ? (
        <ActionButton text={busy ? '正在核销…' : '确认核销'} disabled={busy} onClick={onRedeem} />
      ) : (
        <Notice tone='warn' title='这张蛋糕券不能使用'>
          {v.reason ?? ''}
        </Notice>
      )}
    </Card>
  );
}
