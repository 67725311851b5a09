import { Image, View } from '@tarojs/components';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { filesCountText, MAX_FILES } from '../../askForm';
import type { Uploads } from '../../hooks/useUploads';
import '../care.scss';

export interface FilesFieldProps {
  label?: string;
  uploads: Uploads;
  error?: string;
  hint?: string;
}

/** 照片: up to six thumbnails, each with 删除, and 添加照片 while there is room. */
export function FilesField({ label = '照片', uploads, error, hint }: FilesFieldProps) {
  const { files } = uploads;
  return (
    <FormField label={label} hint={hint ?? `选填，最多 ${MAX_FILES} 张。${filesCountText(files)}`} error={error}>
      {files.length > 0 && (
        <View className='care-files'>
          {files.map((f, i) => (
            <View key={f.fileID} className='care-files__item'>
              <Image className='care-files__thumb' src={f.previewUrl} mode='aspectFill' ariaLabel={`第 ${i + 1} 张照片`} />
              <InlineButton text='删除' kind='danger' onClick={() => uploads.remove(f.fileID)} />
            </View>
          ))}
        </View>
      )}
      {uploads.canAdd && <InlineButton text={uploads.uploading ? '正在上传…' : '添加照片'} disabled={uploads.uploading} onClick={() => void uploads.add()} />}
      <ErrorNotice error={uploads.error} titles={{ BAD_REQUEST: '没有添加照片' }} />
    </FormField>
  );
}
