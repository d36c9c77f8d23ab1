import {
  addDays, berlinDateKey, berlinDayOfWeek, berlinOffsetMs, berlinPartsOf, dayOfWeek, instantFromBerlin, parseDateKey,
  type BerlinParts,
} from './berlin-time';

/** 'YYYY-MM-DD HH:MM:SS.mmm' → parts, to keep the tables readable. */
function wall(text: string): BerlinParts {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/.exec(text);
  if (!m) throw new Error(`bad wall time ${text}`);
  const n = (i: number): number => Number(m[i] ?? 0);
  return { year: n(1), month: n(2), day: n(3), hour: n(4), minute: n(5), second: n(6), millisecond: n(7) };
}

function show(p: BerlinParts): string {
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.millisecond, 3)}`;
}

describe('berlinPartsOf', () => {
  test.each([
    ['2026-01-15T12:00:00.000Z', '2026-01-15 13:00:00.000'],
    ['2026-07-15T12:00:00.000Z', '2026-07-15 14:00:00.000'],
    ['2025-12-31T23:30:00.000Z', '2026-01-01 00:30:00.000'],
    // spring forward, 29 Mar 2026: 02:00 CET → 03:00 CEST
    ['2026-03-29T00:59:59.999Z', '2026-03-29 01:59:59.999'],
    ['2026-03-29T01:00:00.000Z', '2026-03-29 03:00:00.000'],
    // fall back, 25 Oct 2026: 03:00 CEST → 02:00 CET, so 02:xx happens twice
    ['2026-10-25T00:30:00.000Z', '2026-10-25 02:30:00.000'],
    ['2026-10-25T00:59:59.999Z', '2026-10-25 02:59:59.999'],
    ['2026-10-25T01:00:00.000Z', '2026-10-25 02:00:00.000'],
    ['2026-10-25T01:30:00.000Z', '2026-10-25 02:30:00.000'],
    ['2026-10-25T02:00:00.000Z', '2026-10-25 03:00:00.000'],
  ])('%s → %s', (iso, expected) => {
    expect(show(berlinPartsOf(new Date(iso)))).toBe(expected);
  });

  test.each([['2026-03-29T00:59:59.999Z', 3_600_000], ['2026-03-29T01:00:00.000Z', 7_200_000],
    ['2026-10-25T00:59:59.999Z', 7_200_000], ['2026-10-25T01:00:00.000Z', 3_600_000]])('offset at %s is %i ms', (iso, offset) => {
    expect(berlinOffsetMs(new Date(iso))).toBe(offset);
  });

  test('refuses an invalid Date', () => {
    expect(() => berlinPartsOf(new Date(NaN))).toThrow(TypeError);
  });
});

describe('instantFromBerlin', () => {
  test.each([
    ['2026-01-15 13:00', '2026-01-15T12:00:00.000Z'],
    ['2026-07-15 14:00', '2026-07-15T12:00:00.000Z'],
    ['2026-03-29 01:59:59.999', '2026-03-29T00:59:59.999Z'],
    ['2026-03-29 02:00', '2026-03-29T01:00:00.000Z'], // gap → 03:00 CEST
    ['2026-03-29 02:30', '2026-03-29T01:30:00.000Z'], // gap → 03:30 CEST
    ['2026-03-29 02:59:59.999', '2026-03-29T01:59:59.999Z'], // gap → 03:59:59.999 CEST
    ['2026-03-29 03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25 01:59', '2026-10-24T23:59:00.000Z'],
    ['2026-10-25 02:00', '2026-10-25T00:00:00.000Z'], // ambiguous → first (CEST)
    ['2026-10-25 02:30', '2026-10-25T00:30:00.000Z'], // ambiguous → first (CEST)
    ['2026-10-25 02:59:59.999', '2026-10-25T00:59:59.999Z'],
    ['2026-10-25 03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(instantFromBerlin(wall(text)).toISOString()).toBe(iso);
  });

  test.each([
    ['month 13', { ...wall('2026-01-01 00:00'), month: 13 }],
    ['30 February', { ...wall('2026-02-01 00:00'), day: 30 }],
    ['hour 24', { ...wall('2026-01-01 00:00'), hour: 24 }],
    ['fractional minute', { ...wall('2026-01-01 00:00'), minute: 1.5 }],
  ])('refuses %s', (_label, parts) => {
    expect(() => instantFromBerlin(parts)).toThrow(RangeError);
  });
});

describe('round trips', () => {
  // Deterministic pseudo-random instants (mulberry32), so a failure can be reproduced.
  function random(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const secondOccurrence2026 = [Date.parse('2026-10-25T01:00:00.000Z'), Date.parse('2026-10-25T02:00:00.000Z')] as const;

  test.each([
    ['2026', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['1996–2100', '1996-01-01T00:00:00.000Z', '2100-01-01T00:00:00.000Z'],
  ])('instant → wall → instant over %s', (_label, from, to) => {
    const next = random(20260329);
    const start = Date.parse(from);
    const span = Date.parse(to) - start;
    for (let i = 0; i < 20_000; i++) {
      const ms = start + Math.floor(next() * span);
      const back = instantFromBerlin(berlinPartsOf(new Date(ms))).getTime();
      const inSecondOccurrence = ms >= secondOccurrence2026[0] && ms < secondOccurrence2026[1];
      if (!inSecondOccurrence && back !== ms) throw new Error(`round trip of ${new Date(ms).toISOString()} gave ${new Date(back).toISOString()}`);
    }
  });

  test('the second pass through the autumn hour maps back to the first', () => {
    const second = new Date('2026-10-25T01:15:00.000Z');
    expect(instantFromBerlin(berlinPartsOf(second)).toISOString()).toBe('2026-10-25T00:15:00.000Z');
  });

  test('every minute of 2026 round-trips (apart from the repeated autumn hour)', () => {
    for (let ms = Date.parse('2026-01-01T00:00:00.000Z'); ms < Date.parse('2027-01-01T00:00:00.000Z'); ms += 60_000) {
      const inSecondOccurrence = ms >= secondOccurrence2026[0] && ms < secondOccurrence2026[1];
      if (inSecondOccurrence) continue;
      const back = instantFromBerlin(berlinPartsOf(new Date(ms))).getTime();
      if (back !== ms) throw new Error(`round trip of ${new Date(ms).toISOString()} gave ${new Date(back).toISOString()}`);
    }
  });
});

describe('calendar days', () => {
  test.each([
    ['2026-06-30T21:59:59.999Z', '2026-06-30'],
    ['2026-06-30T22:00:00.000Z', '2026-07-01'],
    ['2026-12-31T22:59:59.999Z', '2026-12-31'],
    ['2026-12-31T23:00:00.000Z', '2027-01-01'],
  ])('berlinDateKey(%s) = %s', (iso, key) => {
    expect(berlinDateKey(new Date(iso))).toBe(key);
  });

  test.each([
    ['2026-03-29', 0], ['2026-10-25', 0], ['2026-01-05', 1], ['2026-12-24', 4], ['2026-01-10', 6], ['2000-02-29', 2],
  ])('dayOfWeek(%s) = %i', (key, weekday) => {
    expect(dayOfWeek(key)).toBe(weekday);
  });

  test('berlinDayOfWeek uses the Berlin day, not the UTC day', () => {
    expect(berlinDayOfWeek(new Date('2026-01-10T23:30:00.000Z'))).toBe(0); // Sunday 00:30 in Berlin
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'], ['2028-02-28', 1, '2028-02-29'], ['2026-03-01', -1, '2026-02-28'], ['2026-03-28', 2, '2026-03-30'],
  ])('addDays(%s, %i) = %s', (key, days, expected) => {
    expect(addDays(key, days)).toBe(expected);
  });

  test.each(['2026-02-29', '2026-1-01', '26-01-01', '2026-00-10', ''])('parseDateKey refuses %p', (key) => {
    expect(() => parseDateKey(key)).toThrow(RangeError);
  });
});
