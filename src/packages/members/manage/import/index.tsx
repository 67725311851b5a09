import { View } from '@tarojs/components';
import { ROSTER_COLUMNS } from '@/core/domain/vocabulary';
import { ActionButton } from '@/components/ActionButton';
import { Card } from '@/components/Card';
import { DownloadOutcome } from '@/components/DownloadOutcome';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Notice } from '@/components/Notice';
import { Page } from '@/components/Page';
import { useDownload } from '@/hooks/useDownload';
import { useRosterImport, type ImportState } from '../../hooks/useRosterImport';
import { ROUTES } from '@/services/routes';
import './index.scss';

/** 导入名册: the template's columns explained, the template, then one .xlsx checked row by row and imported whole. */
export default function ImportPage() {
  return (
    <Page path={ROUTES.import}>
      {({ openid }) => <Import openid={openid} />}
    </Page>
  );
}

// Where the file comes from, per platform: a phone has no file browser in WeChat, only the files of its chats; the
// H5 app may be open on a phone or a computer alike.
const WEAPP = process.env.TARO_ENV === 'weapp';
const PICK_NOTE = WEAPP ? '请先把 Excel 文件发送到任意微信聊天（例如「文件传输助手」），再点下面的按钮从聊天记录中选择。' : '点下面的按钮，选择要导入的 Excel 文件（.xlsx 格式）。';
const PICK_BUTTON = WEAPP ? '从微信聊天中选择文件并导入' : '选择 Excel 文件并导入';

function Import({ openid }: { openid: string }) {
  const { state, start, busy } = useRosterImport(openid);
  const template = useDownload('members', 'rosterTemplate');
  return (
    <>
      <Card title='第一步：按模板填写'>
        <View className='import__text'>名册第一行是列名，从第二行起每行一位会员。带「必填」的列每行都要填写。</View>
        <View className='import__columns'>
          {ROSTER_COLUMNS.map((c) => (
            <View key={c.key} className='import__column'>
              <View className='import__header'>
                {c.header}
                {c.required && <View className='import__required'>必填</View>}
              </View>
              <View className='import__example'>例：{c.example}</View>
            </View>
          ))}
        </View>
        <View className='import__text'>状态填 在职、退休 或 调离（不填为在职）；会费已缴填 是 或 否（不填为是）；日期写作 1980-05-20。</View>
        <ActionButton kind='secondary' text={template.busy ? '正在生成…' : '下载模板'} disabled={template.busy} onClick={() => void template.download()} />
        <DownloadOutcome download={template} />
      </Card>

      <Card title='第二步：选择文件导入'>
        <View className='import__text'>{PICK_NOTE}</View>
        <View className='import__text'>导入前会逐行检查；只要有一行有错，就不导入任何数据，并列出全部错误。已在名册中的工号会按文件内容更新。</View>
        <ActionButton text={buttonText(state)} disabled={busy} onClick={() => void start()} />
        <ImportOutcome state={state} />
      </Card>
    </>
  );
}

function buttonText(state: ImportState): string {
  if (state.step === 'uploading') return '正在上传…';
  if (state.step === 'importing') return '正在检查并导入…';
  return state.step === 'idle' ? PICK_BUTTON : '重新选择文件导入';
}

function ImportOutcome({ state }: { state: ImportState }) {
  if (state.step === 'done') {
    const { total, created, updated, unchanged } = state.result;
    return (
      <Notice tone='ok' title='导入完成' items={[`新增 ${created} 人`, `更新 ${updated} 人`, `未变 ${unchanged} 人`]}>
        {state.fileName}：共 {total} 位会员。
      </Notice>
    );
  }
  if (state.step === 'failed') {
    return <ErrorNotice error={state.error} listIssues titles={{ VALIDATION_FAILED: `没有导入任何数据${state.fileName ? `（${state.fileName}）` : ''}` }} />;
  }
  return null;
}
