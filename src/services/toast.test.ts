import { toastOf } from './toast';

describe('toastOf', () => {
  test('a short line shows under the tick for 1.5 s', () => {
    expect(toastOf('已保存')).toEqual({ title: '已保存', icon: 'success', duration: 1500 });
    expect(toastOf('七个字的一句话')).toMatchObject({ icon: 'success' });
  });

  test('a line longer than the tick can show is plain text for 2.5 s, whole', () => {
    expect(toastOf('活动已取消，已通知 12 人')).toEqual({ title: '活动已取消，已通知 12 人', icon: 'none', duration: 2500 });
    expect(toastOf('八个字的一句话了')).toMatchObject({ icon: 'none' });
  });
});
