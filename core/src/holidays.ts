import { addDays, dateKeyOf, dayOfWeek, parseDateKey, type DateKey } from './berlin-time';
import type { Bundesland } from './settings';

export interface Holiday {
  /** 'YYYY-MM-DD' */
  readonly date: DateKey;
  /** German name, as on the state's holiday list. */
  readonly name: string;
  /** Every state where the day is a holiday that year; shared and frozen, hence readonly. */
  readonly scope: 'national' | readonly Bundesland[];
}

/**
 * Before 1995 the rules differed (Buß- und Bettag was nationwide until 1994, no Tag der Deutschen
 * Einheit before 1990), and no reply deadline lies that far back, so such years are refused
 * rather than answered wrongly.
 */
export const FIRST_SUPPORTED_YEAR = 1995;
export const LAST_SUPPORTED_YEAR = 9999;

/** Easter Sunday by the Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): DateKey {
  if (!Number.isInteger(year) || year < 1583 || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Gregorian Easter needs an integer year in 1583..${LAST_SUPPORTED_YEAR}, got ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateKeyOf(year, month, day);
}

/** The Wednesday before 23 November, i.e. the one falling on 16–22 November. */
function bussUndBettag(year: number): DateKey {
  const nov22 = dateKeyOf(year, 11, 22);
  return addDays(nov22, -((dayOfWeek(nov22) - 3 + 7) % 7));
}

/**
 * Municipal holidays are left out on purpose: Fronleichnam in parts of SN and TH, Mariä
 * Himmelfahrt in the Catholic municipalities of BY, the Augsburger Friedensfest. A merchant there
 * is better served by a deadline that is at worst a day early than one that is a day late.
 */
function allHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number): DateKey => dateKeyOf(year, month, day);
  const list: Array<Holiday | false> = [
    { date: fixed(1, 1), name: 'Neujahr', scope: 'national' },
    { date: fixed(1, 6), name: 'Heilige Drei Könige', scope: ['BW', 'BY', 'ST'] },
    year >= 2019 && { date: fixed(3, 8), name: 'Internationaler Frauentag', scope: year >= 2023 ? ['BE', 'MV'] : ['BE'] },
    { date: addDays(easter, -2), name: 'Karfreitag', scope: 'national' },
    { date: easter, name: 'Ostersonntag', scope: ['BB'] },
    { date: addDays(easter, 1), name: 'Ostermontag', scope: 'national' },
    { date: fixed(5, 1), name: 'Tag der Arbeit', scope: 'national' },
    (year === 2020 || year === 2025) && { date: fixed(5, 8), name: 'Tag der Befreiung', scope: ['BE'] },
    { date: addDays(easter, 39), name: 'Christi Himmelfahrt', scope: 'national' },
    { date: addDays(easter, 49), name: 'Pfingstsonntag', scope: ['BB'] },
    { date: addDays(easter, 50), name: 'Pfingstmontag', scope: 'national' },
    { date: addDays(easter, 60), name: 'Fronleichnam', scope: ['BW', 'BY', 'HE', 'NW', 'RP', 'SL'] },
    { date: fixed(8, 15), name: 'Mariä Himmelfahrt', scope: ['SL'] },
    year >= 2019 && { date: fixed(9, 20), name: 'Weltkindertag', scope: ['TH'] },
    { date: fixed(10, 3), name: 'Tag der Deutschen Einheit', scope: 'national' },
    { date: fixed(10, 31), name: 'Reformationstag', scope: reformationstagScope(year) },
    { date: fixed(11, 1), name: 'Allerheiligen', scope: ['BW', 'BY', 'NW', 'RP', 'SL'] },
    { date: bussUndBettag(year), name: 'Buß- und Bettag', scope: ['SN'] },
    { date: fixed(12, 25), name: '1. Weihnachtstag', scope: 'national' },
    { date: fixed(12, 26), name: '2. Weihnachtstag', scope: 'national' },
  ];
  return list.filter((holiday): holiday is Holiday => holiday !== false);
}

function reformationstagScope(year: number): Holiday['scope'] {
  if (year === 2017) return 'national'; // 500 years of the Reformation, a one-off
  const east: Bundesland[] = ['BB', 'MV', 'SN', 'ST', 'TH'];
  return year >= 2018 ? [...east, 'HB', 'HH', 'NI', 'SH'] : east;
}

function freeze(holiday: Holiday): Holiday {
  return Object.freeze({ ...holiday, scope: holiday.scope === 'national' ? 'national' : Object.freeze([...holiday.scope]) });
}

const cache = new Map<string, readonly Holiday[]>();

/**
 * Public holidays in `year` that apply nationwide and, if given, in `bundesland`, sorted by date.
 * Cached per (year, state): a deadline looks up the same few years over and over.
 */
export function publicHolidays(year: number, bundesland: Bundesland | null): readonly Holiday[] {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(`Public holidays are known for ${FIRST_SUPPORTED_YEAR}..${LAST_SUPPORTED_YEAR}, got ${year}`);
  }
  const key = `${year}:${bundesland ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const holidays = Object.freeze(
    allHolidays(year)
      .filter((h) => h.scope === 'national' || (bundesland !== null && h.scope.includes(bundesland)))
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))
      .map(freeze),
  );
  cache.set(key, holidays);
  return holidays;
}

/** The public holiday on a Berlin calendar day for the state (or nationwide), if any. */
export function holidayOn(dateKey: DateKey, bundesland: Bundesland | null): Holiday | undefined {
  return publicHolidays(parseDateKey(dateKey).year, bundesland).find((h) => h.date === dateKey);
}
