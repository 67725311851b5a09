import { dateLabel, emptyReport, reportDoneText, reportDraft } from './reportForm';

const zhang = { memberId: 'u1:A0002', name: '张三', department: '办公室' };

describe('the 即时关爱 form', () => {
  it('reports about oneself without a subject', () => {
    const v = { ...emptyReport(), category: 'marriage' as const, eventDate: '2026-12-12', place: '不该发送', note: ' 婚礼在老家 ' };
    expect(reportDraft(v, 'key-12345678')).toEqual({ payload: { category: 'marriage', eventDate: '2026-12-12', place: '', note: '婚礼在老家', requestKey: 'key-12345678' }, problems: {} });
  });

  it('reports a colleague by their member id, with the hospital', () => {
    const v = { ...emptyReport(), category: 'hospitalised' as const, who: 'colleague' as const, colleague: zhang, eventDate: '2026-11-30', place: ' 市第一人民医院 ' };
    expect(reportDraft(v, 'key-12345678').payload).toEqual({ category: 'hospitalised', subjectMemberId: 'u1:A0002', eventDate: '2026-11-30', place: '市第一人民医院', note: '', requestKey: 'key-12345678' });
  });

  it('names what is missing: the colleague, the date, the hospital', () => {
    const v = { ...emptyReport(), category: 'hospitalised' as const, who: 'colleague' as const };
    expect(reportDraft(v, 'key-12345678').problems).toEqual({ subjectMemberId: '请查找并选择是哪位同事', eventDate: '请选择住院日期', place: '请填写住院的医院' });
  });

  it('words the date by what happened', () => {
    expect(dateLabel('retirement')).toBe('退休日期');
    expect(dateLabel(null)).toBe('日期');
  });

  it('thanks the reporter', () => {
    expect(reportDoneText({ who: 'colleague', colleague: zhang })).toBe('已上报，工会会尽快看望张三');
    expect(reportDoneText({ who: 'self', colleague: null })).toBe('已上报，工会会尽快与您联系');
  });
});
