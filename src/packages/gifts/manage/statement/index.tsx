import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { EmptyState } from '@/components/EmptyState';
import { FormField, SelectField } from '@/components/Form';
import { Badge, InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { formatMoney } from '@/core/money';
import { formatDateTimeZh } from '@/core/time';
import { ROUTES } from '@/services/routes';
import { useVoucherStatement } from '../../hooks/useVoucherStatement';
import { monthText } from '../../vouchersForm';
import '../../components/VoucherCard.scss';

/**
 * 蛋糕店结算 (工会管理): per shop, the birthday cake vouchers redeemed in a month, their count and total — what the shop
 * is paid on — checked against the ledger's entries of the same vouchers; 导出结算单 (Excel).
 */
export default function StatementPage() {
  return <Page path={ROUTES.giftsStatement}>{() => <Statement />}</Page>;
}

function Statement() {
  const s = useVoucherStatement();
  return (
    <>
      <FormField label='月份'>
        <SelectField options={s.months} value={s.month} onChange={s.setMonth} />
      </FormField>
      <CallView call={s.statement} loadingText='正在汇总…'>
        {(data) =>
          data.shops.length === 0 ? (
            <EmptyState title={`${monthText(data.month)}没有核销的蛋糕券`} note='会员在指定蛋糕店使用蛋糕券后，会列在这里。' />
          ) : (
            <>
              <Card title={`${monthText(data.month)}合计`}>
                <InfoRow label='核销张数'>{`${data.count} 张`}</InfoRow>
                <InfoRow label='应结算金额'>{formatMoney(data.totalFen)}</InfoRow>
              </Card>
              {data.shops.map((shop) => {
                const reconciled = shop.ledgerFen === shop.totalFen;
                return (
                  <Card key={shop.shopName} title={shop.shopName} extra={<Badge tone={reconciled ? 'ok' : 'warn'} text={reconciled ? '与台账一致' : '与台账不一致'} />}>
                    <InfoRow label='核销张数'>{`${shop.count} 张`}</InfoRow>
                    <InfoRow label='金额'>{formatMoney(shop.totalFen)}</InfoRow>
                    {!reconciled && <Notice tone='warn'>{`经费台账中这些蛋糕券合计 ${formatMoney(shop.ledgerFen)}，与核销金额不一致，请在「经费台账」中核对（例如有人冲正了已核销的蛋糕券）。`}</Notice>}
                    {shop.items.map((i) => (
                      <View key={i.code} className='voucher__line'>
                        {`${formatDateTimeZh(new Date(i.redeemedAt))}　${i.code}　${formatMoney(i.amountFen)}${i.clerkName ? `　店员 ${i.clerkName}` : ''}`}
                      </View>
                    ))}
                  </Card>
                );
              })}
            </>
          )
        }
      </CallView>
      <View className='voucher__gap' />
      <ActionButton kind='secondary' text={s.exporter.busy ? '正在导出…' : `导出结算单（${monthText(s.month)}）`} disabled={s.exporter.busy} onClick={s.download} />
      <View className='voucher__note'>结算单列出每家蛋糕店当月核销的每张蛋糕券（券码、金额、时间、店员），不含会员姓名，末尾有签字栏。导出会记入审计日志。</View>
      <DownloadOutcome download={s.exporter} />
    </>
  );
}
