import { batchDraft, batchFieldOf, batchValuesOf, choiceDraft, choiceFieldOf, choiceOf, emptyBatch, emptyOption, leftText, withoutOption, type BatchValues } from './batchForm';

const filled = (): BatchValues => ({
  ...emptyBatch(2026),
  holiday: 'midAutumn',
  closesOn: '2026-09-18',
  pickupEndsOn: '2026-09-24',
  options: [
    { ...emptyOption(), name: ' 月饼礼盒 ', price: '298', stock: '200' },
    { ...emptyOption(), name: '五常大米', price: '200.5', stock: '' },
  ],
  places: [{ name: '工会活动室', times: '9月21日—24日' }],
  fallbackOption: 1,
});

test('the form becomes the payload: yuan to fen, an empty stock unlimited', () => {
  const { payload, problems } = batchDraft(filled(), 'key-00000001');
  expect(problems).toEqual({});
  expect(payload).toMatchObject({
    requestKey: 'key-00000001',
    holiday: 'midAutumn',
    year: 2026,
    options: [
      { name: '月饼礼盒', unitFen: 29_800, stock: 200, form: 'in_kind', photo: null },
      { name: '五常大米', unitFen: 20_050, stock: null },
    ],
    places: [{ name: '工会活动室', times: '9月21日—24日' }],
    fallbackOption: 1,
  });
  expect(batchDraft(filled(), 'key-00000001', 'b1').payload.batchId).toBe('b1');
});

test.each<[Partial<BatchValues>, string, string]>([
  [{ holiday: null }, 'holiday', '请选择节日'],
  [{ closesOn: null }, 'closesOn', '请选择截止日期'],
  [{ options: [{ ...emptyOption(), name: 'a', price: '' }, { ...emptyOption(), name: 'b', price: '1' }] }, 'options.0.unitFen', '请填写单价'],
  [{ options: [{ ...emptyOption(), name: 'a', price: '三百' }, { ...emptyOption(), name: 'b', price: '1' }] }, 'options.0.unitFen', '单价请填写金额，例如 298 或 298.50'],
  [{ options: [{ ...emptyOption(), name: 'a', price: '1' }, { ...emptyOption(), name: 'b', price: '1', stock: '2.5' }] }, 'options.1.stock', '库存请填写整数，不限量请留空'],
])('a problem only the form can name: %j → %s', (over, field, message) => {
  expect(batchDraft({ ...filled(), ...over }, 'key-00000001').problems[field]).toBe(message);
});

test('issues land on their fields', () => {
  expect(batchFieldOf(['options', 1, 'unitFen'])).toBe('options.1.unitFen');
  expect(batchFieldOf(['places', 0, 'name'])).toBe('places.0.name');
  expect(batchFieldOf(['options'])).toBe('options');
  expect(batchFieldOf(['requestKey'])).toBeNull();
});

test('removing an option keeps the fallback on the same option', () => {
  const v = { ...filled(), options: [...filled().options, { ...emptyOption(), name: 'c' }], fallbackOption: 2 };
  expect(withoutOption(v, 0).fallbackOption).toBe(1);
  expect(withoutOption(v, 2).fallbackOption).toBeNull();
  expect(withoutOption(v, 1).options.map((o) => o.name.trim())).toEqual(['月饼礼盒', 'c']);
});

test('a saved batch comes back into the form', () => {
  const v = batchValuesOf({
    holiday: 'midAutumn',
    year: 2026,
    title: 't',
    note: '',
    closesOn: '2026-09-18',
    pickupEndsOn: '2026-09-24',
    options: [
      { id: 'o1', name: '月饼', description: '', photo: null, photoUrl: null, unitFen: 123_456, form: 'in_kind', stock: 3 },
      { id: 'o2', name: '大米', description: '', photo: null, photoUrl: null, unitFen: 20_000, form: 'in_kind', stock: null },
    ],
    places: [{ id: 'p1', name: '活动室', times: '全天' }],
    delivery: true,
    fallbackOptionId: 'o2',
  });
  expect(v.options.map((o) => [o.id, o.price, o.stock])).toEqual([['o1', '1234.56', '3'], ['o2', '200.00', '']]);
  expect(v.fallbackOption).toBe(1);
});

test('a member’s choice: a place, or delivery with an address', () => {
  const fresh = choiceOf(null, 'p1', false);
  expect(choiceDraft('b1', fresh, 'o2')).toEqual({ batchId: 'b1', optionId: 'o2', way: 'pickup', placeId: 'p1', address: null });
  const delivery = { ...choiceOf(null, null, true), name: ' 张伟 ', phone: '13900000004', address: '人民西路 1 号' };
  expect(choiceDraft('b1', delivery, 'o1')).toEqual({ batchId: 'b1', optionId: 'o1', way: 'delivery', placeId: null, address: { name: '张伟', phone: '13900000004', address: '人民西路 1 号' } });
  expect(choiceFieldOf(['address', 'phone'])).toBe('phone');
  expect(choiceFieldOf(['placeId'])).toBe('placeId');
  expect(leftText({ stock: null, left: null, soldOut: false })).toBe('不限量');
  expect(leftText({ stock: 5, left: 0, soldOut: true })).toBe('已领完');
  expect(leftText({ stock: 5, left: 2, soldOut: false })).toBe('还剩 2 份');
});
