import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { ErrorNotice } from '@/components/ErrorNotice';
import { FormField } from '@/components/Form';
import { InlineButton } from '@/components/InlineButton';
import { attachmentKindOf } from '@/services/attachments';
import { filesCountText, type FileDraft } from '@/services/fileDrafts';
import type { Uploads } from '@/hooks/useUploads';
import './index.scss';

/** A stored file as a function hands it out: a temporary link, its name, and whether it is a picture. */
export interface StoredFile {
  fileID: string;
  url: string;
  name: string;
  isImage: boolean;
}

/** Photos as thumbnails (tap to see them large), other files by name. */
export function Attachments({ items }: { items: readonly StoredFile[] }) {
  if (items.length === 0) return null;
  const images = items.filter((a) => a.isImage).map((a) => a.url);
  return (
    <View className='u-files'>
      {items.map((a, i) =>
        a.isImage ? (
          <View key={a.fileID} className='u-files__item'>
            <Image
              className='u-files__thumb'
              src={a.url}
              mode='aspectFill'
              lazyLoad
              ariaLabel={`照片 ${i + 1}，点击查看大图`}
              onClick={() => void Taro.previewImage({ current: a.url, urls: images })}
            />
          </View>
        ) : (
          <View key={a.fileID} className='u-files__item'>
            <View className='u-files__doc'>{a.name || '附件'}</View>
          </View>
        ),
      )}
    </View>
  );
}

export interface FilesFieldProps {
  label?: string;
  uploads: Uploads;
  error?: string;
  hint?: string;
}

/** A document (a PDF) has no picture to show: it is listed by its name. */
const isDocument = (f: FileDraft): boolean => !f.previewUrl || attachmentKindOf(f.name) === 'pdf';

/**
 * 照片或文件 on a form: photos as thumbnails and PDF documents as rows with their names, each with 删除, and
 * 添加照片或文件 while there is room (the hook's `max`).
 */
export function FilesField({ label = '照片或文件', uploads, error, hint }: FilesFieldProps) {
  const { files } = uploads;
  const photos = files.filter((f) => !isDocument(f));
  const documents = files.filter(isDocument);
  return (
    <FormField label={label} hint={hint ?? `选填，照片或 PDF 文件，最多 ${uploads.max} 个。${filesCountText(files, uploads.max)}`} error={error}>
      {photos.length > 0 && (
        <View className='u-files'>
          {photos.map((f, i) => (
            <View key={f.fileID} className='u-files__item'>
              <Image className='u-files__thumb' src={f.previewUrl} mode='aspectFill' ariaLabel={`第 ${i + 1} 张照片`} />
              <InlineButton text='删除' kind='danger' onClick={() => uploads.remove(f.fileID)} />
            </View>
          ))}
        </View>
      )}
      {documents.map((f) => (
        <View key={f.fileID} className='u-doc'>
          <View className='u-doc__kind'>文件</View>
          <View className='u-doc__name'>{f.name}</View>
          <InlineButton text='删除' kind='danger' onClick={() => uploads.remove(f.fileID)} />
        </View>
      ))}
      {uploads.canAdd && <InlineButton text={uploads.uploading ? '正在上传…' : '添加照片或文件'} disabled={uploads.uploading} onClick={() => void uploads.add()} />}
      <ErrorNotice error={uploads.error} titles={{ BAD_REQUEST: '没有添加' }} />
    </FormField>
  );
}
