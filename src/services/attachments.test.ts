import { ATTACHMENT_ACCEPT, attachmentKindOf, checkAttachment, displayName } from './attachments';

const limits = { maxBytes: 10 * 1024 * 1024, maxText: '10 MB' };

describe('attachmentKindOf', () => {
  test.each([
    ['IMG_0001.jpg', 'image'],
    ['照片.JPEG', 'image'],
    ['a.png', 'image'],
    ['b.webp', 'image'],
    ['体检报告.pdf', 'pdf'],
    ['合同.PDF', 'pdf'],
    ['名册.xlsx', null],
    ['说明.docx', null],
    ['pdf', null],
    ['', null],
  ])('%s → %s', (name, kind) => {
    expect(attachmentKindOf(name)).toBe(kind);
  });
});

describe('checkAttachment', () => {
  test('a photo or a PDF within the limit is fine', () => {
    expect(checkAttachment('a.jpg', 1024, limits)).toBeNull();
    expect(checkAttachment('诊断证明.pdf', limits.maxBytes, limits)).toBeNull();
  });

  test('another kind of file is refused, saying which kinds are taken', () => {
    expect(checkAttachment('说明.docx', 10, limits)).toBe('请选择 JPG、PNG、WebP 图片或 PDF 文件');
  });

  test('a file over the limit is refused, saying the limit', () => {
    expect(checkAttachment('扫描件.pdf', limits.maxBytes + 1, limits)).toBe('文件超过 10 MB，请压缩后再上传');
    expect(checkAttachment('a.png', limits.maxBytes + 1, limits)).toBe('图片超过 10 MB，请压缩后再上传');
  });
});

describe('displayName', () => {
  test('a local path shows as its file name', () => {
    expect(displayName('wxfile://tmp/abc/诊断证明.pdf')).toBe('诊断证明.pdf');
    expect(displayName('C:\\Users\\a\\合同.pdf')).toBe('合同.pdf');
    expect(displayName('  ')).toBe('文件');
  });
});

test('the browser dialog offers photos and PDF documents', () => {
  expect(ATTACHMENT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.jpg', '.png', '.webp', '.pdf', 'application/pdf', 'image/jpeg']));
});
