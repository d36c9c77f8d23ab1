import { isWorkingDay, msUntil, replyDueBy, type WorkingDayRule } from './deadline';

const MON_FRI: WorkingDayRule = { bundesland: null, saturdayIsWorkingDay: false };
const MON_SAT: WorkingDayRule = { bundesland: null, saturdayIsWorkingDay: true };
const due = (receivedIso: string, rule: WorkingDayRule = MON_FRI): string => replyDueBy(new Date(receivedIso), rule).toISOString();

// Received and due times in UTC; the comments give Berlin wall-clock times (CET = UTC+1, CEST = UTC+2).
describe('replyDueBy, Mon–Fri, nationwide holidays', () => {
  test.each([
    ['Neujahr', '2025-12-31T09:00:00.000Z', '2026-01-05T09:00:00.000Z'], // Wed 10:00 → Thu hol, Fri, Mon 10:00
    ['Karfreitag + Ostermontag', '2026-04-02T08:00:00.000Z', '2026-04-08T08:00:00.000Z'], // Thu → Tue, Wed
    ['Ostermontag after the weekend', '2026-04-04T08:00:00.000Z', '2026-04-08T22:00:00.000Z'], // Sat → Tue 00:00 → Thu 00:00 CEST
    ['Tag der Arbeit', '2026-04-30T08:00:00.000Z', '2026-05-05T08:00:00.000Z'], // Thu → Fri hol, Mon, Tue
    ['Christi Himmelfahrt', '2026-05-13T08:00:00.000Z', '2026-05-18T08:00:00.000Z'], // Wed → Thu hol, Fri, Mon
    ['Pfingstmontag', '2026-05-22T08:00:00.000Z', '2026-05-27T08:00:00.000Z'], // Fri → Mon hol, Tue, Wed
    ['Pfingstmontag after the weekend', '2026-05-23T08:00:00.000Z', '2026-05-27T22:00:00.000Z'], // Sat → Tue 00:00 → Thu 00:00
    ['Tag der Deutschen Einheit', '2025-10-02T08:00:00.000Z', '2025-10-07T08:00:00.000Z'], // Thu → Fri hol, Mon, Tue
    ['1. + 2. Weihnachtstag', '2025-12-24T09:00:00.000Z', '2025-12-30T09:00:00.000Z'], // Wed → Thu, Fri hol, Mon, Tue
    ['2. Weihnachtstag', '2025-12-23T09:00:00.000Z', '2025-12-29T09:00:00.000Z'], // Tue → Wed, (Thu, Fri hol), Mon
  ])('%s: %s → %s', (_holiday, received, expected) => {
    expect(due(received)).toBe(expected);
  });
});

describe('replyDueBy, Christmas to New Year 2026', () => {
  test.each([
    ['Wed 23 Dec 15:00', '2026-12-23T14:00:00.000Z', MON_FRI, '2026-12-28T14:00:00.000Z'], // Thu 24 (not a holiday), Mon 28
    ['Thu 24 Dec 15:00', '2026-12-24T14:00:00.000Z', MON_FRI, '2026-12-29T14:00:00.000Z'], // Mon 28, Tue 29
    ['Sun 27 Dec 15:00', '2026-12-27T14:00:00.000Z', MON_FRI, '2026-12-29T23:00:00.000Z'], // Mon 00:00 → Wed 30 00:00
    ['Thu 31 Dec 15:00', '2026-12-31T14:00:00.000Z', MON_FRI, '2027-01-05T14:00:00.000Z'], // Fri 1 hol, Mon 4, Tue 5
    ['Thu 24 Dec, Sat counts', '2026-12-24T14:00:00.000Z', MON_SAT, '2026-12-29T14:00:00.000Z'], // Sat 26 is a holiday
    ['Thu 31 Dec, Sat counts', '2026-12-31T14:00:00.000Z', MON_SAT, '2027-01-04T14:00:00.000Z'], // Sat 2, Mon 4
  ])('%s', (_label, received, rule, expected) => {
    expect(due(received, rule)).toBe(expected);
  });
});

describe('replyDueBy, weekends and Saturday', () => {
  test.each([
    ['Fri 10:00 → Tue 10:00', '2026-01-09T09:00:00.000Z', MON_FRI, '2026-01-13T09:00:00.000Z'],
    ['Sat 10:00 → Wed 00:00', '2026-01-10T09:00:00.000Z', MON_FRI, '2026-01-13T23:00:00.000Z'],
    ['Sun 23:30 → Wed 00:00', '2026-01-11T22:30:00.000Z', MON_FRI, '2026-01-13T23:00:00.000Z'],
    ['Mon 10:00 → Wed 10:00', '2026-01-12T09:00:00.000Z', MON_FRI, '2026-01-14T09:00:00.000Z'],
    ['Thu 10:00 → Mon 10:00', '2026-01-15T09:00:00.000Z', MON_FRI, '2026-01-19T09:00:00.000Z'],
    ['Sat counts: Fri 10:00 → Mon 10:00', '2026-01-09T09:00:00.000Z', MON_SAT, '2026-01-12T09:00:00.000Z'],
    ['Sat counts: Sat 10:00 → Tue 10:00', '2026-01-10T09:00:00.000Z', MON_SAT, '2026-01-13T09:00:00.000Z'],
    ['Sat counts: Sun 10:00 → Wed 00:00', '2026-01-11T09:00:00.000Z', MON_SAT, '2026-01-13T23:00:00.000Z'],
    ['Sat counts: Thu 10:00 → Sat 10:00', '2026-01-15T09:00:00.000Z', MON_SAT, '2026-01-17T09:00:00.000Z'],
    ['Sat counts, but 3 Oct is on it: Fri → Tue', '2026-10-02T08:00:00.000Z', MON_SAT, '2026-10-06T08:00:00.000Z'],
    ['Sat counts, ordinary Sat: Fri → Mon', '2026-10-09T08:00:00.000Z', MON_SAT, '2026-10-12T08:00:00.000Z'],
  ])('%s', (_label, received, rule, expected) => {
    expect(due(received, rule)).toBe(expected);
  });
});

describe('replyDueBy, state holidays', () => {
  test.each([
    ['Fronleichnam in NW', '2026-06-03T08:00:00.000Z', 'NW', '2026-06-08T08:00:00.000Z'], // Wed → Thu hol, Fri, Mon
    ['no Fronleichnam in BE', '2026-06-03T08:00:00.000Z', 'BE', '2026-06-05T08:00:00.000Z'], // Wed → Thu, Fri
    ['no state chosen', '2026-06-03T08:00:00.000Z', null, '2026-06-05T08:00:00.000Z'],
    ['Reformationstag in NI', '2025-10-30T09:00:00.000Z', 'NI', '2025-11-04T09:00:00.000Z'], // Thu → Fri hol, Mon, Tue
    ['no Reformationstag in BY', '2025-10-30T09:00:00.000Z', 'BY', '2025-11-03T09:00:00.000Z'], // Thu → Fri, Mon
    ['Buß- und Bettag in SN', '2026-11-17T09:00:00.000Z', 'SN', '2026-11-20T09:00:00.000Z'], // Tue → Wed hol, Thu, Fri
    ['no Buß- und Bettag in BE', '2026-11-17T09:00:00.000Z', 'BE', '2026-11-19T09:00:00.000Z'],
    ['Frauentag on a Monday in BE', '2027-03-05T09:00:00.000Z', 'BE', '2027-03-10T09:00:00.000Z'], // Fri → Mon hol, Tue, Wed
    ['no Frauentag in HH', '2027-03-05T09:00:00.000Z', 'HH', '2027-03-09T09:00:00.000Z'],
    ['Sat before Frauentag in BE', '2027-03-06T09:00:00.000Z', 'BE', '2027-03-10T23:00:00.000Z'], // Tue 00:00 → Thu 00:00
  ] as const)('%s', (_label, received, bundesland, expected) => {
    expect(due(received, { bundesland, saturdayIsWorkingDay: false })).toBe(expected);
  });
});

describe('replyDueBy across DST switches', () => {
  test.each([
    ['Fri 10:00 CET → Tue 10:00 CEST (95 h)', '2026-03-27T09:00:00.000Z', '2026-03-31T08:00:00.000Z'],
    ['Sat CET → Wed 00:00 CEST', '2026-03-28T09:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['Sun 03:30 CEST, just after the switch → Wed 00:00 CEST', '2026-03-29T01:30:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['Thu 23:59:59.999 CET → Mon 23:59:59.999 CEST', '2026-03-26T22:59:59.999Z', '2026-03-30T21:59:59.999Z'],
    ['Fri 10:00 CEST → Tue 10:00 CET (97 h)', '2026-10-23T08:00:00.000Z', '2026-10-27T09:00:00.000Z'],
    ['Sat CEST → Wed 00:00 CET', '2026-10-24T08:00:00.000Z', '2026-10-27T23:00:00.000Z'],
    ['Sun, second 02:30 → Wed 00:00 CET', '2026-10-25T01:30:00.000Z', '2026-10-27T23:00:00.000Z'],
  ])('%s', (_label, received, expected) => {
    expect(due(received)).toBe(expected);
  });
});

describe('replyDueBy at the edges of a day', () => {
  test.each([
    ['Mon 00:00 CET → Wed 00:00', '2026-01-11T23:00:00.000Z', '2026-01-13T23:00:00.000Z'],
    ['Sun 23:59:59.999 → Wed 00:00, same as Mon 00:00', '2026-01-11T22:59:59.999Z', '2026-01-13T23:00:00.000Z'],
    ['Mon 23:59:59.999 → Wed 23:59:59.999', '2026-01-12T22:59:59.999Z', '2026-01-14T22:59:59.999Z'],
    ['Fri 23:59:59.999 → Tue 23:59:59.999', '2026-01-09T22:59:59.999Z', '2026-01-13T22:59:59.999Z'],
    ['Wed 00:00 CEST → Fri 00:00', '2026-06-09T22:00:00.000Z', '2026-06-11T22:00:00.000Z'],
    ['Thu 1 Jan 00:00 (holiday) → Tue 6 Jan 00:00', '2025-12-31T23:00:00.000Z', '2026-01-05T23:00:00.000Z'], // Fri 2 start → Mon 5, Tue 6
  ])('%s', (_label, received, expected) => {
    expect(due(received)).toBe(expected);
  });
});

describe('replyDueBy options and misuse', () => {
  test.each([
    [1, '2026-01-09T09:00:00.000Z', '2026-01-12T09:00:00.000Z'], // Fri → Mon
    [3, '2026-01-12T09:00:00.000Z', '2026-01-15T09:00:00.000Z'], // Mon → Thu
  ])('workingDays %i: %s → %s', (workingDays, received, expected) => {
    expect(due(received, { ...MON_FRI, workingDays })).toBe(expected);
  });

  test.each([new Date(NaN), 'Mon' as unknown as Date, undefined as unknown as Date])('refuses %p with a TypeError', (received) => {
    expect(() => replyDueBy(received, MON_FRI)).toThrow(TypeError);
  });

  test.each([0, -1, 1.5, 61, NaN])('refuses workingDays %p', (workingDays) => {
    expect(() => replyDueBy(new Date('2026-01-12T09:00:00.000Z'), { ...MON_FRI, workingDays })).toThrow(RangeError);
  });

  test('refuses a year without holiday data', () => {
    expect(() => replyDueBy(new Date('1990-01-10T09:00:00.000Z'), MON_FRI)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  test.each<[string, WorkingDayRule, boolean]>([
    ['2026-06-04', { bundesland: 'NW', saturdayIsWorkingDay: false }, false],
    ['2026-06-04', { bundesland: 'BE', saturdayIsWorkingDay: false }, true],
    ['2026-01-10', MON_FRI, false],
    ['2026-01-10', MON_SAT, true],
    ['2026-01-11', MON_SAT, false],
    ['2026-10-03', MON_SAT, false],
    ['2026-12-24', MON_FRI, true],
    ['2026-12-31', MON_FRI, true],
  ])('%s with %j → %p', (dateKey, rule, expected) => {
    expect(isWorkingDay(dateKey, rule)).toBe(expected);
  });

  test('refuses a malformed date', () => {
    expect(() => isWorkingDay('2026-02-30', MON_FRI)).toThrow(RangeError);
  });
});

describe('msUntil', () => {
  const dueBy = new Date('2026-01-14T09:00:00.000Z');
  test.each([
    ['2026-01-14T08:00:00.000Z', 3_600_000],
    ['2026-01-14T09:00:00.000Z', 0],
    ['2026-01-14T09:00:01.000Z', -1_000],
  ])('at %s → %i', (now, expected) => {
    expect(msUntil(dueBy, new Date(now))).toBe(expected);
  });

  test('refuses an invalid Date', () => {
    expect(() => msUntil(dueBy, new Date(NaN))).toThrow(TypeError);
    expect(() => msUntil(new Date(NaN), dueBy)).toThrow(TypeError);
  });
});
