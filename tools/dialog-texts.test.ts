/**
 * WeChat refuses a dialog (wx.showModal) whose button text is longer than 4 characters, and Taro's H5 build does the
 * same: the action asked about then never runs (a batch that would not open, see services/toast Confirm). Every
 * button text written in src is checked here, since no unit test shows the real dialog.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SRC = join(__dirname, '..', 'src');

test('every confirmText and cancelText in src has at most 4 characters', () => {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  const texts = files.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/(?:confirmText|cancelText): '([^']*)'/g)].map((m) => ({ file: f, text: m[1] })));
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.filter((t) => [...t.text].length > 4)).toEqual([]);
});
