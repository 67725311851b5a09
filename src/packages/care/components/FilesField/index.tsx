import { Image, View } from '@tarojs/components';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { attachmentKindOf } from '@/services/attachments';
import { filesCountText, MAX_FILES, type FileDraft } from '../../askForm';
import type { Uploads } from '../../hooks/useUploads';
import '../care.scss';
import './index.scss';

export interface FilesFieldProps {
  label?: string;
  uploads: Uploads;
  error?: string;
  hint?: string;
}

/** A document (a PDF) has no picture to show: it is listed by its name. */
const isDocument = (f: FileDraft): boolean => !f.previewUrl || attachmentKindOf(f.name) === 'pdf';

/**
 * 照片或文件: up to six, photos as thumbnails and PDF documents as rows with their names, each with 删除, and
 * 添加照片或文件 while there is room.
 */
export function FilesField({ label = '照片或文件', uploads, error, hint }: FilesFieldProps) {
  const { files } = uploads;
  const photos = files.filter((f) => !isDocument(f));
  const documents = files.filter(isDocument);
  return (
    <FormField label={label} hint={hint ?? `选填，照片或 PDF 文件，最多 ${MAX_FILES} 个。${filesCountText(files)}`} error={error}>
      {photos.length > 0 && (
        <View className='care-files'>
          {photos.map((f, i) => (
            <View key={f.fileID} className='care-files__item'>
              <Image className='care-files__thumb' src={f.previewUrl} mode='aspectFill' ariaLabel={`第 ${i + 1} 张照片`} />
              <InlineButton text='删除' kind='danger' onClick={() => uploads.remove(f.fileID)} />
            </View>
          ))}
        </View>
      )}
      {documents.map((f) => (
        <View key={f.fileID} className='care-doc'>
          <View className='care-doc__kind'>文件</View>
          <View className='care-doc__name'>{f.name}</View>
          <InlineButton text='删除' kind='danger' onClick={() => uploads.remove(f.fileID)} />
        </View>
      ))}
      {uploads.canAdd && <InlineButton text={uploads.uploading ? '正在上传…' : '添加照片或文件'} disabled={uploads.uploading} onClick={() => void uploads.add()} />}
      <ErrorNotice error={uploads.error} titles={{ BAD_REQUEST: '没有添加' }} />
    </FormField>
  );
}
