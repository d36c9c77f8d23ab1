import { fieldIdsFrom, settingsFrom, sidFrom } from './settings';

describe('settingsFrom', () => {
  test('ZAF hands over strings and booleans; the core reads them', () => {
    expect(settingsFrom({ settings: { signature: 'Muster-Shop', bundesland: ' nw ', saturdayIsWorkingDay: true } })).toEqual({
      settings: expect.objectContaining({ signature: 'Muster-Shop', bundesland: 'NW', saturdayIsWorkingDay: true }),
      invalid: false,
    });
  });

  test.each([
    [{ bundesland: '' }, null],
    [{ bundesland: null }, null],
    [{}, null],
  ])('an empty state %p means nationwide holidays only', (settings, bundesland) => {
    expect(settingsFrom({ settings }).settings.bundesland).toBe(bundesland);
  });

  test('an unknown state falls back to the defaults and says so', () => {
    expect(settingsFrom({ settings: { bundesland: 'Bayern' } })).toMatchObject({ invalid: true, settings: { bundesland: null } });
  });
});

describe('fieldIdsFrom', () => {
  test('installed requirements win; the settings stand in where there are none', () => {
    expect(fieldIdsFrom({ 'requirement:order_number': { requirement_id: 11 } }, { settings: { orderNumberFieldId: 5, customerNameFieldId: '6' } })).toEqual({
      orderNumber: 11,
      customerName: 6,
    });
    expect(fieldIdsFrom({}, undefined)).toEqual({ orderNumber: null, customerName: null });
  });
});

describe('sidFrom', () => {
  test.each([
    [{ settings: { sid: ' 3456789 ' } }, '3456789'],
    [{ settings: { sid: 3456789 } }, '3456789'],
    [{ settings: { sid: 'abc\n\tdef' } }, 'abc def'],
    [{ settings: { sid: 'x'.repeat(80) } }, 'x'.repeat(40)],
    [{ settings: {} }, ''],
    [undefined, ''],
  ])('%p → %p', (metadata, sid) => {
    expect(sidFrom(metadata)).toBe(sid);
  });
});
