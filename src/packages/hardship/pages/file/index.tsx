import { yuanText } from '@/core/money';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { InfoRow } from '@/components/InfoRow';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useCall } from '@/hooks/useCall';
import { ROUTES } from '@/services/routes';
import { dayText, whenText } from '../../format';

/** 我的困难职工档案: the member's own household file — category, household, the aid received, the yearly reviews. */
export default function MyFilePage() {
  return <Page path={ROUTES.hardshipMyFile}>{() => <MyFile />}</Page>;
}

function MyFile() {
  const mine = useCall('hardship', 'myFile', { reloadOnShow: true });
  return (
    <CallView call={mine} loadingText='正在读取档案…'>
      {({ file: f }) =>
        !f ? (
          <EmptyState title='您没有困难职工档案' note='帮扶申请审批通过后，工会会为您的家庭建立档案，您可以在这里查看。' />
        ) : (
          <>
            <Card title='档案概况'>
              <InfoRow label='状态'>{f.statusLabel}</InfoRow>
              <InfoRow label='困难类别'>{f.categoryLabel}</InfoRow>
              <InfoRow label='建档日期'>{dayText(f.openedOn)}</InfoRow>
              {f.reviewDue && <InfoRow label='下次复核'>{dayText(f.reviewDue)}</InfoRow>}
              {f.closed && <Notice tone='info'>{`${dayText(f.closed.on)}脱困：${f.closed.reason}`}</Notice>}
            </Card>
            <Card title='家庭成员'>
              {f.household.length === 0 ? <InfoRow label='家庭成员'>建档时未登记</InfoRow> : f.household.map((m, i) => <InfoRow key={i} label={m.relationLabel}>{`${m.name}，${m.age} 岁，${m.occupationLabel}`}</InfoRow>)}
            </Card>
            <Card title='历次帮扶'>
              {f.aids.length === 0 ? <InfoRow label='帮扶'>暂无发放记录</InfoRow> : f.aids.map((x, i) => <InfoRow key={i} label={x.kindLabel}>{`${yuanText(x.amountFen)}，${whenText(x.at)}`}</InfoRow>)}
            </Card>
            {f.reviews.length > 0 && (
              <Card title='年度复核'>
                {f.reviews.map((r, i) => (
                  <InfoRow key={i} label={dayText(r.on)}>
                    {r.note}
                  </InfoRow>
                ))}
              </Card>
            )}
          </>
        )
      }
    </CallView>
  );
}
