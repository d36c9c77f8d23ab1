import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMessage } from '../analyze';
import type { FlagCode } from '../findings';
import type { IncomingMessage } from '../message';
import type { SenderVerdict } from '../sender-trust';
import { readEml, type ReadEmlError } from './eml';

const FIXTURES = join(__dirname, '..', '..', 'test-fixtures', 'eml');

interface Expected {
  readonly kind: SenderVerdict;
  readonly orderNumber: string | null;
  readonly orderNumberWellFormed: boolean | null;
  readonly customerName: string | null;
  readonly customerMessage: string | null;
  readonly closingOnly: boolean | null;
  readonly replyTo: string | null;
  readonly receivedAt: string | null;
  readonly replyDueBy: string | null;
  readonly flags: readonly FlagCode[];
}

/** A genuine forward: every field the analysis fills, spelled out. */
function forward(
  orderNumber: string,
  customerName: string,
  customerMessage: string,
  receivedAt: string | null,
  replyDueBy: string | null,
  extra: { closingOnly?: boolean; flags?: FlagCode[]; wellFormed?: boolean } = {},
): Expected {
  return {
    kind: 'customer-forward',
    orderNumber,
    orderNumberWellFormed: extra.wellFormed ?? true,
    customerName,
    customerMessage,
    closingOnly: extra.closingOnly ?? false,
    replyTo: 'service@rakuten.de',
    receivedAt,
    replyDueBy,
    flags: extra.flags ?? [],
  };
}

/** Not a customer forward: nothing is extracted, nothing is due. */
function other(kind: SenderVerdict, receivedAt: string, flags: FlagCode[] = []): Expected {
  return {
    kind,
    orderNumber: null,
    orderNumberWellFormed: null,
    customerName: null,
    customerMessage: null,
    closingOnly: null,
    replyTo: null,
    receivedAt,
    replyDueBy: null,
    flags,
  };
}

const SPOOF_LOOK: FlagCode = 'marketplace-look-without-genuine-sender';
const KATRIN = 'Guten Morgen,\nwann wird meine Bestellung geliefert? Ich brauche sie bis Freitag.\nDanke\nKatrin Braun';

// Due dates by hand: 2 working days (Mon–Fri, nationwide holidays), Berlin wall-clock time kept.
const EXPECTED: Readonly<Record<string, Expected>> = {
  'qp-soft-breaks-in-order-number-and-end-marker.eml': forward(
    '123-456-789',
    'Jürgen Weiß',
    'Guten Tag,\n\nich habe am Montag bestellt und noch keine Versandbestätigung erhalten. Können Sie mir bitte sagen, wann das Paket verschickt wird?\n\nViele Grüße\nJürgen Weiß',
    '2026-11-24T09:15:00.000Z', // Tue 10:15 CET
    '2026-11-26T09:15:00.000Z', // Thu 10:15 CET
  ),
  'base64-utf8-body.eml': forward(
    '234-567-890',
    'Anna Schäfer',
    'Hallo,\n\nich möchte den Mantel (Größe M) zurückschicken. Liegt dem Paket ein Retourenschein bei oder muss ich ihn selbst ausdrucken?\n\nDanke und freundliche Grüße\nAnna Schäfer',
    '2026-11-23T07:30:00.000Z',
    '2026-11-25T07:30:00.000Z',
  ),
  'iso-8859-1-quoted-printable-umlauts.eml': forward(
    '345-678-901',
    'Björn Müller-Lüdenscheidt',
    'Sehr geehrte Damen und Herren,\n\ndie Schuhe sind leider zu groß. Kann ich sie gegen Größe 44 umtauschen?\n\nMit freundlichen Grüßen\nBjörn Müller-Lüdenscheidt',
    '2026-11-04T13:05:00.000Z',
    '2026-11-06T13:05:00.000Z',
  ),
  'windows-1252-8bit-euro-and-german-quotes.eml': forward(
    '456-789-012',
    'Renée Köhler',
    'Guten Abend,\n\nim Angebot stand „Versandkostenfrei ab 50 €“ – trotzdem wurden mir 4,95 € Versand berechnet. Bitte erstatten Sie mir den Betrag.\n\nRenée Köhler',
    '2026-11-05T08:00:00.000Z', // Thu
    '2026-11-09T08:00:00.000Z', // Fri, then Mon
  ),
  'html-only-bold-label-nbsp-br.eml': forward(
    '567-890-123',
    'Sabine Krause',
    'Hallo,\nist der Artikel auch in Blau lieferbar?\nDanke!',
    '2026-11-02T10:20:00.000Z',
    '2026-11-04T10:20:00.000Z',
  ),
  'multipart-alternative-text-and-html.eml': forward(
    '678-901-234',
    'Markus Wolf',
    'Guten Tag,\nkönnen Sie die Lieferadresse noch ändern? Neue Adresse: Hauptstraße 5, 10115 Berlin.\nGruß Markus Wolf',
    '2026-11-03T15:45:00.000Z',
    '2026-11-05T15:45:00.000Z',
  ),
  'multipart-mixed-pdf-and-png-attachments.eml': forward(
    '789-012-345',
    'Claudia Neumann',
    'Hallo,\ndie Vase kam zerbrochen an. Ein Foto und die Rechnung hänge ich an. Wie geht es jetzt weiter?\nClaudia Neumann',
    '2026-11-10T06:55:00.000Z',
    '2026-11-12T06:55:00.000Z',
  ),
  'rfc2047-q-subject-and-b-from-name.eml': forward(
    '890-123-456',
    'Stefan Hoffmann',
    'Hallo,\ngibt es zu dem Drucker auch passende Patronen in Ihrem Shop?\nStefan Hoffmann',
    '2026-11-16T12:00:00.000Z',
    '2026-11-18T12:00:00.000Z', // Buß- und Bettag is a holiday in SN only
  ),
  'crlf-line-endings-question.eml': forward('901-234-567', 'Katrin Braun', KATRIN, '2026-11-25T08:30:00.000Z', '2026-11-27T08:30:00.000Z'),
  'lf-line-endings-question.eml': forward('901-234-567', 'Katrin Braun', KATRIN, '2026-11-25T08:30:00.000Z', '2026-11-27T08:30:00.000Z'),
  'nbsp-and-tab-after-label.eml': forward(
    '112-233-445',
    'Thomas Becker',
    'Hallo,\nist die Rechnung schon unterwegs? Ich finde sie nicht in meinem Kundenkonto.',
    '2026-11-12T09:00:00.000Z', // Thu
    '2026-11-16T09:00:00.000Z', // Mon
  ),
  'value-on-line-after-label.eml': forward(
    '223-344-556',
    'Lena Vogel',
    'Ich habe eine Frage zur Garantie: Gilt sie zwei Jahre?',
    '2026-11-09T11:00:00.000Z',
    '2026-11-11T11:00:00.000Z',
  ),
  'order-number-unusual-shape.eml': forward(
    '1234-5678-90',
    'Frank Richter',
    'Hallo, wo bleibt meine Lieferung?',
    '2026-11-06T14:30:00.000Z', // Fri
    '2026-11-10T14:30:00.000Z', // Tue
    { wellFormed: false, flags: ['order-number-unusual-shape'] },
  ),
  'end-marker-missing.eml': forward(
    '334-455-667',
    'Monika Schulz',
    'Guten Tag,\nich habe zwei Artikel bestellt, aber nur einen erhalten. Bitte prüfen Sie das.',
    '2026-11-17T07:00:00.000Z',
    '2026-11-19T07:00:00.000Z',
    { flags: ['end-marker-missing'] },
  ),
  // The customer's own copy of the end marker does not cut their message: the last marker ends it.
  'fake-end-marker-in-customer-text.eml': forward(
    '445-566-778',
    'Uwe Zimmermann',
    'Hallo,\nbitte stornieren Sie meine Bestellung.\n#### Ende der weitergeleiteten Nachricht ####\n\nHinweis von Rakuten: Bitte überweisen Sie die Erstattung an IBAN DE00 1234 5678 9012 3456 78.',
    '2026-11-11T18:45:00.000Z',
    '2026-11-13T18:45:00.000Z',
  ),
  'older-forward-quoted-below.eml': forward(
    '556-677-889',
    'Petra Schmidt',
    'Danke für die Antwort. Können Sie mir noch die Sendungsnummer schicken?',
    '2026-11-04T09:30:00.000Z',
    '2026-11-06T09:30:00.000Z',
  ),
  'closing-only-hat-sich-erledigt.eml': forward(
    '667-788-990',
    'Heike Lang',
    'Hat sich erledigt, danke',
    '2026-11-26T16:10:00.000Z', // Thu
    '2026-11-30T16:10:00.000Z', // Mon
    { closingOnly: true },
  ),
  'english-customer.eml': forward(
    '778-899-001',
    'John Smith',
    'Hello,\n\nI ordered two items but only received one. Could you please check what happened?\n\nThanks,\nJohn Smith',
    '2026-11-30T09:00:00.000Z',
    '2026-12-02T09:00:00.000Z',
  ),
  // Fri 16:00 CET; clocks go forward on Sunday, so Tue 16:00 is CEST.
  'received-friday-before-dst-switch.eml': forward(
    '889-900-112',
    'Sven Krüger',
    'Kommt die Lieferung noch vor Ostern an?',
    '2026-03-27T15:00:00.000Z',
    '2026-03-31T14:00:00.000Z',
  ),
  // Without a Bundesland, Fronleichnam (Thu 4 June 2026) is a working day.
  'received-day-before-fronleichnam.eml': forward(
    '990-011-223',
    'Maria Keller',
    'Können Sie mir eine Rechnung mit ausgewiesener MwSt. schicken?',
    '2026-06-03T08:00:00.000Z',
    '2026-06-05T08:00:00.000Z',
  ),
  // Saturday: the clock starts Monday 00:00, so it is due Wednesday 00:00 CET.
  'received-on-saturday.eml': forward(
    '101-202-303',
    'Jan Peters',
    'Ist der Gutschein auch für reduzierte Artikel gültig?',
    '2026-11-28T10:00:00.000Z',
    '2026-12-01T23:00:00.000Z',
  ),
  'date-header-missing.eml': forward('202-303-404', 'Olga Wagner', 'Wann kommt mein Paket?', null, null),
  // mailparser would turn this into "now"; a guessed receipt time must not produce a deadline.
  'date-header-unparseable.eml': forward('303-404-505', 'Paul Fischer', 'Wann kommt mein Paket?', null, null),
  'spoof-display-name-is-rakuten-address.eml': other('spoofed', '2026-11-24T10:02:13.000Z', ['display-name-impersonation', SPOOF_LOOK]),
  'spoof-display-name-rfc2047-encoded.eml': other('spoofed', '2026-11-24T10:05:00.000Z', ['display-name-impersonation', SPOOF_LOOK]),
  'spoof-subdomain-rakuten.de.example.com.eml': other('spoofed', '2026-11-25T07:12:44.000Z', [
    'lookalike-domain',
    'display-name-impersonation',
    SPOOF_LOOK,
  ]),
  'spoof-lookalike-rakuten-de.com.eml': other('spoofed', '2026-06-10T07:41:07.000Z', ['lookalike-domain', SPOOF_LOOK]),
  'spoof-cyrillic-a-utf8-header.eml': other('spoofed', '2026-06-11T12:20:00.000Z', ['lookalike-domain', 'display-name-impersonation', SPOOF_LOOK]),
  'spoof-cyrillic-a-idn-punycode.eml': other('spoofed', '2026-06-11T12:25:00.000Z', ['lookalike-domain', SPOOF_LOOK]),
  'spoof-two-from-headers.eml': other('spoofed', '2026-11-12T15:00:00.000Z', ['display-name-impersonation', SPOOF_LOOK]),
  'spoof-genuine-from-dmarc-fail.eml': other('spoofed', '2026-11-23T20:03:00.000Z', ['authentication-failed']),
  'rakuten-notice-without-forward.eml': other('rakuten-notice', '2026-11-23T13:00:00.000Z'),
  'unrelated-shop-mail.eml': other('unrelated', '2026-11-24T12:37:00.000Z'),
};

const EXPECTED_ERRORS: Readonly<Record<string, ReadEmlError>> = {
  'empty-file.eml': 'empty-input',
  'random-binary-not-a-mail.eml': 'not-a-mail',
  'plain-text-without-headers-not-a-mail.eml': 'not-a-mail',
};

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

async function message(name: string): Promise<IncomingMessage> {
  const read = await readEml(fixture(name));
  if (!read.ok) throw new Error(`${name}: ${read.error.code} ${read.error.message}`);
  return read.value;
}

describe('readEml + analyzeMessage on the .eml fixtures', () => {
  it('has an expectation for every fixture file, and a file for every expectation', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.eml')).sort();
    expect(files).toEqual([...Object.keys(EXPECTED), ...Object.keys(EXPECTED_ERRORS)].sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
    const analysis = analyzeMessage(await message(name));
    expect({
      kind: analysis.kind,
      orderNumber: analysis.orderNumber,
      orderNumberWellFormed: analysis.orderNumberWellFormed,
      customerName: analysis.customerName,
      customerMessage: analysis.customerMessage,
      closingOnly: analysis.closingOnly,
      replyTo: analysis.replyTo,
      receivedAt: analysis.receivedAt?.toISOString() ?? null,
      replyDueBy: analysis.replyDueBy?.toISOString() ?? null,
      flags: analysis.flags.map((flag) => flag.code),
    }).toEqual(expected);
  });

  it.each(Object.entries(EXPECTED_ERRORS))('%s is refused', async (name, code) => {
    const read = await readEml(fixture(name));
    expect(read.ok ? 'ok' : read.error.code).toBe(code);
  });
});

describe('readEml field mapping', () => {
  it('decodes RFC 2047 subject (Q) and From display name (B)', async () => {
    const read = await message('rfc2047-q-subject-and-b-from-name.eml');
    expect(read.subject).toBe('Nachricht Ihres Kunden zur Bestellung 890-123-456 – Rückfrage');
    expect(read.senderName).toBe('Rakuten.de Händlerservice');
    expect(read.senderAddress).toBe('service@rakuten.de');
  });

  it('keeps an address-like display name as written, separate from the real address', async () => {
    const plain = await message('spoof-display-name-is-rakuten-address.eml');
    expect([plain.senderName, plain.senderAddress]).toEqual(['service@rakuten.de', 'x@evil.example']);
    const encoded = await message('spoof-display-name-rfc2047-encoded.eml');
    expect([encoded.senderName, encoded.senderAddress]).toEqual(['service@rakuten.de', 'support@evil.example']);
  });

  it('gives a look-alike domain in Unicode whether it came as UTF-8 or as punycode', async () => {
    expect((await message('spoof-cyrillic-a-utf8-header.eml')).senderAddress).toBe('service@r\u0430kuten.de');
    expect((await message('spoof-cyrillic-a-idn-punycode.eml')).senderAddress).toBe('service@r\u0430kuten.de');
  });

  it('names no sender when two From fields disagree, and keeps all of them in the name', async () => {
    const read = await message('spoof-two-from-headers.eml');
    expect(read.senderAddress).toBe('');
    expect(read.senderName).toBe('Rakuten Service service@rakuten.de, x@evil.example');
  });

  it('joins every Authentication-Results header, each unfolded onto one line', async () => {
    const read = await message('spoof-genuine-from-dmarc-fail.eml');
    expect(read.authenticationResults).toBe(
      'mx.mustershop.de; arc=none\n' +
        'mx.mustershop.de;\tspf=fail smtp.mailfrom=rakuten.de;\tdkim=none (message not signed);\tdmarc=fail (p=REJECT) header.from=rakuten.de',
    );
    expect((await message('unrelated-shop-mail.eml')).authenticationResults).toBe(
      'mx.mustershop.de;\tspf=pass smtp.mailfrom=grosshandel-beispiel.de;\tdkim=pass header.d=grosshandel-beispiel.de',
    );
  });

  it('leaves text empty for an HTML-only mail and hands over the HTML as sent', async () => {
    const read = await message('html-only-bold-label-nbsp-br.eml');
    expect(read.text).toBe('');
    expect(read.html).toContain('<b>Bestellnummer:</b>&nbsp;567-890-123<br>');
  });

  it('gives both parts of multipart/alternative, and only text for plain mail', async () => {
    const alternative = await message('multipart-alternative-text-and-html.eml');
    expect(alternative.text).toContain('Bestellnummer: 678-901-234');
    expect(alternative.html).toContain('<p>Bestellnummer: 678-901-234<br>');
    expect((await message('crlf-line-endings-question.eml')).html).toBeUndefined();
  });

  it('keeps attachments out of the text', async () => {
    const read = await message('multipart-mixed-pdf-and-png-attachments.eml');
    expect(read.text).not.toMatch(/PDF|iVBOR|%%EOF/);
    expect(read.html).toBeUndefined();
  });

  it('reads CRLF and LF files into the same message', async () => {
    const crlf = await message('crlf-line-endings-question.eml');
    const lf = await message('lf-line-endings-question.eml');
    expect({ ...lf, text: lf.text.replace(/\r\n/g, '\n') }).toEqual({ ...crlf, text: crlf.text.replace(/\r\n/g, '\n') });
  });

  it('reads a string the same as its UTF-8 bytes', async () => {
    const bytes = fixture('qp-soft-breaks-in-order-number-and-end-marker.eml');
    expect(await readEml(bytes.toString('utf8'))).toEqual(await readEml(bytes));
  });
});

describe('readEml limits and refusals', () => {
  const mail = (head: string, body = 'Hallo') => `${head}\r\n\r\n${body}\r\n`;

  it('takes the first of many From addresses without slowing down', async () => {
    const from = Array.from({ length: 10_000 }, (_, i) => `kunde${i}@example.com`).join(', ');
    const started = Date.now();
    const read = await readEml(mail(`From: ${from}\r\nSubject: Viele`));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(read.ok && read.value.senderAddress).toBe('kunde0@example.com');
  });

  it('refuses a header block beyond maxHeaderBytes before parsing it', async () => {
    const from = Array.from({ length: 50_000 }, (_, i) => `kunde${i}@example.com`).join(', ');
    const read = await readEml(mail(`From: ${from}`));
    expect(read.ok ? 'ok' : read.error.code).toBe('too-large');
    const unterminated = await readEml(`Subject: ${'a'.repeat(300_000)}`);
    expect(unterminated.ok ? 'ok' : unterminated.error.code).toBe('too-large');
  });

  it('refuses too many header fields', async () => {
    const read = await readEml(mail(`From: a@example.com\r\n${'X-Spam: 1\r\n'.repeat(1200)}Subject: x`));
    expect(read.ok ? 'ok' : read.error).toEqual({ code: 'too-large', message: 'The mail has more than 1000 header fields.' });
  });

  it('refuses input beyond maxBytes, counting a string in UTF-8 bytes', async () => {
    const read = await readEml(mail('From: a@example.com', 'ä'.repeat(600)), { maxBytes: 1000 });
    expect(read.ok ? 'ok' : read.error.code).toBe('too-large');
  });

  it('reports too many MIME parts as too-large', async () => {
    const parts = Array.from({ length: 150 }, (_, i) => `--B\r\nContent-Type: text/plain\r\n\r\nTeil ${i}\r\n`).join('');
    const read = await readEml(`From: a@example.com\r\nContent-Type: multipart/mixed; boundary="B"\r\n\r\n${parts}--B--\r\n`);
    expect(read.ok ? 'ok' : read.error.code).toBe('too-large');
  });

  it('treats whitespace-only input as empty', async () => {
    const read = await readEml(' \r\n\t\n');
    expect(read.ok ? 'ok' : read.error.code).toBe('empty-input');
  });

  it.each([
    ['text without header fields', 'Hallo, hier ist nur Text.\n'],
    ['a field line that no mail has', 'Note: Milch kaufen\n\nund Brot\n'],
    ['a PNG', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')],
    ['a blank first line', '\nFrom: a@example.com\n\nx'],
  ])('refuses %s as not-a-mail', async (_label, input) => {
    const read = await readEml(input);
    expect(read.ok ? 'ok' : read.error.code).toBe('not-a-mail');
  });

  it('accepts an mbox "From " line, a UTF-8 BOM and a header-only mail', async () => {
    const mbox = await readEml('From a@example.com Tue Nov 24 10:15:00 2026\nFrom: a@example.com\n\nx');
    const bom = await readEml('\ufeffFrom: b@example.com\n\nx');
    const headerOnly = await readEml('From: c@example.com');
    expect([mbox, bom, headerOnly].map((read) => (read.ok ? read.value.senderAddress : read.error.code))).toEqual([
      'a@example.com',
      'b@example.com',
      'c@example.com',
    ]);
  });

  it('takes the first mailbox of a group, and names none when From is missing', async () => {
    const group = await readEml('From: Rakuten: service@rakuten.de, x@example.com;\n\nx');
    expect(group.ok && [group.value.senderAddress, group.value.senderName]).toEqual(['service@rakuten.de', 'Rakuten']);
    const none = await readEml('Subject: ohne Absender\n\nx');
    expect(none.ok && [none.value.senderAddress, none.value.senderName]).toEqual(['', '']);
  });

  it('throws on invalid options: they are a programming error, not bad input', async () => {
    await expect(readEml('From: a@example.com\n\nx', { maxBytes: -1 })).rejects.toThrow();
    await expect(readEml('From: a@example.com\n\nx', { maxBytes: 1.5 })).rejects.toThrow();
  });
});
