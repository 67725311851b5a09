import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { CONTACT_LABELS, CONTACT_WAYS, canBeAnonymous, type HelpCategory } from '@/core/domain/care';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { ChoiceField, FormField, SwitchField, TextArea, TextInput } from '@/components/Form';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { queryParam, ROUTES } from '@/services/routes';
import { ANONYMOUS_NOTE, BODY_LIMIT, CATEGORY_OPTIONS, TITLE_LIMIT, privacyNote } from '../../askForm';
import { FilesField } from '@/components/Files';
import { useAsk } from '../../hooks/useAsk';
import '../../components/care.scss';

const CONTACT_OPTIONS = CONTACT_WAYS.map((c) => ({ value: c, label: CONTACT_LABELS[c] }));

/** 我要求助 (or, opened with ?category=suggestion, 提意见建议): one screen, 提交 once. */
export default function AskPage() {
  const raw = queryParam(useRouter().params, 'category');
  const initial: HelpCategory | null = raw === 'suggestion' ? 'suggestion' : null;
  return (
    <Page path={ROUTES.careAsk} title={initial === 'suggestion' ? '提意见建议' : undefined}>
      {({ openid }) => <AskForm openid={openid} initial={initial} />}
    </Page>
  );
}

function AskForm({ openid, initial }: { openid: string; initial: HelpCategory | null }) {
  const f = useAsk(openid, initial);
  const { values: v, set, errors } = f;
  const privacy = privacyNote(v.category);
  return (
    <>
      <Card title='类别'>
        <FormField label='遇到的是哪一类事情' required error={errors.category}>
          <View ariaRole='radiogroup'>
            {CATEGORY_OPTIONS.map((o) => {
              const selected = v.category === o.value;
              return (
                <View
                  key={o.value}
                  className={`care-option${selected ? ' care-option--selected' : ''}`}
                  hoverClass={selected ? 'none' : 'care-option--pressed'}
                  ariaRole='radio'
                  ariaLabel={selected ? `${o.label}（已选中）` : o.label}
                  onClick={() => f.pickCategory(o.value)}
                >
                  <View className='care-option__label'>{o.label}</View>
                  <View className='care-option__hint'>{o.hint}</View>
                </View>
              );
            })}
          </View>
        </FormField>
        {privacy && <Notice tone='info'>{privacy}</Notice>}
      </Card>

      <Card title='事情经过'>
        <FormField label='标题' required hint='一句话说明是什么事' error={errors.title}>
          <TextInput value={v.title} onChange={(x) => set('title', x)} placeholder='例如：加班费一直没有发放' limit={TITLE_LIMIT} />
        </FormField>
        <FormField label='详细情况' required hint='什么时候、什么事、希望工会怎样帮助' error={errors.body}>
          <TextArea value={v.body} onChange={(x) => set('body', x)} placeholder='请写清楚事情经过' limit={BODY_LIMIT} />
        </FormField>
        <FilesField uploads={f.uploads} error={errors.files} />
      </Card>

      <Card title='怎样联系您'>
        <FormField label='联系方式' required error={errors.contact}>
          <ChoiceField options={CONTACT_OPTIONS} value={v.contact} onChange={(x) => set('contact', x)} />
        </FormField>
        <FormField label='紧急程度' hint='紧急的求助当天受理' error={errors.urgent}>
          <SwitchField checked={v.urgent} onChange={(x) => set('urgent', x)} label='紧急' off='一般，按规定时限办理' />
        </FormField>
        {v.category !== null && canBeAnonymous(v.category) && (
          <FormField label='匿名' hint={ANONYMOUS_NOTE} error={errors.anonymous}>
            <SwitchField checked={v.anonymous} onChange={(x) => set('anonymous', x)} label='匿名提交' off='处理人能看到您的姓名' />
          </FormField>
        )}
      </Card>

      {f.error && (
        <Notice tone='error' title='没有提交'>
          {f.error.message}
        </Notice>
      )}
      <ActionButton text={f.busy ? '正在提交…' : '提交'} disabled={f.busy} onClick={() => void f.send()} />
    </>
  );
}
