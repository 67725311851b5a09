/**
 * The functions' environment, parsed once: blanks are absent, short setup codes are ignored, and a notice is
 * pushed only on the template of its own area — another area's notice never goes out on the event template.
 */
import { noticeTemplate, parseEnv } from './env';

describe('parsing the environment', () => {
  test('unset and blank variables are absent; the mini-program state defaults to formal', () => {
    expect(parseEnv({})).toEqual({ UNION_SETUP_CODES: [], EVENT_NOTICE_TEMPLATE_ID: null, CARE_NOTICE_TEMPLATE_ID: null, GIFT_NOTICE_TEMPLATE_ID: null, EVENT_SIGNUPS: 'claim', MINIPROGRAM_STATE: 'formal' });
    expect(parseEnv({ EVENT_NOTICE_TEMPLATE_ID: '  ', MINIPROGRAM_STATE: '' })).toMatchObject({ EVENT_NOTICE_TEMPLATE_ID: null, MINIPROGRAM_STATE: 'formal' });
  });

  test('setup codes are split on commas and trimmed, and codes shorter than 12 characters are ignored', () => {
    expect(parseEnv({ UNION_SETUP_CODES: ' abcdefghijkl , short,,mnopqrstuvwx ' }).UNION_SETUP_CODES).toEqual(['abcdefghijkl', 'mnopqrstuvwx']);
  });
});

describe('notice templates by area', () => {
  const configured = parseEnv({ EVENT_NOTICE_TEMPLATE_ID: ' EVENT-TEMPLATE ', MINIPROGRAM_STATE: 'trial' });

  test('an event notice is pushed on the event template', () => {
    expect(noticeTemplate('events', configured)).toBe('EVENT-TEMPLATE');
  });

  test.each(['care', 'gifts', 'hardship'] as const)('a %s notice is not pushed on the event template: its area has none configured, so it goes to the inbox only', (area) => {
    expect(noticeTemplate(area, configured)).toBeNull();
  });

  test('a care notice is pushed on the care template only, and never on the event template', () => {
    const both = parseEnv({ EVENT_NOTICE_TEMPLATE_ID: 'EVENT-TEMPLATE', CARE_NOTICE_TEMPLATE_ID: ' CARE-TEMPLATE ' });
    expect(noticeTemplate('care', both)).toBe('CARE-TEMPLATE');
    expect(noticeTemplate('events', both)).toBe('EVENT-TEMPLATE');
  });

  test('a gift notice is pushed on the gift template only', () => {
    const all = parseEnv({ EVENT_NOTICE_TEMPLATE_ID: 'EVENT-TEMPLATE', CARE_NOTICE_TEMPLATE_ID: 'CARE-TEMPLATE', GIFT_NOTICE_TEMPLATE_ID: ' GIFT-TEMPLATE ' });
    expect(noticeTemplate('gifts', all)).toBe('GIFT-TEMPLATE');
    expect(noticeTemplate('care', all)).toBe('CARE-TEMPLATE');
  });

  test('no event template configured: event notices go to the inbox only', () => {
    expect(noticeTemplate('events', parseEnv({}))).toBeNull();
  });

  test('how sign-ups take seats: claims by default, one transaction each when asked; anything else names the variable', () => {
    expect(parseEnv({ EVENT_SIGNUPS: 'transaction' }).EVENT_SIGNUPS).toBe('transaction');
    expect(() => parseEnv({ EVENT_SIGNUPS: 'sometimes' })).toThrow(/EVENT_SIGNUPS/);
  });
});
