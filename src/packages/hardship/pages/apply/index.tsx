import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AID_KIND_LABELS, AID_KIND_NOTES, CONSENT_TEXTS, MAX_HOUSEHOLD, OCCUPATION_LABELS, OCCUPATIONS, RELATION_LABELS, RELATIONS, SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS, SELF_CHECK_NOTE, type AidKind } from '@/core/domain/hardship';
import { yuanText } from '@/core/money';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { CallView } from '@/components/CallView';
import { FilesField } from '@/components/Files';
import { ChoiceField, FormField, SelectField, SwitchField, TextArea, TextInput } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useWhoami } from '@/hooks/useWhoami';
import { queryParam, ROUTES } from '@/services/routes';
import { CAUSE_LIMIT, consentsNeeded, withoutPerson, withPerson, type PersonDraft } from '../../applyForm';
import { useMemberApply } from '../../hooks/useMemberApply';
import '../../components/hardship.scss';

const RELATION_OPTIONS = RELATIONS.map((r) => ({ value: r, label: RELATION_LABELS[r] }));
const OCCUPATION_OPTIONS = OCCUPATIONS.map((o) => ({ value: o, label: OCCUPATION_LABELS[o] }));
const LEVEL_OPTIONS = SCHOOL_LEVELS.map((l) => ({ value: l, label: SCHOOL_LEVEL_LABELS[l] }));

/** 申请帮扶 (or ?id=… to go on with a draft): one screen — the kind, the household, the money, the cause, documents, consents. */
export default function ApplyPage() {
  const id = queryParam(useRouter().params, 'id');
  const who = useWhoami();
  const name = who.status === 'ok' ? (who.data.member?.name ?? '') : '';
  return <Page path={ROUTES.hardshipApply}>{({ openid }) => (who.status === 'loading' ? null : <ApplyForm openid={openid} myName={name} editing={id || null} />)}</Page>;
}

function ApplyForm({ openid, myName, editing }: { openid: string; myName: string; editing: string | null }) {
  const f = useMemberApply(openid, myName, editing);
  const { values: v, set } = f;
  const errors = f.form.errors;
  const setPerson = (i: number, patch: Partial<PersonDraft>) => {
    set('household', v.household.map((m, k) => (k === i ? { ...m, ...patch } : m)));
    f.form.settle(Object.keys(patch).map((key) => `household.${i}.${key}`));
  };
  const removePerson = (i: number) => {
    const next = withoutPerson(v, i);
    set('household', next.household);
    set('childIndex', next.childIndex);
    set('patientIndex', next.patientIndex);
    f.form.settle((key) => key.startsWith('household.'));
  };
  const memberOptions = v.household.map((m, i) => ({ value: String(i), label: m.name.trim() || `第 ${i + 1} 位家庭成员` }));
  const children = v.household.flatMap((m, i) => (m.relation === 'child' ? [{ value: String(i), label: m.name.trim() || `第 ${i + 1} 位（子女）` }] : []));
  const needed = consentsNeeded(v);
  return (
    <CallView call={f.setup} loadingText='正在读取…'>
      {(setup) => {
        const offered = setup.kinds.filter((k) => k.offered);
        const kindOptions = offered.map((k) => ({ value: k.kind, label: k.label }));
        const chosen = setup.kinds.find((k) => k.kind === v.kind);
        return (
          <>
            <Notice tone='info' title='您的信息只用于这次帮扶'>
              申请只有您本人、负责帮扶审核的工会工作人员和工会主席可以看到，每次查看都有记录。可以先保存草稿，材料齐了再提交。
            </Notice>
            <Card title='帮扶类别'>
              {offered.length === 0 ? (
                <Notice tone='warn'>本年度工会政策尚未设置帮扶项目，暂时不能申请，请联系工会。</Notice>
              ) : (
                <FormField label='申请哪一项' required error={errors.kind}>
                  <ChoiceField<AidKind> options={kindOptions} value={v.kind} onChange={(x) => set('kind', x)} />
                </FormField>
              )}
              {chosen && (
                <View className='hs-note'>
                  {AID_KIND_NOTES[chosen.kind]}
                  {chosen.capFen !== null ? `。本年度${AID_KIND_LABELS[chosen.kind]}每次不超过 ${yuanText(chosen.capFen)}。` : '。'}
                </View>
              )}
            </Card>

            <Card title='家庭成员'>
              <View className='hs-note'>填写共同生活的家庭成员，第一位是您本人，最多 {MAX_HOUSEHOLD} 人。月收入包括工资、养老金、经营收入等，没有请留空。</View>
              {errors.household && <Notice tone='error'>{errors.household}</Notice>}
              {v.household.map((m, i) => (
                <View key={i} className='hs-person'>
                  <View className='hs-person__head'>
                    <View className='hs-person__title'>{i === 0 ? '本人' : `第 ${i + 1} 位`}</View>
                    {i > 0 && <InlineButton text='删除' kind='danger' onClick={() => removePerson(i)} />}
                  </View>
                  <FormField label='姓名' required error={errors[`household.${i}.name`]}>
                    <TextInput value={m.name} onChange={(x) => setPerson(i, { name: x })} placeholder='姓名' maxlength={30} />
                  </FormField>
                  {i > 0 && (
                    <FormField label='与本人关系' required error={errors[`household.${i}.relation`]}>
                      <SelectField options={RELATION_OPTIONS.filter((o) => o.value !== 'self')} value={m.relation} onChange={(x) => setPerson(i, { relation: x })} />
                    </FormField>
                  )}
                  <FormField label='年龄（周岁）' required error={errors[`household.${i}.age`]}>
                    <TextInput type='number' value={m.age} onChange={(x) => setPerson(i, { age: x })} placeholder='例如 45' maxlength={3} />
                  </FormField>
                  <FormField label='工作或上学' required error={errors[`household.${i}.occupation`]}>
                    <SelectField options={OCCUPATION_OPTIONS} value={m.occupation} onChange={(x) => setPerson(i, { occupation: x })} />
                  </FormField>
                  <FormField label='月收入（元）' error={errors[`household.${i}.income`]}>
                    <TextInput type='digit' value={m.income} onChange={(x) => setPerson(i, { income: x })} placeholder='没有请留空' maxlength={12} />
                  </FormField>
                </View>
              ))}
              {v.household.length < MAX_HOUSEHOLD && <InlineButton text='添加家庭成员' onClick={() => set('household', withPerson(v.household))} />}
            </Card>

            {v.kind === 'schooling' && (
              <Card title='上学的子女'>
                {children.length === 0 ? (
                  <Notice tone='info'>请先在家庭成员中添加上学的子女（关系选“子女”，工作或上学选“在校学生”）。</Notice>
                ) : (
                  <FormField label='哪位子女' required error={errors.childIndex}>
                    <SelectField options={children} value={v.childIndex === null ? null : String(v.childIndex)} onChange={(x) => set('childIndex', Number(x))} />
                  </FormField>
                )}
                <FormField label='学校全称' required error={errors.school}>
                  <TextInput value={v.school} onChange={(x) => set('school', x)} placeholder='例如：淄博市第一中学' maxlength={50} />
                </FormField>
                <FormField label='学段' required error={errors.level}>
                  <SelectField options={LEVEL_OPTIONS} value={v.level} onChange={(x) => set('level', x)} />
                </FormField>
              </Card>
            )}
            {v.kind === 'illness' && (
              <Card title='患病的人'>
                <FormField label='谁患了重大疾病' required hint='大病关爱一般是会员本人' error={errors.patientIndex}>
                  <SelectField options={memberOptions} value={v.patientIndex === null ? null : String(v.patientIndex)} onChange={(x) => set('patientIndex', Number(x))} />
                </FormField>
              </Card>
            )}

            <Card title='每月刚性支出'>
              <FormField label='医疗（元/月）' hint='自付的医药费、透析、康复等' error={errors.medical}>
                <TextInput type='digit' value={v.medical} onChange={(x) => set('medical', x)} placeholder='没有请留空' maxlength={12} />
              </FormField>
              <FormField label='子女上学（元/月）' error={errors.schooling}>
                <TextInput type='digit' value={v.schooling} onChange={(x) => set('schooling', x)} placeholder='没有请留空' maxlength={12} />
              </FormField>
              <FormField label='其他（元/月）' hint='如赡养、房租等必须的支出' error={errors.other}>
                <TextInput type='digit' value={v.other} onChange={(x) => set('other', x)} placeholder='没有请留空' maxlength={12} />
              </FormField>
            </Card>

            <Card title='困难原因'>
              <FormField label='发生了什么' required hint='什么时候开始、对家庭生活有什么影响' error={errors.cause}>
                <TextArea value={v.cause} onChange={(x) => set('cause', x)} placeholder='请写清楚困难的原因' limit={CAUSE_LIMIT} />
              </FormField>
            </Card>

            {f.selfCheck && (
              <Card title='自测（仅供参考）'>
                <View className='hs-selfcheck'>{f.selfCheck.label}</View>
                <View className='hs-note'>{f.selfCheck.explanation.replace(SELF_CHECK_NOTE, '')}</View>
                <Notice tone='info'>{SELF_CHECK_NOTE}</Notice>
              </Card>
            )}

            <Card title='证明材料'>
              {v.kept.map((d) => (
                <View key={d.fileID} className='hs-doc'>
                  <View className='hs-doc__name'>{d.name}</View>
                  <InlineButton text='删除' kind='danger' onClick={() => f.removeKept(d.fileID)} />
                </View>
              ))}
              <FilesField label='添加证明材料' uploads={f.uploads} error={errors.files} hint='诊断证明、收入证明、录取通知书等，照片或 PDF，提交前至少一份。只有帮扶审核人员能看到。' />
            </Card>

            <Card title='个人信息的使用'>
              <View className='hs-consent'>{CONSENT_TEXTS.purpose}</View>
              <FormField label='使用说明' required error={errors.consentPurpose}>
                <SwitchField checked={v.consentPurpose} onChange={(x) => set('consentPurpose', x)} label='我已阅读并同意' off='请阅读后同意' />
              </FormField>
              {needed.health && (
                <>
                  <View className='hs-consent'>{CONSENT_TEXTS.health}</View>
                  <FormField label='健康信息' required error={errors.consentHealth}>
                    <SwitchField checked={v.consentHealth} onChange={(x) => set('consentHealth', x)} label='我单独同意' off='涉及健康信息，需要单独同意' />
                  </FormField>
                </>
              )}
              {needed.minors && (
                <>
                  <View className='hs-consent'>{CONSENT_TEXTS.minors}</View>
                  <FormField label='未成年子女信息' required error={errors.consentMinors}>
                    <SwitchField checked={v.consentMinors} onChange={(x) => set('consentMinors', x)} label='我单独同意' off='有不满 14 周岁的子女，需要单独同意' />
                  </FormField>
                </>
              )}
            </Card>

            {f.form.error && (
              <Notice tone='error' title='没有提交' items={f.form.error.issues?.map((i) => i.message)}>
                {f.form.error.message}
              </Notice>
            )}
            <ActionButton text={f.busy ? '请稍候…' : '提交申请'} disabled={f.busy || offered.length === 0} onClick={() => void f.send()} />
            <ActionButton text='保存草稿' kind='secondary' disabled={f.busy} onClick={() => void f.saveDraft()} />
          </>
        );
      }}
    </CallView>
  );
}

