import { addDays, assertValidDate, berlinPartsOf, dateKeyOf, dayOfWeek, instantFromBerlin, parseDateKey, type DateKey } from './berlin-time';
import { holidayOn } from './holidays';
import type { Bundesland } from './settings';

export interface WorkingDayRule {
  /** State whose public holidays also stop the clock; null for nationwide holidays only. */
  readonly bundesland: Bundesland | null;
  readonly saturdayIsWorkingDay: boolean;
  /** Rakuten AGB § 5.1.14: 2 working days. */
  readonly workingDays?: number;
}

export const DEFAULT_WORKING_DAYS = 2;

/**
 * Longest run of non-working days to expect: Karfreitag to Ostermontag, or Christmas on a Thursday
 * to the Sunday after, is four. A longer run means the calendar data is broken, not a long holiday.
 */
const MAX_NON_WORKING_RUN = 7;
/** No one configures a reply window of months; a huge value is a bug that would loop for long. */
const MAX_WORKING_DAYS = 60;

export function isWorkingDay(dateKey: DateKey, rule: WorkingDayRule): boolean {
  const weekday = dayOfWeek(dateKey);
  if (weekday === 0 || (weekday === 6 && !rule.saturdayIsWorkingDay)) return false;
  return holidayOn(dateKey, rule.bundesland) === undefined;
}

function nextWorkingDay(after: DateKey, rule: WorkingDayRule): DateKey {
  let day = after;
  for (let step = 0; step < MAX_NON_WORKING_RUN; step++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, rule)) return day;
  }
  throw new Error(`No working day within ${MAX_NON_WORKING_RUN} days after ${after}`);
}

interface DueDay {
  readonly startsNow: boolean;
  readonly due: { readonly year: number; readonly month: number; readonly day: number };
}

/**
 * The calendar walk depends only on the day and the rule, and a mailbox holds many mails per day: caching
 * it made replyDueBy about five times faster. Bounded, so that a long-running sidebar cannot grow it.
 */
const dueDays = new Map<string, DueDay>();
const DUE_DAY_CACHE_SIZE = 2048;

function dueDay(receivedDay: DateKey, rule: WorkingDayRule, workingDays: number): DueDay {
  const key = `${receivedDay}|${rule.bundesland ?? ''}|${rule.saturdayIsWorkingDay ? 1 : 0}|${workingDays}`;
  const cached = dueDays.get(key);
  if (cached) return cached;
  const startsNow = isWorkingDay(receivedDay, rule);
  let due = startsNow ? receivedDay : nextWorkingDay(receivedDay, rule);
  for (let n = 0; n < workingDays; n++) due = nextWorkingDay(due, rule);
  const value: DueDay = { startsNow, due: parseDateKey(due) };
  if (dueDays.size >= DUE_DAY_CACHE_SIZE) dueDays.clear();
  dueDays.set(key, value);
  return value;
}

/**
 * When the reply is due (Rakuten AGB § 5.1.14: N working days, default 2).
 * - Received on a working day at Berlin wall-clock time T: due at T on the N-th following working
 *   day. Wall-clock, not elapsed time, so across a DST switch the window is an hour shorter or longer.
 * - Received on a non-working day (Sunday, Saturday unless it counts, public holiday): the clock
 *   only starts at 00:00 of the next working day, and that moment is treated as the receipt. So
 *   Saturday → Monday 00:00 → due Wednesday 00:00, i.e. the whole of Tuesday is still in time.
 */
export function replyDueBy(receivedAt: Date, rule: WorkingDayRule): Date {
  assertValidDate(receivedAt);
  const workingDays = rule.workingDays ?? DEFAULT_WORKING_DAYS;
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
    throw new RangeError(`workingDays must be an integer in 1..${MAX_WORKING_DAYS}, got ${workingDays}`);
  }
  const received = berlinPartsOf(receivedAt);
  const receivedDay = dateKeyOf(received.year, received.month, received.day);
  const { startsNow, due } = dueDay(receivedDay, rule, workingDays);
  const time = startsNow ? received : { hour: 0, minute: 0, second: 0, millisecond: 0 };
  // Fields spelled out: an object spread here cost about 4 µs per call in V8, most of the whole function.
  return instantFromBerlin({
    year: due.year,
    month: due.month,
    day: due.day,
    hour: time.hour,
    minute: time.minute,
    second: time.second,
    millisecond: time.millisecond,
  });
}

/** Milliseconds left until `dueBy`; negative once overdue. */
export function msUntil(dueBy: Date, now: Date): number {
  return assertValidDate(dueBy).getTime() - assertValidDate(now).getTime();
}
