import { analyzeMessage, type AnalyzeOptions } from './analyze';
import type { FlagCode } from './findings';
import type { IncomingMessage } from './message';
import { parseSettings } from './settings';
import type { SenderVerdict } from './sender-trust';

const GENUINE = 'service@rakuten.de';
const RECEIVED = new Date('2026-11-24T09:15:00.000Z'); // Tue 10:15 CET
const DUE = '2026-11-26T09:15:00.000Z'; // Thu 10:15 CET
const START = '#### Weitergeleitete Nachricht des Kunden';
const END = '#### Ende der weitergeleiteten Nachricht ####';
const LOOK: FlagCode = 'marketplace-look-without-genuine-sender';

function message(overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    senderAddress: GENUINE,
    senderName: 'Rakuten Service',
    subject: 'Nachricht Ihres Kunden zur Bestellung 123-456-789',
    receivedAt: RECEIVED,
    text: forward(),
    ...overrides,
  };
}

/** The wrapper as Rakuten sends it; each part can be replaced to bend one thing at a time. */
function forward(parts: { labels?: string; name?: string; body?: string; end?: string } = {}): string {
  const name = parts.name ?? 'Max Mustermann';
  return [
    'Hallo Mustershop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    'Bitte antworten Sie zur Klärung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.',
    '',
    parts.labels ?? `Bestellnummer: 123-456-789\nKundenname: ${name}`,
    '',
    `${START} ${name} ####`,
    parts.body ?? 'Wo bleibt mein Paket?',
    parts.end ?? END,
    '',
    'Mit freundlichen Grüßen',
    'Ihr Rakuten Service-Team',
  ].join('\n');
}

interface Summary {
  kind: SenderVerdict;
  orderNumber: string | null;
  orderNumberWellFormed: boolean | null;
  customerName: string | null;
  customerMessage: string | null;
  closingOnly: boolean | null;
  replyTo: string | null;
  receivedAt: string | null;
  replyDueBy: string | null;
  flags: FlagCode[];
}

function summary(input: IncomingMessage, options?: AnalyzeOptions): Summary {
  const analysis = analyzeMessage(input, options);
  return {
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
  };
}

const NOTHING_EXTRACTED = {
  orderNumber: null,
  orderNumberWellFormed: null,
  customerName: null,
  customerMessage: null,
  closingOnly: null,
  replyTo: null,
  replyDueBy: null,
} as const;

describe('analyzeMessage: the four verdicts', () => {
  it.each<[string, IncomingMessage, Summary]>([
    [
      'customer-forward: service@rakuten.de with the forward wrapper',
      message(),
      {
        kind: 'customer-forward',
        orderNumber: '123-456-789',
        orderNumberWellFormed: true,
        customerName: 'Max Mustermann',
        customerMessage: 'Wo bleibt mein Paket?',
        closingOnly: false,
        replyTo: GENUINE,
        receivedAt: RECEIVED.toISOString(),
        replyDueBy: DUE,
        flags: [],
      },
    ],
    [
      'rakuten-notice: service@rakuten.de without the wrapper',
      message({ text: 'Hallo Mustershop,\nIhre Rechnung für Oktober steht bereit.\nBestellnummer: 123-456-789' }),
      { kind: 'rakuten-notice', ...NOTHING_EXTRACTED, receivedAt: RECEIVED.toISOString(), flags: [] },
    ],
    [
      'spoofed: the wrapper from another address',
      message({ senderAddress: 'hilfe@kundenservice.example', senderName: 'Kundenservice' }),
      { kind: 'spoofed', ...NOTHING_EXTRACTED, receivedAt: RECEIVED.toISOString(), flags: [LOOK] },
    ],
    [
      'unrelated: another sender without the wrapper',
      message({ senderAddress: 'bestellung@grosshandel.example', senderName: 'Großhandel', text: 'Ihre Ware ist unterwegs.' }),
      { kind: 'unrelated', ...NOTHING_EXTRACTED, receivedAt: RECEIVED.toISOString(), flags: [] },
    ],
  ])('%s', (_label, input, expected) => {
    expect(summary(input)).toEqual(expected);
  });
});

describe('analyzeMessage: spoof variants', () => {
  it.each<[string, Partial<IncomingMessage>, SenderVerdict, FlagCode[]]>([
    ['address in the display name', { senderName: 'service@rakuten.de', senderAddress: 'x@evil.example' }, 'spoofed', ['display-name-impersonation', LOOK]],
    ['brand in the display name, no wrapper', { senderName: 'Rakuten', senderAddress: 'news@evil.example', text: 'Gewinnspiel!' }, 'spoofed', ['display-name-impersonation']],
    ['Cyrillic а in the display name', { senderName: 'R\u0430kuten Service', senderAddress: 'a@evil.example', text: 'Hallo' }, 'spoofed', ['display-name-impersonation']],
    ['rakuten.de as a subdomain of another domain', { senderAddress: 'service@rakuten.de.example.com' }, 'spoofed', ['lookalike-domain', 'display-name-impersonation', LOOK]],
    ['rakuten-de.com', { senderName: '', senderAddress: 'service@rakuten-de.com' }, 'spoofed', ['lookalike-domain', LOOK]],
    ['Cyrillic а in the domain', { senderName: '', senderAddress: 'service@r\u0430kuten.de' }, 'spoofed', ['lookalike-domain', LOOK]],
    ['Cyrillic а in the domain, no wrapper', { senderName: '', senderAddress: 'service@r\u0430kuten.de', text: 'Hallo' }, 'spoofed', ['lookalike-domain']],
    ['digit look-alike r4kuten.de', { senderName: '', senderAddress: 'service@r4kuten.de' }, 'spoofed', ['lookalike-domain', LOOK]],
    ['another address of rakuten.de itself', { senderName: '', senderAddress: 'newsletter@mail.rakuten.de' }, 'spoofed', [LOOK]],
    ['punycode look-alike (decoded to its Cyrillic letters)', { senderName: '', senderAddress: 'service@xn--rkuten-3nf.de' }, 'spoofed', ['lookalike-domain', LOOK]],
    [
      'genuine From, SPF and DMARC fail for rakuten.de',
      { authenticationResults: 'mx.mustershop.de; spf=fail smtp.mailfrom=rakuten.de; dmarc=fail header.from=rakuten.de' },
      'spoofed',
      ['authentication-failed'],
    ],
    ['genuine From, DKIM fails for rakuten.de', { authenticationResults: 'mx; dkim=fail header.d=rakuten.de' }, 'spoofed', ['authentication-failed']],
    ['genuine From, all checks pass', { authenticationResults: 'mx; spf=pass smtp.mailfrom=rakuten.de; dkim=pass header.d=rakuten.de' }, 'customer-forward', []],
    ['genuine From, a failure for a foreign domain only', { authenticationResults: 'mx; spf=fail smtp.mailfrom=bounces.example.net' }, 'customer-forward', []],
    ['genuine address in capitals, in angle brackets', { senderAddress: '<SERVICE@Rakuten.DE>' }, 'customer-forward', []],
  ])('%s', (_label, overrides, kind, flags) => {
    const result = summary(message(overrides));
    expect([result.kind, result.flags]).toEqual([kind, flags]);
    if (kind === 'spoofed') expect(result).toMatchObject(NOTHING_EXTRACTED);
  });
});

describe('analyzeMessage: extraction tolerance', () => {
  type Fields = Pick<Summary, 'orderNumber' | 'orderNumberWellFormed' | 'customerName' | 'customerMessage' | 'flags'>;
  const ok = (overrides: Partial<Fields> = {}): Fields => ({
    orderNumber: '123-456-789',
    orderNumberWellFormed: true,
    customerName: 'Max Mustermann',
    customerMessage: 'Wo bleibt mein Paket?',
    flags: [],
    ...overrides,
  });
  const XSS = '<img src=x onerror=alert(1)>';
  const htmlForward = (name: string) =>
    `<p>Hallo Mustershop,</p><p><b>Bestellnummer:</b>&nbsp;123-456-789<br>\r\n<b>Kundenname:</b>&nbsp;${name}</p>` +
    `<p>${START} ${name} ####<br>Wo bleibt mein Paket?<br>${END}</p>`;

  it.each<[string, Partial<IncomingMessage>, Fields]>([
    ['NBSP after the labels', { text: forward({ labels: 'Bestellnummer:\u00a0123-456-789\nKundenname:\u00a0Max Mustermann' }) }, ok()],
    ['tabs after the labels', { text: forward({ labels: 'Bestellnummer:\t123-456-789\nKundenname:\t\tMax Mustermann' }) }, ok()],
    ['value on the line after the label', { text: forward({ labels: 'Bestellnummer:\n123-456-789\nKundenname:\nMax Mustermann' }) }, ok()],
    ['CRLF line breaks', { text: forward().replace(/\n/g, '\r\n') }, ok()],
    ['en dashes in the order number', { text: forward({ labels: 'Bestellnummer: 123–456–789\nKundenname: Max Mustermann' }) }, ok()],
    ['spaces around the dashes', { text: forward({ labels: 'Bestellnummer: 123 - 456 - 789\nKundenname: Max Mustermann' }) }, ok()],
    ['HTML only, bold labels, &nbsp; and <br>', { text: '', html: htmlForward('Max Mustermann') }, ok()],
    ['HTML when the plain part is only a stub', { text: 'Bitte öffnen Sie die HTML-Ansicht.', html: htmlForward('Max Mustermann') }, ok()],
    [
      'an unusual order number shape is kept and flagged',
      { text: forward({ labels: 'Bestellnummer: 12345-678\nKundenname: Max Mustermann' }) },
      ok({ orderNumber: '12345-678', orderNumberWellFormed: false, flags: ['order-number-unusual-shape'] }),
    ],
    [
      'no order number label',
      { text: forward({ labels: 'Kundenname: Max Mustermann' }) },
      ok({ orderNumber: null, orderNumberWellFormed: null, flags: ['order-number-missing'] }),
    ],
    ['a markup-like name stays exactly as written', { text: forward({ name: XSS }) }, ok({ customerName: XSS })],
    ['a markup-like name from HTML, entities decoded', { text: '', html: htmlForward('&lt;img src=x onerror=alert(1)&gt;') }, ok({ customerName: XSS })],
    ['a name with quotes and ampersand', { text: forward({ name: '"Müller" & Söhne' }) }, ok({ customerName: '"Müller" & Söhne' })],
    [
      'a fake end marker typed by the customer does not cut the message',
      { text: forward({ body: `Bitte stornieren.\n${END}\nHinweis: Erstattung an IBAN DE00 1234.` }) },
      ok({ customerMessage: `Bitte stornieren.\n${END}\nHinweis: Erstattung an IBAN DE00 1234.` }),
    ],
    [
      'an older forward quoted below: the top one wins',
      {
        text: `${forward({ body: 'Danke, und wann kommt der Rest?' })}\n\n> Bestellnummer: 999-999-999\n> Kundenname: Erika Alt\n> ${START} Erika Alt ####\n> Erste Frage\n> ${END}`,
      },
      ok({ customerMessage: 'Danke, und wann kommt der Rest?' }),
    ],
    [
      'no end marker: the message runs to the end, flagged',
      { text: forward({ end: '' }).replace('\n\nMit freundlichen Grüßen\nIhr Rakuten Service-Team', '') },
      ok({ flags: ['end-marker-missing'] }),
    ],
    [
      'the message on the marker line, as on the Rakuten help page',
      { text: `Bestellnummer: 123-456-789\nKundenname: Max Mustermann\n\n${START} Max Mustermann ####Wo bleibt mein Paket?\n\n${END}` },
      ok(),
    ],
    [
      'the name only in the start marker',
      { text: forward({ labels: 'Bestellnummer: 123-456-789' }) },
      ok(),
    ],
    ['an empty customer message', { text: forward({ body: '' }) }, ok({ customerMessage: '', flags: ['customer-message-empty'] })],
  ])('%s', (_label, overrides, expected) => {
    const result = summary(message(overrides));
    expect(result.kind).toBe('customer-forward');
    expect({
      orderNumber: result.orderNumber,
      orderNumberWellFormed: result.orderNumberWellFormed,
      customerName: result.customerName,
      customerMessage: result.customerMessage,
      flags: result.flags,
    }).toEqual(expected);
  });

  it('reads only maxTextLength characters and says so', () => {
    const result = summary(message({ text: `${forward()}\n${'x'.repeat(5000)}` }), { maxTextLength: 2000 });
    expect(result).toMatchObject({ kind: 'customer-forward', orderNumber: '123-456-789', customerMessage: 'Wo bleibt mein Paket?' });
    expect(result.flags).toEqual(['input-truncated']);
  });
});

describe('analyzeMessage: closing-only and the deadline', () => {
  it.each([
    ['Hat sich erledigt, danke', true],
    ['Danke! Wann kommt denn der Rest?', false],
    ['Das Paket ist beschädigt angekommen.', false],
  ])('%j → closingOnly %s', (body, closingOnly) => {
    expect(summary(message({ text: forward({ body }) })).closingOnly).toBe(closingOnly);
  });

  it('has no deadline without a receipt time, or with an invalid one', () => {
    expect(summary(message({ receivedAt: null }))).toMatchObject({ receivedAt: null, replyDueBy: null });
    expect(summary(message({ receivedAt: new Date(Number.NaN) }))).toMatchObject({ receivedAt: null, replyDueBy: null });
  });

  it('applies the Bundesland from the settings', () => {
    const settings = parseSettings({ bundesland: 'nw' });
    if (!settings.ok) throw new Error(settings.error.message);
    const wednesday = new Date('2026-06-03T08:00:00.000Z'); // the day before Fronleichnam
    expect(summary(message({ receivedAt: wednesday })).replyDueBy).toBe('2026-06-05T08:00:00.000Z');
    expect(summary(message({ receivedAt: wednesday }), { settings: settings.value }).replyDueBy).toBe('2026-06-08T08:00:00.000Z');
  });
});

// Regressions: bugs found in the core, named after what they pin.
describe('regressions', () => {
  it('a forward dated before 1995 (a broken Date header) does not make the analysis throw', () => {
    expect(() => analyzeMessage(message({ receivedAt: new Date('1994-05-02T10:00:00Z') }))).not.toThrow();
  });

  it('a punycode look-alike whose homoglyph sits in the first four letters is a lookalike-domain', () => {
    const result = summary(message({ senderName: '', senderAddress: 'service@xn--rkuten-3nf.de', text: 'Ihre Rechnung' }));
    expect(result).toMatchObject({ kind: 'spoofed', flags: ['lookalike-domain'] });
  });
});
