import { categoryHint, categoryPicked, emptyAsk, filesCountText, messageDraft, privacyNote, rateDraft, ratingNote, submitDraft, withFile, withoutFile, askFieldOf, MAX_FILES, type FileDraft } from './askForm';

const file = (n: number): FileDraft => ({ fileID: `cloud://env/uploads/o1/${n}.jpg`, name: `${n}.jpg`, previewUrl: `blob:${n}` });

describe('the 求助 form', () => {
  it('sends what was typed, trimmed, with the uploaded files and the requestKey', () => {
    const values = { ...emptyAsk('work'), title: ' 加班费 ', body: ' 连续三个月没有发 ', files: [file(1), file(2)], urgent: true };
    expect(submitDraft(values, 'key-12345678')).toEqual({
      payload: {
        category: 'work',
        title: '加班费',
        body: '连续三个月没有发',
        attachments: [{ fileID: 'cloud://env/uploads/o1/1.jpg', name: '1.jpg' }, { fileID: 'cloud://env/uploads/o1/2.jpg', name: '2.jpg' }],
        contact: 'app',
        urgent: true,
        anonymous: false,
        requestKey: 'key-12345678',
      },
      problems: {},
    });
  });

  it('leaves the category out until one is chosen (the contract then asks for it)', () => {
    expect(submitDraft(emptyAsk(), 'key-12345678').payload.category).toBeUndefined();
  });

  it('sends 匿名 only for a suggestion', () => {
    expect(submitDraft({ ...emptyAsk('suggestion'), anonymous: true }, 'k-12345678').payload.anonymous).toBe(true);
    expect(submitDraft({ ...emptyAsk('life'), anonymous: true }, 'k-12345678')).toMatchObject({ payload: { anonymous: false }, problems: { anonymous: '只有意见建议可以匿名提交' } });
  });

  it('switches 匿名 off when another category is picked', () => {
    expect(categoryPicked('work')).toEqual({ category: 'work', anonymous: false });
    expect(categoryPicked('suggestion')).toEqual({ category: 'suggestion' });
  });

  it('says who sees a private category', () => {
    expect(privacyNote('psychological')).toContain('只有处理人和工会主席能看到');
    expect(privacyNote('work')).toBeNull();
    expect(categoryHint('legal')).toContain('仅处理人和工会主席可见');
    expect(categoryHint(null)).toBe('请先选择类别，不同类别由不同的人处理');
  });

  it('keeps at most six files and removes one by its id', () => {
    let files: FileDraft[] = [];
    for (let n = 1; n <= MAX_FILES + 1; n++) files = withFile(files, file(n));
    expect(files).toHaveLength(MAX_FILES);
    expect(filesCountText(files)).toBe('已添加 6 个，不能再添加');
    expect(withoutFile(files, file(2).fileID).map((f) => f.name)).toEqual(['1.jpg', '3.jpg', '4.jpg', '5.jpg', '6.jpg']);
    expect(filesCountText([file(1), file(2)])).toBe('已添加 2 个，还可以添加 4 个');
  });

  it('shows an attachment issue under the files and nothing under requestKey', () => {
    expect(askFieldOf(['attachments', 3])).toBe('files');
    expect(askFieldOf(['requestKey'])).toBeNull();
    expect(askFieldOf(['body'])).toBe('body');
  });
});

describe('the small forms of a case', () => {
  it('sends 补充信息 and 答复 as text and file ids', () => {
    expect(messageDraft('c1', { text: ' 补充 ', files: [file(1)] })).toEqual({ caseId: 'c1', text: '补充', attachments: [{ fileID: 'cloud://env/uploads/o1/1.jpg', name: '1.jpg' }] });
  });

  it('sends a rating, or leaves it out for the contract to ask', () => {
    expect(rateDraft('c1', { rating: 'fair', comment: ' 还行 ' })).toEqual({ caseId: 'c1', rating: 'fair', comment: '还行' });
    expect(rateDraft('c1', { rating: null, comment: '' }).rating).toBeUndefined();
  });

  it('says what 不满意 does before it is sent', () => {
    expect(ratingNote('unsatisfied', false)).toContain('重新办理，并报告工会主席督办');
    expect(ratingNote('unsatisfied', true)).toContain('工会主席会看到');
    expect(ratingNote('satisfied', false)).toBeNull();
  });
});
