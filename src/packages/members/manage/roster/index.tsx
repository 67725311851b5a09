import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { can } from '@/core/domain/roles';
import { MEMBER_STATUS_LABELS, MEMBER_STATUSES } from '@/core/policy/items';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { EmptyState } from '@/components/EmptyState';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { TextInput } from '@/components/Form';
import { Badge } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { Pager } from '@/components/Pager';
import { Tabs } from '@/components/Tabs';
import { useDownload } from '@/hooks/useDownload';
import { useRoster, ROSTER_PAGE_SIZE } from '../../hooks/useRoster';
import { ROUTES, withQuery } from '@/services/routes';
import { ButtonGrid } from '@/components/ButtonGrid';
import { InlineButton } from '@/components/InlineButton';
import './index.scss';

const STATUS_TABS = [{ value: 'all' as const, label: '全部' }, ...MEMBER_STATUSES.map((s) => ({ value: s, label: MEMBER_STATUS_LABELS[s] }))];

/** 会员名册: search by name or 工号, filter by status, page through; add, import, template, export. */
export default function RosterPage() {
  return (
    <Page path={ROUTES.roster}>
      {({ account }) => <Roster canWrite={can(account.roles, 'roster.write')} />}
    </Page>
  );
}

function Roster({ canWrite }: { canWrite: boolean }) {
  const { text, setText, q, search, clear, status, setStatus, page, setPage, list } = useRoster();
  const template = useDownload('members', 'rosterTemplate');
  const exporter = useDownload('members', 'rosterExport');
  const go = (url: string) => void Taro.navigateTo({ url });
  return (
    <>
      <ButtonGrid>
        {canWrite && <ActionButton text='新增会员' onClick={() => go(ROUTES.member)} />}
        {canWrite && <ActionButton text='导入名册' onClick={() => go(ROUTES.import)} />}
        {canWrite && <ActionButton kind='secondary' text={template.busy ? '正在生成…' : '下载模板'} disabled={template.busy} onClick={() => void template.download()} />}
        <ActionButton kind='secondary' text={exporter.busy ? '正在导出…' : '导出名册'} disabled={exporter.busy} onClick={() => void exporter.download()} />
      </ButtonGrid>
      <DownloadOutcome download={template} />
      <DownloadOutcome download={exporter} />

      <View className='roster__search'>
        <View className='roster__input'>
          <TextInput value={text} onChange={setText} placeholder='输入姓名或工号查找' maxlength={30} onConfirm={search} />
        </View>
        <InlineButton text='查找' kind='primary' onClick={search} />
      </View>
      <Tabs options={STATUS_TABS} value={status} onChange={setStatus} />

      <CallView call={list} loadingText='正在读取名册…'>
        {(data) => (
          <>
            <View className='roster__count'>
              {q ? `「${q}」共找到 ${data.total} 人` : `共 ${data.total} 人`}
              {q && (
                <View className='roster__clear' hoverClass='roster__clear--pressed' ariaRole='button' onClick={clear}>
                  清除查找
                </View>
              )}
            </View>
            {data.items.length === 0 ? (
              <EmptyState title={q ? '没有找到' : '名册中还没有会员'} note={q ? '请检查姓名或工号是否输入正确。' : '可以逐个新增，也可以用 Excel 导入名册。'} />
            ) : (
              <View className='roster__list'>
                {data.items.map((m) => (
                  <View key={m.id} className='roster__row' hoverClass='roster__row--pressed' ariaRole='link' onClick={() => go(withQuery(ROUTES.member, { id: m.id }))}>
                    <View className='roster__main'>
                      <View className='roster__name'>
                        {m.name}
                        <View className='roster__badges'>
                          <Badge tone={m.status === 'active' ? 'ok' : 'muted'} text={MEMBER_STATUS_LABELS[m.status]} />
                          <Badge tone={m.bound ? 'ok' : 'warn'} text={m.bound ? '已绑定微信' : m.bindLockedUntil ? '认证已锁定' : '未绑定'} />
                        </View>
                      </View>
                      <View className='roster__meta'>
                        工号 {m.employeeNo}
                        {m.department ? ` · ${m.department}` : ''}
                      </View>
                    </View>
                    <View className='roster__chevron'>›</View>
                  </View>
                ))}
              </View>
            )}
            <Pager page={page} pageSize={ROSTER_PAGE_SIZE} total={data.total} onChange={setPage} />
          </>
        )}
      </CallView>
    </>
  );
}
