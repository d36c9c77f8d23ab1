// @ts-check
'use strict';
/**
 * The bench corpus: a few hundred raw .eml messages of a few KB each, generated from a fixed seed so
 * that every run measures the same bytes. Every transfer encoding and charset the reader meets in
 * practice appears: quoted-printable and base64 UTF-8, ISO-8859-1, Windows-1252 8-bit, HTML-only,
 * multipart/alternative and multipart/mixed with attachments; and every verdict: customer forwards
 * (questions and closings), Rakuten notices, spoofs and unrelated shop mail.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- encodings ----------

const CP1252 = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };

/** @param {string} text @param {'utf8'|'latin1'|'cp1252'} charset */
function encodeCharset(text, charset) {
  if (charset === 'utf8') return Buffer.from(text, 'utf8');
  const bytes = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const special = charset === 'cp1252' ? CP1252[/** @type {keyof typeof CP1252} */ (char)] : undefined;
    if (special !== undefined) bytes.push(special);
    else if (code <= 0xff && !(code >= 0x80 && code <= 0x9f)) bytes.push(code);
    else bytes.push(0x3f); // '?', as a mail client does for a character the charset lacks
  }
  return Buffer.from(bytes);
}

/** Quoted-printable (RFC 2045 § 6.7) with CRLF hard breaks and soft breaks at 76 characters. */
function quotedPrintable(/** @type {Buffer} */ bytes) {
  return bytes
    .toString('latin1')
    .split('\n')
    .map((line) => {
      let out = '';
      let current = '';
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && i < line.length - 1);
        const token = literal ? line[i] : `=${code.toString(16).toUpperCase().padStart(2, '0')}`;
        if (current.length + token.length > 75) {
          out += `${current}=\r\n`;
          current = '';
        }
        current += token;
      }
      return out + current;
    })
    .join('\r\n');
}

function base64Lines(/** @type {Buffer} */ bytes) {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

function crlf(/** @type {string} */ text) {
  return text.replace(/\r?\n/g, '\r\n');
}

// ---------- text ----------

const QUESTIONS = [
  'Wann wird meine Bestellung geliefert? Ich brauche sie bis Freitag.',
  'Das Paket ist leider beschädigt angekommen, der Karton war eingedrückt und die Ware hat einen Kratzer.',
  'Können Sie mir bitte eine Rechnung mit ausgewiesener Mehrwertsteuer schicken?',
  'Ich habe die falsche Größe bekommen. Wie kann ich den Artikel umtauschen?',
  'Die Sendungsverfolgung zeigt seit einer Woche keinen Fortschritt mehr. Wo ist mein Paket?',
  'Ist der Artikel auch in Schwarz lieferbar? Dann würde ich die Bestellung gerne ändern.',
  'Ich möchte von meinem Widerrufsrecht Gebrauch machen. Bitte senden Sie mir ein Rücksendeetikett.',
  'Es fehlt ein Teil in der Lieferung: das Netzteil war nicht im Karton.',
];
const CLOSINGS = [
  'Hat sich erledigt, vielen Dank!',
  'Paket ist heute angekommen, danke für die schnelle Lieferung.',
  'Alles bestens, vielen herzlichen Dank für Ihre Mühe!',
  'Danke, die Gutschrift ist da. Schönes Wochenende!',
  'Thanks, the parcel arrived today. Great service!',
];
const FILLER = [
  'Ich habe am Montag bestellt und per PayPal bezahlt.',
  'Die Zahlung wurde laut meiner Bank bereits ausgeführt.',
  'Auf Ihrer Seite stand eine Lieferzeit von zwei bis drei Werktagen.',
  'Ich bin seit Jahren zufriedener Kunde bei Ihnen und bestelle regelmäßig Zubehör für meine Küche.',
  'Meine Nachbarin hat das Paket nicht angenommen, vielleicht liegt es in der Filiale.',
  'Im Anhang finden Sie ein Foto – die Ecke ist deutlich eingedrückt, der Inhalt „wackelt“ hörbar.',
  'Über eine kurze Rückmeldung würde ich mich sehr freuen.',
  'Preis: 49,90 € inkl. Versand … so jedenfalls die Bestellbestätigung.',
];
const NAMES = ['Katrin Braun', 'Jürgen Weiß', 'Anna-Lena Groß', 'Max Mustermann', 'Sören Käßmann', 'Zoë Müller', 'Ömer Yılmaz', 'Paul Schäfer'];

/** @param {() => number} random */
function pick(random, /** @type {readonly string[]} */ list) {
  return list[Math.floor(random() * list.length)] ?? '';
}

function orderNumber(/** @type {() => number} */ random) {
  const part = () => String(Math.floor(random() * 1000)).padStart(3, '0');
  return `${part()}-${part()}-${part()}`;
}

/** A customer message of roughly `size` characters. */
function customerMessage(/** @type {() => number} */ random, /** @type {boolean} */ closing, /** @type {string} */ name, /** @type {number} */ size) {
  if (closing) return `${pick(random, CLOSINGS)}\n${name}`;
  const lines = ['Guten Tag,', '', pick(random, QUESTIONS)];
  while (lines.join('\n').length < size) lines.push(pick(random, FILLER));
  lines.push('', 'Viele Grüße', name);
  return lines.join('\n');
}

function forwardText(/** @type {{order: string, name: string, message: string}} */ o) {
  return [
    'Hallo Mustershop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    'Bitte antworten Sie zur Klärung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.',
    '',
    `Bestellnummer: ${o.order}`,
    `Kundenname: ${o.name}`,
    '',
    `#### Weitergeleitete Nachricht des Kunden ${o.name} ####`,
    o.message,
    '',
    '#### Ende der weitergeleiteten Nachricht ####',
    '',
    'Mit freundlichen Grüßen',
    'Ihr Rakuten Service-Team',
    '',
  ].join('\n');
}

function escapeHtml(/** @type {string} */ text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The same text as a mail client's HTML part: paragraphs, bold labels, &nbsp; after them, a style block. */
function asHtml(/** @type {string} */ text) {
  const body = text
    .split('\n\n')
    .map((block) =>
      `<p>${escapeHtml(block)
        .replace(/(Bestellnummer|Kundenname):/g, '<b>$1:</b>&nbsp;')
        .replace(/\n/g, '<br>\n')}</p>`,
    )
    .join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><style>p{margin:0 0 1em} b{font-weight:600}</style></head>\n<body style="font-family:Arial,sans-serif">\n${body}\n</body></html>\n`;
}

// ---------- mails ----------

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 8, 0, 0);

function dateHeader(/** @type {() => number} */ random) {
  const when = new Date(START + Math.floor(random() * 300) * DAY + Math.floor(random() * 10 * 3600) * 1000);
  return when.toUTCString().replace('GMT', '+0000');
}

/** @param {[string, string][]} headers @param {Buffer} body */
function mail(headers, body) {
  const head = headers.map(([name, value]) => `${name}: ${value}`).join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'utf8'), body, Buffer.from('\r\n')]);
}

/** @param {string} from @param {string} subject @param {string} date @param {number} n */
function topHeaders(from, subject, date, n) {
  const domain = from.includes('rakuten.de>') ? 'rakuten.de' : 'example.org';
  return /** @type {[string, string][]} */ ([
    ['Return-Path', `<bounce@${domain}>`],
    ['Received', `from mout.${domain} (mout.${domain} [192.0.2.${n % 250}])\r\n\tby mx.mustershop.de (Postfix) with ESMTPS id 4Q${n}X\r\n\tfor <info@mustershop.de>; ${date}`],
    ['Authentication-Results', `mx.mustershop.de;\r\n\tspf=pass smtp.mailfrom=${domain};\r\n\tdkim=pass header.d=${domain};\r\n\tdmarc=pass header.from=${domain}`],
    ['Date', date],
    ['From', from],
    ['To', 'info@mustershop.de'],
    ['Subject', subject],
    ['Message-ID', `<bench.${n}@mail.${domain}>`],
    ['MIME-Version', '1.0'],
  ]);
}

const ENCODINGS = ['qp-utf8', 'base64-utf8', 'qp-latin1', '8bit-cp1252', 'html-only', 'alternative', 'mixed-attachments'];
const KINDS = ['forward-question', 'forward-question', 'forward-closing', 'notice', 'spoof', 'unrelated'];

/** One leaf part (header lines and encoded body) of `text` in the given encoding. */
function leaf(/** @type {string} */ encoding, /** @type {string} */ text, /** @type {'plain'|'html'} */ subtype) {
  const type = `text/${subtype}`;
  switch (encoding) {
    case 'base64-utf8':
      return { headers: [['Content-Type', `${type}; charset=UTF-8`], ['Content-Transfer-Encoding', 'base64']], body: base64Lines(encodeCharset(text, 'utf8')) };
    case 'qp-latin1':
      return { headers: [['Content-Type', `${type}; charset=ISO-8859-1`], ['Content-Transfer-Encoding', 'quoted-printable']], body: quotedPrintable(encodeCharset(text, 'latin1')) };
    case '8bit-cp1252':
      return { headers: [['Content-Type', `${type}; charset=windows-1252`], ['Content-Transfer-Encoding', '8bit']], body: encodeCharset(crlf(text), 'cp1252').toString('latin1') };
    default:
      return { headers: [['Content-Type', `${type}; charset=UTF-8`], ['Content-Transfer-Encoding', 'quoted-printable']], body: quotedPrintable(encodeCharset(text, 'utf8')) };
  }
}

function partText(/** @type {{headers: string[][], body: string}} */ part) {
  return `${part.headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${part.body}\r\n`;
}

/** A fake attachment of `size` bytes (a PDF header and noise), base64 as mail clients send it. */
function attachment(/** @type {() => number} */ random, /** @type {number} */ size, /** @type {string} */ name) {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(random() * 256);
  Buffer.from('%PDF-1.4\n').copy(bytes);
  return `Content-Type: application/pdf; name="${name}"\r\nContent-Disposition: attachment; filename="${name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(bytes)}\r\n`;
}

/**
 * @param {number} [count] messages (default 280: 40 of each encoding)
 * @param {number} [seed]
 * @returns {{ name: string, encoding: string, kind: string, bytes: Buffer }[]}
 */
function generateCorpus(count = 280, seed = 20261124) {
  const random = prng(seed);
  const corpus = [];
  for (let n = 0; n < count; n++) {
    const encoding = ENCODINGS[n % ENCODINGS.length] ?? 'qp-utf8';
    const kind = KINDS[Math.floor(n / ENCODINGS.length) % KINDS.length] ?? 'unrelated';
    const name = pick(random, NAMES);
    const order = orderNumber(random);
    const date = dateHeader(random);
    let from = 'Rakuten Service <service@rakuten.de>';
    let subject = `Nachricht Ihres Kunden zur Bestellung ${order}`;
    let text;
    if (kind.startsWith('forward') || kind === 'spoof') {
      text = forwardText({ order, name, message: customerMessage(random, kind === 'forward-closing', name, 400 + Math.floor(random() * 2600)) });
      if (kind === 'spoof') from = '"service@rakuten.de" <service@rakuten-de.example.org>';
    } else if (kind === 'notice') {
      subject = 'Wichtige Information zu Ihrem Shop';
      text = `Hallo Mustershop,\n\n${Array.from({ length: 6 + Math.floor(random() * 20) }, () => pick(random, FILLER)).join('\n')}\n\nIhr Rakuten Service-Team\n`;
    } else {
      from = `${name} <kunde${n}@example.org>`;
      subject = `Frage zu meiner Bestellung ${order}`;
      text = `Hallo,\n\n${customerMessage(random, false, name, 500 + Math.floor(random() * 2500))}\n`;
    }
    const headers = topHeaders(from, subject, date, n);
    let body;
    if (encoding === 'html-only') {
      const part = leaf('qp-utf8', asHtml(text), 'html');
      headers.push(.../** @type {[string, string][]} */ (part.headers));
      body = Buffer.from(part.body, 'latin1');
    } else if (encoding === 'alternative') {
      const boundary = `alt-${n}-boundary`;
      headers.push(['Content-Type', `multipart/alternative; boundary="${boundary}"`]);
      body = Buffer.from(
        `--${boundary}\r\n${partText(leaf('qp-utf8', text, 'plain'))}--${boundary}\r\n${partText(leaf('base64-utf8', asHtml(text), 'html'))}--${boundary}--`,
        'latin1',
      );
    } else if (encoding === 'mixed-attachments') {
      const boundary = `mixed-${n}-boundary`;
      headers.push(['Content-Type', `multipart/mixed; boundary="${boundary}"`]);
      body = Buffer.from(
        `--${boundary}\r\n${partText(leaf('qp-utf8', text, 'plain'))}--${boundary}\r\n${attachment(random, 600 + Math.floor(random() * 1400), `foto-${n}.pdf`)}--${boundary}--`,
        'latin1',
      );
    } else {
      const part = leaf(encoding, text, 'plain');
      headers.push(.../** @type {[string, string][]} */ (part.headers));
      body = Buffer.from(part.body, 'latin1');
    }
    corpus.push({ name: `${String(n).padStart(3, '0')}-${encoding}-${kind}.eml`, encoding, kind, bytes: mail(headers, body) });
  }
  return corpus;
}

module.exports = { generateCorpus, ENCODINGS, prng };

if (require.main === module) {
  const fs = require('node:fs');
  const path = require('node:path');
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: node bench/corpus.js OUTDIR  (writes the bench corpus as .eml files, to look at)\n');
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  for (const message of generateCorpus()) fs.writeFileSync(path.join(out, message.name), message.bytes);
}
