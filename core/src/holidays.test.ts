import { BUNDESLAENDER, type Bundesland } from './settings';
import { easterSunday, holidayOn, publicHolidays } from './holidays';

const dateOf = (year: number, bundesland: Bundesland | null, name: string): string | undefined =>
  publicHolidays(year, bundesland).find((h) => h.name === name)?.date;

describe('easterSunday', () => {
  test.each([
    [1818, '1818-03-22'], // earliest possible
    [1943, '1943-04-25'], // latest possible
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  test.each([1582, 2024.5, NaN])('refuses year %p', (year) => {
    expect(() => easterSunday(year)).toThrow(RangeError);
  });
});

describe('nationwide holidays', () => {
  test.each([
    [2024, ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20', '2024-10-03', '2024-12-25', '2024-12-26']],
    [2025, ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-10-03', '2025-12-25', '2025-12-26']],
    [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26']],
  ])('%i', (year, dates) => {
    const names = ['Neujahr', 'Karfreitag', 'Ostermontag', 'Tag der Arbeit', 'Christi Himmelfahrt', 'Pfingstmontag',
      'Tag der Deutschen Einheit', '1. Weihnachtstag', '2. Weihnachtstag'];
    expect(publicHolidays(year, null)).toEqual(names.map((name, i) => ({ date: dates[i], name, scope: 'national' })));
  });

  test('every state has all nationwide holidays', () => {
    for (const state of BUNDESLAENDER) {
      const dates = publicHolidays(2026, state).map((h) => h.date);
      expect(dates).toEqual(expect.arrayContaining(publicHolidays(2026, null).map((h) => h.date)));
    }
  });
});

describe('state holidays 2026 (beyond the nationwide ones)', () => {
  const H3K = 'Heilige Drei Könige 2026-01-06';
  const FRAU = 'Internationaler Frauentag 2026-03-08';
  const OSTERSO = 'Ostersonntag 2026-04-05';
  const PFINGSTSO = 'Pfingstsonntag 2026-05-24';
  const FRONL = 'Fronleichnam 2026-06-04';
  const MARIAE = 'Mariä Himmelfahrt 2026-08-15';
  const KINDER = 'Weltkindertag 2026-09-20';
  const REF = 'Reformationstag 2026-10-31';
  const ALLERH = 'Allerheiligen 2026-11-01';
  const BUSS = 'Buß- und Bettag 2026-11-18';
  test.each<[Bundesland, string[]]>([
    ['BW', [H3K, FRONL, ALLERH]],
    ['BY', [H3K, FRONL, ALLERH]], // Mariä Himmelfahrt only in Catholic municipalities
    ['BE', [FRAU]],
    ['BB', [OSTERSO, PFINGSTSO, REF]],
    ['HB', [REF]],
    ['HH', [REF]],
    ['HE', [FRONL]],
    ['MV', [FRAU, REF]],
    ['NI', [REF]],
    ['NW', [FRONL, ALLERH]],
    ['RP', [FRONL, ALLERH]],
    ['SL', [FRONL, MARIAE, ALLERH]],
    ['SN', [REF, BUSS]], // Fronleichnam only in some municipalities
    ['ST', [H3K, REF]],
    ['SH', [REF]],
    ['TH', [KINDER, REF]], // Fronleichnam only in some municipalities
  ])('%s', (state, expected) => {
    const own = publicHolidays(2026, state).filter((h) => h.scope !== 'national');
    expect(own.map((h) => `${h.name} ${h.date}`)).toEqual(expected);
    for (const h of own) expect(h.scope).toContain(state);
  });
});

describe('holidays that changed over the years', () => {
  test.each<[string, number, Bundesland | null, string | undefined]>([
    ['Reformationstag', 1995, 'BB', '1995-10-31'],
    ['Reformationstag', 2016, 'SN', '2016-10-31'],
    ['Reformationstag', 2016, 'NI', undefined],
    ['Reformationstag', 2017, null, '2017-10-31'], // 500th anniversary, nationwide
    ['Reformationstag', 2017, 'BW', '2017-10-31'],
    ['Reformationstag', 2018, 'BW', undefined],
    ['Reformationstag', 2018, null, undefined],
    ['Reformationstag', 2018, 'HB', '2018-10-31'],
    ['Reformationstag', 2018, 'HH', '2018-10-31'],
    ['Reformationstag', 2018, 'NI', '2018-10-31'],
    ['Reformationstag', 2018, 'SH', '2018-10-31'],
    ['Buß- und Bettag', 2016, 'SN', '2016-11-16'],
    ['Buß- und Bettag', 2017, 'SN', '2017-11-22'],
    ['Buß- und Bettag', 2024, 'SN', '2024-11-20'],
    ['Buß- und Bettag', 2025, 'SN', '2025-11-19'],
    ['Buß- und Bettag', 2027, 'SN', '2027-11-17'],
    ['Buß- und Bettag', 2024, 'BY', undefined],
    ['Internationaler Frauentag', 2018, 'BE', undefined],
    ['Internationaler Frauentag', 2019, 'BE', '2019-03-08'],
    ['Internationaler Frauentag', 2022, 'MV', undefined],
    ['Internationaler Frauentag', 2023, 'MV', '2023-03-08'],
    ['Internationaler Frauentag', 2023, 'BB', undefined],
    ['Weltkindertag', 2018, 'TH', undefined],
    ['Weltkindertag', 2019, 'TH', '2019-09-20'],
    ['Tag der Befreiung', 2020, 'BE', '2020-05-08'],
    ['Tag der Befreiung', 2025, 'BE', '2025-05-08'],
    ['Tag der Befreiung', 2024, 'BE', undefined],
    ['Tag der Befreiung', 2025, 'BB', undefined],
    ['Fronleichnam', 2024, 'HE', '2024-05-30'],
    ['Fronleichnam', 2025, 'SL', '2025-06-19'],
  ])('%s %i in %s → %s', (name, year, state, expected) => {
    expect(dateOf(year, state, name)).toBe(expected);
  });
});

describe('publicHolidays', () => {
  test('is cached and frozen', () => {
    const first = publicHolidays(2026, 'NW');
    expect(publicHolidays(2026, 'NW')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(Object.isFrozen(first.find((h) => h.name === 'Fronleichnam')?.scope)).toBe(true);
  });

  test('is sorted by date', () => {
    const dates = publicHolidays(2026, 'BB').map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
  });

  test.each([1994, 10000, 2026.5])('refuses year %p', (year) => {
    expect(() => publicHolidays(year, null)).toThrow(RangeError);
  });
});

describe('holidayOn', () => {
  test.each<[string, Bundesland | null, string | undefined]>([
    ['2026-06-04', 'NW', 'Fronleichnam'],
    ['2026-06-04', 'BE', undefined],
    ['2026-06-04', null, undefined],
    ['2026-12-24', 'BY', undefined],
    ['2026-12-25', null, '1. Weihnachtstag'],
  ])('%s in %s → %s', (dateKey, state, expected) => {
    expect(holidayOn(dateKey, state)?.name).toBe(expected);
  });

  test('refuses a malformed date', () => {
    expect(() => holidayOn('2026-13-01', null)).toThrow(RangeError);
  });
});
