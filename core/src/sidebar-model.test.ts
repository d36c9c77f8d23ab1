import { countdown, formatDeadline } from './sidebar-model';

describe('deadline display', () => {
  test.each([
    ['2026-11-24T23:00:00Z', 'de', 'Di., 24.11.2026, 24:00'],
    ['2026-11-24T23:00:00Z', 'en', 'Tue, 24/11/2026, 24:00'],
    ['2026-11-24T09:15:00Z', 'de', 'Di., 24.11.2026, 10:15'],
    ['2026-07-01T08:00:00Z', 'de', 'Mi., 01.07.2026, 10:00'],
  ] as const)('%s in %s reads %s', (iso, locale, expected) => {
    expect(formatDeadline(new Date(iso), locale)).toBe(expected);
  });

  test.each([
    [13 * 3_600_000, 'ok', 'Noch 13 Std. 0 Min.'],
    [11 * 3_600_000, 'warning', 'Noch 11 Std. 0 Min.'],
    [-90 * 60_000, 'danger', 'Überfällig seit 1 Std. 30 Min.'],
    [50 * 3_600_000, 'ok', 'Noch 2 Tage 2 Std.'],
  ] as const)('countdown with %p ms left is %s', (msLeft, tone, text) => {
    const now = new Date('2026-11-20T10:00:00Z');
    expect(countdown(new Date(now.getTime() + msLeft), now, 'de')).toMatchObject({ tone, text });
  });
});
