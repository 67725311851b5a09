import { View } from '@tarojs/components';
import type { CaseView } from '@/core/contracts/care';
import { formatMoney } from '@/core/money';
import { InfoRow } from '@/components/InfoRow';
import { Attachments } from './index';
import '../care.scss';
import './visits.scss';

/**
 * The visits of a 即时关爱 report. Staff read each in full: who went, what was brought, the 慰问 with its ledger entry,
 * the photos, who recorded it. A member reads the line the function wrote for them (工会于12月3日看望了您), nothing
 * more: the view carries nothing else to a member.
 */
export function Visits({ visits, viewer }: { visits: CaseView['visits']; viewer: 'member' | 'handler' }) {
  if (visits.length === 0) return null;
  return (
    <View ariaRole='list'>
      {visits.map((v) => (
        <View key={v.id} className='care-visit' ariaRole='listitem'>
          <View className='care-visit__line'>{v.line}</View>
          {viewer === 'handler' && (
            <>
              {v.visitors && <InfoRow label='慰问人员'>{v.visitors}</InfoRow>}
              {v.brought && <InfoRow label='带去的物品'>{v.brought}</InfoRow>}
              {v.payment && (
                <InfoRow label='慰问'>
                  <View>
                    {formatMoney(v.payment.amountFen)}（{v.payment.formLabel}）
                  </View>
                  <View className='care-note'>
                    已记入经费台账：{v.payment.itemLabel}，记录号 {v.payment.entryId.slice(-16)}
                  </View>
                </InfoRow>
              )}
              {v.recordedBy && <InfoRow label='登记人'>{v.recordedBy}</InfoRow>}
              <Attachments items={v.photos} />
            </>
          )}
        </View>
      ))}
    </View>
  );
}
