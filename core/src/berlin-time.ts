/**
 * Europe/Berlin wall-clock time without `Intl` time-zone data, which some helpdesk sidebars lack.
 * The EU rule (since 1996) is applied to every year: CET = UTC+1, CEST = UTC+2 from the last
 * Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
 */

export interface BerlinParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
}

/** A Berlin calendar day, 'YYYY-MM-DD'. */
export type DateKey = string;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Date.UTC maps years 0–99 to 1900–1999; this does not. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  // Date.UTC allocates nothing and is many times faster than the setters; it is exact from year 100 on.
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date.getTime();
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = utcMs(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
}

/** Start and end of summer time per year, in UTC ms: every deadline asks for the same few years. */
const summerTimes = new Map<number, { readonly start: number; readonly end: number }>();

/** The transitions lie far from New Year, so the UTC year of an instant is its Berlin year here. */
function isSummerTime(ms: number): boolean {
  const year = new Date(ms).getUTCFullYear();
  let summer = summerTimes.get(year);
  if (summer === undefined) {
    summer = { start: lastSundayUtc(year, 3) + HOUR_MS, end: lastSundayUtc(year, 10) + HOUR_MS };
    if (summerTimes.size >= 512) summerTimes.clear();
    summerTimes.set(year, summer);
  }
  return ms >= summer.start && ms < summer.end;
}

/** Offset of Berlin wall-clock time from UTC at the instant, in milliseconds. */
export function berlinOffsetMs(date: Date): number {
  return isSummerTime(assertValidDate(date).getTime()) ? 2 * HOUR_MS : HOUR_MS;
}

export function assertValidDate(date: Date): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`Expected a valid Date, got ${String(date)}`);
  }
  return date;
}

export function berlinPartsOf(date: Date): BerlinParts {
  const wall = new Date(date.getTime() + berlinOffsetMs(date));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    millisecond: wall.getUTCMilliseconds(),
  };
}

/**
 * The instant at which Berlin clocks show `parts`.
 * - Spring-forward gap (02:00–02:59:59.999 on the last Sunday of March does not exist): the time
 *   is read with the winter offset, i.e. moved forward by the hour, so 02:30 becomes 03:30 CEST.
 * - Autumn overlap (02:00–02:59:59.999 on the last Sunday of October happens twice): the FIRST
 *   occurrence (still CEST) is returned, so a deadline never lands an hour later than intended.
 * Out-of-range fields are a caller bug and throw a RangeError rather than silently rolling over.
 */
export function instantFromBerlin(parts: BerlinParts): Date {
  assertValidParts(parts);
  const wallMs = utcMs(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  const asSummer = wallMs - 2 * HOUR_MS;
  return new Date(isSummerTime(asSummer) ? asSummer : wallMs - HOUR_MS);
}

function assertValidParts(p: BerlinParts): void {
  const fields: ReadonlyArray<readonly [keyof BerlinParts, number, number]> = [
    ['year', 1, 9999],
    ['month', 1, 12],
    ['day', 1, daysInMonth(p.year, p.month)],
    ['hour', 0, 23],
    ['minute', 0, 59],
    ['second', 0, 59],
    ['millisecond', 0, 999],
  ];
  for (const [name, min, max] of fields) {
    const value = p[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`Berlin wall time: ${name} must be an integer in ${min}..${max}, got ${value}`);
    }
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

export function dateKeyOf(year: number, month: number, day: number): DateKey {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function berlinDateKey(date: Date): DateKey {
  const { year, month, day } = berlinPartsOf(date);
  return dateKeyOf(year, month, day);
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a RangeError for anything but a real calendar day, e.g. '2026-02-30'. */
export function parseDateKey(key: DateKey): { readonly year: number; readonly month: number; readonly day: number } {
  const match = DATE_KEY.exec(key);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Expected a date 'YYYY-MM-DD', got '${key}'`);
  }
  return { year, month, day };
}

export function addDays(key: DateKey, days: number): DateKey {
  const { year, month, day } = parseDateKey(key);
  const date = new Date(utcMs(year, month, day) + days * DAY_MS);
  return dateKeyOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
export function dayOfWeek(key: DateKey): number {
  const { year, month, day } = parseDateKey(key);
  return new Date(utcMs(year, month, day)).getUTCDay();
}

export function berlinDayOfWeek(date: Date): number {
  return dayOfWeek(berlinDateKey(date));
}
