import { DEFAULT_SETTINGS } from '@rakuten-helpdesk/core';
import { settingsFromIparams } from './settings';

describe('settingsFromIparams', () => {
  test('reads signature, Bundesland and Saturday from the installation parameters', () => {
    expect(settingsFromIparams({ domain: 'x.freshdesk.com', shop_signature: 'Ihr Team', bundesland: 'NW', saturday_counts: true })).toEqual({
      ...DEFAULT_SETTINGS,
      signature: 'Ihr Team',
      bundesland: 'NW',
      saturdayIsWorkingDay: true,
    });
  });

  test.each([
    ['keins', null],
    ['by', 'BY'],
    ['XX', null],
    [null, null],
  ])('Bundesland %s → %s', (value, expected) => {
    expect(settingsFromIparams({ bundesland: value }).bundesland).toBe(expected);
  });

  test('strings for the checkbox, as some hosts send them', () => {
    expect(settingsFromIparams({ saturday_counts: 'true' }).saturdayIsWorkingDay).toBe(true);
    expect(settingsFromIparams({ saturday_counts: '' }).saturdayIsWorkingDay).toBe(false);
  });

  test('unreadable parameters fall back to the defaults', () => {
    expect(settingsFromIparams('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromIparams({ shop_signature: 'x'.repeat(5000) })).toEqual(DEFAULT_SETTINGS);
  });
});
