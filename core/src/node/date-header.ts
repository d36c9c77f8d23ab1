/**
 * Strict reading of an RFC 5322 `Date` header. Lenient parsers (V8's `Date`, hence mailparser) turn
 * "irgendwann 123" into the year 123 or fall back to "now"; a reply deadline computed from a guessed
 * date is worse than none, so anything that is not a well-formed date-time gives null.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 5322 § 4.3 obsolete zones; military letters are left out because their sign was historically reversed. */
const NAMED_ZONES: Readonly<Record<string, number>> = {
  ut: 0, gmt: 0, z: 0, edt: -4 * 60, est: -5 * 60, cdt: -5 * 60, cst: -6 * 60, mdt: -6 * 60, mst: -7 * 60,
  pdt: -7 * 60, pst: -8 * 60,
};

// Anchored and without nested quantifiers, so a hostile header costs one linear pass.
const DATE_TIME =
  /^(?:[a-z]{3}[ \t]*,[ \t]*)?(\d{1,2})[ \t]+([a-z]{3})[ \t]+(\d{2,4})[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]+([+-]\d{4}|[a-z]{1,3})(?:[ \t]*\([^()]*\))?$/i;

/** RFC 5322 § 4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx; three digits add 1900. */
function fullYear(digits: string): number {
  const value = Number(digits);
  if (digits.length === 2) return value < 50 ? 2000 + value : 1900 + value;
  if (digits.length === 3) return 1900 + value;
  return value;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (zone.startsWith('+') || zone.startsWith('-')) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (minutes > 59) return null;
    return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  return NAMED_ZONES[zone.toLowerCase()] ?? null;
}

/** The instant a `Date` header value names, or null when it is not a valid RFC 5322 date-time. */
export function parseDateHeader(raw: string): Date | null {
  const value = raw.replace(/\r?\n[ \t]+/g, ' ').trim();
  if (value.length > 200) return null;
  const match = DATE_TIME.exec(value);
  if (!match) return null;
  const [, dayText, monthText, yearText, hourText, minuteText, secondText, zone] = match;
  const month = MONTHS.indexOf((monthText ?? '').toLowerCase());
  const offset = zoneOffsetMinutes(zone ?? '');
  if (month < 0 || offset === null) return null;
  const year = fullYear(yearText ?? '');
  const day = Number(dayText);
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  // 60 is a leap second; everything else out of range (31 Feb, 25:00) means the header is broken.
  if (hour > 23 || minute > 59 || second > 60) return null;
  const wall = new Date(0);
  wall.setUTCFullYear(year, month, day);
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month || wall.getUTCDate() !== day) return null;
  wall.setUTCHours(hour, minute, Math.min(second, 59), 0);
  return new Date(wall.getTime() - offset * 60_000);
}
