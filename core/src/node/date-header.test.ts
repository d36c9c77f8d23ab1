import { parseDateHeader } from './date-header';

describe('parseDateHeader', () => {
  it.each([
    ['Tue, 24 Nov 2026 10:15:00 +0100', '2026-11-24T09:15:00.000Z'],
    ['Wed, 3 Jun 2026 10:00:00 +0200', '2026-06-03T08:00:00.000Z'],
    ['Tue, 24 Nov 2026 10:15:00 +0100 (CET)', '2026-11-24T09:15:00.000Z'],
    ['24 Nov 2026 10:15 +0100', '2026-11-24T09:15:00.000Z'],
    ['Tue, 24 nov 26 10:15:00 -0530', '2026-11-24T15:45:00.000Z'],
    ['Tue, 24 Nov 2026 10:15:00 GMT', '2026-11-24T10:15:00.000Z'],
    ['Tue, 24 Nov 2026 10:15:00 EST', '2026-11-24T15:15:00.000Z'],
    ['Tue, 24 Nov 2026\r\n 10:15:00 +0100', '2026-11-24T09:15:00.000Z'],
    ['Thu, 31 Dec 1998 23:59:60 +0000', '1998-12-31T23:59:59.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseDateHeader(raw)?.toISOString()).toBe(iso);
  });

  it.each([
    'irgendwann im November 123',
    '2026-11-24T10:15:00Z',
    'Tue, 31 Feb 2026 10:15:00 +0100',
    'Tue, 24 Nov 2026 25:15:00 +0100',
    'Tue, 24 Nov 2026 10:15:00 +0160',
    'Tue, 24 Nov 2026 10:15:00 XYZ',
    'Tue, 24 Nov 2026 10:15:00',
    '',
    `Tue, 24 Nov 2026 10:15:00 +0100 (${'x'.repeat(500)})`,
  ])('refuses %j', (raw) => {
    expect(parseDateHeader(raw)).toBeNull();
  });
});
