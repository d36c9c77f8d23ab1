import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('parseSettings', () => {
  test('empty input gives the defaults', () => {
    expect(parseSettings({})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(DEFAULT_SETTINGS).toEqual({ shopName: '', signature: '', bundesland: null, saturdayIsWorkingDay: false, locale: 'de' });
  });

  test('helpdesk strings are coerced', () => {
    const result = parseSettings({ bundesland: ' nw ', saturdayIsWorkingDay: 'true', signature: 'Team', shopName: null });
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, bundesland: 'NW', saturdayIsWorkingDay: true, signature: 'Team' } });
  });

  test.each([
    [{ bundesland: 'XX' }, 'bundesland'],
    [{ locale: 'fr' }, 'locale'],
    [{ saturdayIsWorkingDay: 'vielleicht' }, 'saturdayIsWorkingDay'],
    ['nonsense', 'settings'],
  ])('invalid %j is an error naming %s', (input, path) => {
    const result = parseSettings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-settings');
      expect(result.error.message).toContain(path);
    }
  });
});
