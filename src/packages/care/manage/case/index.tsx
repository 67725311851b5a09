import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { CaseView } from '@/core/contracts/care';
import { can as holds } from '@/core/domain/roles';
import { addDays } from '@/core/time';
import { ActionButton } from '@/components/ActionButton';
import { CallView } from '@/components/CallView';
import { Card } from '@/components/Card';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ChoiceField, DateField, FormField, SelectField, SwitchField, TextArea, TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { Conversation, Progress, RatingCard } from '../../components/CaseParts';
import { CaseFacts } from '../../components/CaseParts/CaseFacts';
import { Visits } from '../../components/CaseParts/Visits';
import { FilesField } from '@/components/Files';
import { handlerOptions, requesterText } from '../../handling';
import { BROUGHT_LIMIT, hasTerms, VISIT_WINDOW_DAYS, VISITORS_LIMIT } from '../../visitForm';
import { useHandle, type Handle, type HandlePanel } from '../../hooks/useHandle';
import '../../components/care.scss';

/** 办理求助 (?id=…): the case, the member's messages and internal notes, and what the caller may do now. */
export default function HandlePage() {
  const id = queryParam(useRouter().params, 'id');
  return (
    <Page path={ROUTES.careHandle}>
      {({ openid, account }) => (id ? <HandleCase id={id} openid={openid} mayPay={holds(account.roles, 'ledger.write')} /> : <EmptyState title='没有找到这件求助' note='请从「会员求助」中打开。' />)}
    </Page>
  );
}

/** `mayPay`: the caller holds ledger.write (officers and the chair), so a visit may carry its 慰问 (the function checks again). */
function HandleCase({ id, openid, mayPay }: { id: string; openid: string; mayPay: boolean }) {
  const h = useHandle(id, openid, mayPay);
  return (
    <CallView call={h.view} loadingText='正在读取…'>
      {() => (h.shown ? <HandleBody c={h.shown} h={h} /> : null)}
    </CallView>
  );
}

/** The buttons under the case, each shown only when the case's `can` list has it; accept acts at once (after asking). */
const PANELS: { panel: Exclude<HandlePanel, null>; action: CaseView['can'][number]; text: string }[] = [
  { panel: 'visit', action: 'visit', text: '记录慰问' },
  { panel: 'reply', action: 'reply', text: '答复会员' },
  { panel: 'note', action: 'note', text: '内部备注' },
  { panel: 'assign', action: 'assign', text: '转派' },
  { panel: 'close', action: 'close', text: '办结' },
  { panel: 'sendBack', action: 'sendBack', text: '退回' },
  { panel: 'reveal', action: 'reveal', text: '查看匿名提交人' },
];

function HandleBody({ c, h }: { c: CaseView; h: Handle }) {
  const can = (a: CaseView['can'][number]) => c.can.includes(a);
  const panels = PANELS.filter((p) => can(p.action));
  return (
    <>
      {c.supervised && <Notice tone='warn' title='督办'>这件事已报告工会主席督办：{c.reopened ? '会员对办理结果不满意，已重新办理' : '已超过办理期限'}。</Notice>}
      {c.private && <Notice tone='info'>保密类别：只有处理人和工会主席能看到这件事的内容。</Notice>}
      {c.anonymous && <Notice tone='info'>会员选择了匿名提交：您看不到提交人姓名，仍然可以在小程序里答复。</Notice>}
      <CaseFacts c={c} requester={requesterText(c)} />

      {h.revealed && (
        <Card title='匿名提交人'>
          <View className='care-revealed'>{h.revealed.name}</View>
          <View className='care-note'>{h.revealed.department}</View>
          <View className='care-note'>本次查看已记入审计日志。</View>
        </Card>
      )}

      {can('accept') && (
        <>
          <ErrorNotice error={h.acceptError} />
          <ActionButton text={h.busy ? '请稍候…' : c.kind === 'instant' ? '确认上报' : '受理'} disabled={h.busy} onClick={() => void h.run.accept()} />
          <View className='care-gap' />
        </>
      )}

      {panels.length > 0 && (
        <Card title='办理'>
          <View className='care-actions'>
            {panels.map((p) => (
              <InlineButton key={p.panel} text={p.text} kind={h.panel === p.panel ? 'primary' : 'secondary'} onClick={() => h.setPanel(p.panel)} />
            ))}
          </View>
          {h.panel && <PanelForm panel={h.panel} c={c} h={h} />}
        </Card>
      )}

      {c.kind === 'instant' && (
        <Card title='看望慰问'>
          {c.visits.length > 0 ? <Visits visits={c.visits} viewer='handler' /> : <View className='care-note'>还没有登记看望。确认上报后，看望了再点「记录慰问」登记。</View>}
        </Card>
      )}

      <Progress c={c} />
      <RatingCard c={c} title='会员评价' />

      <Card title='留言、答复与内部备注'>
        <Conversation messages={c.messages} viewer='handler' />
      </Card>
    </>
  );
}

/** The small form of the chosen action. */
function PanelForm({ panel, c, h }: { panel: Exclude<HandlePanel, null>; c: CaseView; h: Handle }) {
  const m = h.message;
  const r = h.reason;
  const send = (text: string) => <ActionButton text={h.busy ? '请稍候…' : text} disabled={h.busy} onClick={() => void h.run[panel]()} />;
  switch (panel) {
    case 'visit':
      return <VisitForm c={c} h={h} />;
    case 'reply':
      return (
        <>
          <FormField label='答复内容' required hint='会员会收到通知，在小程序里看到' error={m.errors.text}>
            <TextArea value={m.values.text} onChange={(x) => m.set('text', x)} placeholder='写给会员的答复' limit={1000} />
          </FormField>
          <FilesField uploads={h.uploads} error={m.errors.files} />
          {m.error && <Notice tone='error'>{m.error.message}</Notice>}
          {send('发送答复')}
        </>
      );
    case 'note':
      return (
        <>
          <Notice tone='warn'>内部备注，会员看不到；其他能办理这件事的人看得到。</Notice>
          <FormField label='备注' required error={m.errors.text}>
            <TextArea value={m.values.text} onChange={(x) => m.set('text', x)} placeholder='例如：已电话联系人事科，等待回复' limit={1000} />
          </FormField>
          {m.error && <Notice tone='error'>{m.error.message}</Notice>}
          {send('保存备注')}
        </>
      );
    case 'assign':
      return (
        <>
          <FormField label='转派给' required error={r.errors.handlerId}>
            <CallView call={h.handlers} loadingText='正在读取可以办理的人…'>
              {(data) => {
                const options = handlerOptions(data.items, c.private);
                return options.length === 0 ? (
                  <View className='care-note'>{c.private ? '没有可以办理保密类别的人，请先在「角色管理」中任命关爱专员' : '没有其他可以办理的人'}</View>
                ) : (
                  <SelectField options={options} value={r.values.handlerId} onChange={(x) => r.set('handlerId', x)} placeholder='请选择' />
                );
              }}
            </CallView>
          </FormField>
          <ReasonField h={h} label='转派原因' placeholder='例如：涉及劳动合同，请法律顾问办理' />
          {send('转派')}
        </>
      );
    case 'sendBack':
      return (
        <>
          <ReasonField h={h} label='退回原因' hint='会员会看到退回原因' placeholder='例如：不属于工会受理范围，建议向人事科反映' />
          {send('退回')}
        </>
      );
    case 'close':
      return (
        <>
          {c.kind === 'instant' ? (
            <ReasonField h={h} label='办理结果' hint='写明看望和慰问的情况；上报人会看到' placeholder='例如：已于12月3日到医院看望，送上慰问金' limit={1000} />
          ) : (
            <ReasonField h={h} label='办理结果' hint='写明做了什么、结果如何；会员会看到并被请求评价' placeholder='例如：已协调财务科，于12月5日补发加班费' limit={1000} />
          )}
          {send('办结')}
        </>
      );
    case 'reveal':
      return (
        <>
          <Notice tone='warn'>匿名提交人的姓名只在确有必要（如恶意提交）时查看。查看记入审计日志，包括您填写的原因。</Notice>
          <ReasonField h={h} label='查看原因' placeholder='例如：内容涉嫌恶意诽谤，需核实' />
          {send('查看提交人')}
        </>
      );
  }
}

function ReasonField({ h, label, hint, placeholder, limit = 200 }: { h: Handle; label: string; hint?: string; placeholder: string; limit?: number }) {
  const r = h.reason;
  return (
    <>
      <FormField label={label} required hint={hint} error={r.errors.text}>
        <TextArea value={r.values.text} onChange={(x) => r.set('text', x)} placeholder={placeholder} limit={limit} />
      </FormField>
      {r.error && <Notice tone='error'>{r.error.message}</Notice>}
    </>
  );
}

/**
 * 记录慰问: the day, who went, what was brought, photos, and the 慰问金 (for those who may pay): an amount in yuan and
 * a form the year's policy allows for this report, with the cap shown. A refusal of the policy engine shows in the
 * box with its rule and source; nothing is recorded then.
 */
function VisitForm({ c, h }: { c: CaseView; h: Handle }) {
  const v = h.visit;
  const f = v.form;
  return (
    <>
      <FormField label='看望日期' required error={f.errors.visitedOn}>
        <DateField value={f.values.visitedOn} onChange={(x) => f.set('visitedOn', x)} start={addDays(v.today, -VISIT_WINDOW_DAYS)} end={v.today} />
      </FormField>
      <FormField label='慰问人员' required hint='谁去看望的，例如：李娜、赵主席' error={f.errors.visitors}>
        <TextInput value={f.values.visitors} onChange={(x) => f.set('visitors', x)} placeholder='慰问人员姓名' limit={VISITORS_LIMIT} maxlength={VISITORS_LIMIT} />
      </FormField>
      <FormField label='带去的物品' hint='选填，例如：鲜花、水果' error={f.errors.brought}>
        <TextArea value={f.values.brought} onChange={(x) => f.set('brought', x)} placeholder='带去的慰问品' limit={BROUGHT_LIMIT} />
      </FormField>
      <FilesField label='看望照片' uploads={v.uploads} error={f.errors.files} hint='选填，最多 6 张；只有处理人和工会干部看得到' />
      {v.mayPay ? (
        <FormField label='慰问金' error={f.values.paid && !hasTerms(v.terms) ? f.errors.amount : undefined}>
          <SwitchField checked={f.values.paid} onChange={(on) => v.switchPaid(on)} label='同时登记慰问金或慰问品' off='只登记看望情况' />
        </FormField>
      ) : (
        <Notice tone='info'>登记慰问金须由工会干部或工会主席办理；您可以先登记看望情况。</Notice>
      )}
      {v.mayPay && f.values.paid && (
        <CallView call={v.policy} loadingText='正在读取本年度政策…'>
          {() =>
            hasTerms(v.terms) ? (
              <>
                <Notice tone='info' title={v.terms.text}>
                  依据：{v.terms.source}
                </Notice>
                <FormField label='金额（元）' required hint={v.terms.capFen === null ? undefined : '超过上限会被拒绝，看望也不会保存'} error={f.errors.amount}>
                  <TextInput type='digit' value={f.values.amount} onChange={(x) => f.set('amount', x)} placeholder='例如 500' maxlength={12} />
                </FormField>
                <FormField label='发放形式' required error={f.errors.form}>
                  <ChoiceField options={v.terms.options} value={f.values.form} onChange={(x) => f.set('form', x)} />
                </FormField>
              </>
            ) : (
              <Notice tone='warn'>{v.terms?.missing ?? `${c.categoryLabel}慰问不能登记`}</Notice>
            )
          }
        </CallView>
      )}
      <ErrorNotice error={f.error} titles={{ POLICY_REFUSED: '不符合本工会经费使用规定，没有登记', FORBIDDEN: '不能登记慰问金' }} />
      <ActionButton text={h.busy ? '请稍候…' : '登记'} disabled={h.busy} onClick={() => void h.run.visit()} />
    </>
  );
}
