#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Writes the .eml fixtures (core/test-fixtures/eml) and showcase mails (core/samples) byte for byte.
 * The .eml files are committed; this script documents how each one was built and lets them be
 * rebuilt after a wording change: `node core/test-fixtures/eml/generate.js`.
 * Transfer encodings are produced here, not by a mail library, so that the soft breaks, charsets and
 * line endings the tests pin are exactly where a real mail server would leave them.
 */
const fs = require('node:fs');
const path = require('node:path');

const FIXTURES = __dirname;
const SAMPLES = path.join(__dirname, '..', '..', 'samples');

// ---------- encodings ----------

/** CP1252 bytes 0x80–0x9F that differ from Latin-1; every other char must be Latin-1. */
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
    else throw new Error(`${char} is not in ${charset}`);
  }
  return Buffer.from(bytes);
}

/** Quoted-printable (RFC 2045 § 6.7): hard breaks as CRLF, soft breaks keep encoded lines within 76 chars. */
function quotedPrintable(/** @type {Buffer} */ bytes) {
  const lines = bytes.toString('latin1').split('\n');
  return lines
    .map((line) => {
      const tokens = [];
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        const last = i === line.length - 1;
        const literal = (code >= 33 && code <= 126 && code !== 61) || ((code === 32 || code === 9) && !last);
        tokens.push(literal ? line[i] : `=${code.toString(16).toUpperCase().padStart(2, '0')}`);
      }
      const out = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join('\r\n');
    })
    .join('\r\n');
}

function base64Lines(/** @type {Buffer} */ bytes) {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

/** RFC 2047 encoded word, B (base64) or Q (quoted-printable-like). */
function encodedWord(/** @type {string} */ text, /** @type {'B'|'Q'} */ kind, charset = 'UTF-8') {
  const bytes = encodeCharset(text, charset === 'UTF-8' ? 'utf8' : 'latin1');
  if (kind === 'B') return `=?${charset}?B?${bytes.toString('base64')}?=`;
  let q = '';
  for (const byte of bytes) {
    if (byte === 0x20) q += '_';
    else if ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x2d) q += String.fromCharCode(byte);
    else q += `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `=?${charset}?Q?${q}?=`;
}

/** Replaces `from` by `to` exactly once in encoded text; a miss means a fixture no longer pins what its name says. */
function placeOnce(/** @type {string} */ text, /** @type {string} */ from, /** @type {string} */ to) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// ---------- mail building ----------

/**
 * @typedef {[string, string][]} HeaderList
 * @param {HeaderList} headers @param {Buffer|string} body @param {'crlf'|'lf'} [eol]
 */
function mail(headers, body, eol = 'crlf') {
  const head = headers.map(([name, value]) => `${name}: ${value}`).join('\r\n') + '\r\n\r\n';
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body]);
  if (eol === 'crlf') return bytes;
  return Buffer.from(bytes.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
}

const SHOP_MX = 'mx.mustershop.de';

/** '20261124091500' (UTC) from a Date header value, the way many MTAs build Message-IDs. */
function messageStamp(/** @type {string} */ date) {
  return new Date(date).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** @param {string} date @param {string} id */
function relay(date, id, host = 'mout.rakuten.de', ip = '192.0.2.25') {
  return [
    ['Return-Path', '<service@rakuten.de>'],
    ['Received', `from ${host} (${host} [${ip}])\r\n\tby ${SHOP_MX} (Postfix) with ESMTPS id ${id}\r\n\tfor <info@mustershop.de>; ${date}`],
  ];
}

const AUTH_PASS =
  `${SHOP_MX};\r\n\tspf=pass smtp.mailfrom=rakuten.de;\r\n\tdkim=pass header.d=rakuten.de header.s=mail2024;\r\n\tdmarc=pass (p=REJECT) header.from=rakuten.de`;

/**
 * Headers of a genuine forward from service@rakuten.de.
 * @param {{date: string, subject: string, id: string, from?: string, content: HeaderList, auth?: string[]}} o
 * @returns {HeaderList}
 */
function genuineHeaders(o) {
  return [
    ...relay(o.date, o.id),
    ...(o.auth ?? [AUTH_PASS]).map((value) => /** @type {[string, string]} */ (['Authentication-Results', value])),
    ['Date', o.date],
    ['From', o.from ?? 'Rakuten Service <service@rakuten.de>'],
    ['To', 'info@mustershop.de'],
    ['Subject', o.subject],
    ['Message-ID', `<${messageStamp(o.date)}.${o.id}@mail.rakuten.de>`],
    ['MIME-Version', '1.0'],
    ...o.content,
  ];
}

/**
 * The forward as Rakuten words it (see the seller help page "Kundenanfragen beantworten").
 * @param {{order: string, name: string, message: string, end?: boolean, footer?: boolean, labels?: string}} o
 */
function forwardText(o) {
  const labels = o.labels ?? `Bestellnummer: ${o.order}\nKundenname: ${o.name}`;
  return [
    'Hallo Mustershop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    'Bitte antworten Sie zur Klärung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.',
    '',
    labels,
    '',
    `#### Weitergeleitete Nachricht des Kunden ${o.name} ####`,
    o.message,
    '',
    ...(o.end === false ? [] : ['#### Ende der weitergeleiteten Nachricht ####', '']),
    ...(o.footer === false ? [] : ['Mit freundlichen Grüßen', 'Ihr Rakuten Service-Team', '']),
  ].join('\n');
}

const QP_UTF8 = [
  ['Content-Type', 'text/plain; charset=UTF-8'],
  ['Content-Transfer-Encoding', 'quoted-printable'],
];

/** A genuine forward as UTF-8 quoted-printable text/plain: the most common shape. @returns {Buffer} */
function plainForward(/** @type {{date: string, subject?: string, id: string, order: string, name: string, message: string, end?: boolean, footer?: boolean, labels?: string, auth?: string[], from?: string}} */ o) {
  const text = forwardText(o);
  return mail(
    genuineHeaders({
      date: o.date,
      id: o.id,
      subject: o.subject ?? `Nachricht Ihres Kunden zur Bestellung ${o.order}`,
      content: /** @type {HeaderList} */ (QP_UTF8),
      ...(o.auth ? { auth: o.auth } : {}),
      ...(o.from ? { from: o.from } : {}),
    }),
    quotedPrintable(encodeCharset(text, 'utf8')) + '\r\n',
  );
}

/** A phishing mail that copies the forward layout from a sender that is not service@rakuten.de. */
function spoof(/** @type {{from: string, date: string, id: string, host: string, ip: string, mailfrom: string, fromHeaderRaw?: boolean}} */ o) {
  const text = forwardText({
    order: '123-456-789',
    name: 'Max Mustermann',
    message: 'Guten Tag,\nbitte bestätigen Sie Ihre Bankverbindung, sonst wird die Auszahlung gestoppt:\nhttp://rakuten-verifizierung.example/login\n\nMax Mustermann',
  });
  return mail(
    [
      ['Return-Path', `<bounce@${o.mailfrom}>`],
      ['Received', `from ${o.host} (${o.host} [${o.ip}])\r\n\tby ${SHOP_MX} (Postfix) with ESMTP id ${o.id}\r\n\tfor <info@mustershop.de>; ${o.date}`],
      ['Authentication-Results', `${SHOP_MX};\r\n\tspf=pass smtp.mailfrom=${o.mailfrom};\r\n\tdkim=none;\r\n\tdmarc=none header.from=${o.mailfrom}`],
      ['Date', o.date],
      ['From', o.from],
      ['To', 'info@mustershop.de'],
      ['Subject', 'Nachricht Ihres Kunden zur Bestellung 123-456-789'],
      ['Message-ID', `<${o.id}@${o.host}>`],
      ['MIME-Version', '1.0'],
      ...QP_UTF8,
    ],
    quotedPrintable(encodeCharset(text, 'utf8')) + '\r\n',
  );
}

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const PDF_MINI =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/** Deterministic bytes (xorshift32), so the "random binary" fixture is the same on every rebuild. */
function pseudoRandomBytes(/** @type {number} */ count, seed = 0x2f6b3a91) {
  const out = Buffer.alloc(count);
  let x = seed;
  for (let i = 0; i < count; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

// ---------- the fixtures ----------

/** @type {Record<string, () => Buffer>} */
const fixtures = {
  'qp-soft-breaks-in-order-number-and-end-marker.eml': () => {
    const text = forwardText({
      order: '123-456-789',
      name: 'Jürgen Weiß',
      message:
        'Guten Tag,\n\nich habe am Montag bestellt und noch keine Versandbestätigung erhalten. Können Sie mir bitte sagen, wann das Paket verschickt wird?\n\nViele Grüße\nJürgen Weiß',
    });
    let body = quotedPrintable(encodeCharset(text, 'utf8'));
    body = placeOnce(body, 'Bestellnummer: 123-456-789', 'Bestellnummer: 123-45=\r\n6-789');
    body = placeOnce(body, '#### Ende der weitergeleiteten Nachricht ####', '#### Ende der weitergeleiteten Nach=\r\nricht ####');
    // A soft break between the two bytes of one UTF-8 character: decoders must join before decoding.
    body = placeOnce(body, 'K=C3=B6nnen', 'K=C3=\r\n=B6nnen');
    const date = 'Tue, 24 Nov 2026 10:15:00 +0100';
    return mail(genuineHeaders({ date, id: '4F2A1C0D3E', subject: 'Nachricht Ihres Kunden zur Bestellung 123-456-789', content: /** @type {HeaderList} */ (QP_UTF8) }), body + '\r\n');
  },

  'base64-utf8-body.eml': () => {
    const text = forwardText({
      order: '234-567-890',
      name: 'Anna Schäfer',
      message:
        'Hallo,\n\nich möchte den Mantel (Größe M) zurückschicken. Liegt dem Paket ein Retourenschein bei oder muss ich ihn selbst ausdrucken?\n\nDanke und freundliche Grüße\nAnna Schäfer',
    });
    const date = 'Mon, 23 Nov 2026 08:30:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '7B1E9A2C44',
        subject: 'Nachricht Ihres Kunden zur Bestellung 234-567-890',
        content: [['Content-Type', 'text/plain; charset="utf-8"'], ['Content-Transfer-Encoding', 'base64']],
      }),
      base64Lines(Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')) + '\r\n',
    );
  },

  'iso-8859-1-quoted-printable-umlauts.eml': () => {
    const text = forwardText({
      order: '345-678-901',
      name: 'Björn Müller-Lüdenscheidt',
      message: 'Sehr geehrte Damen und Herren,\n\ndie Schuhe sind leider zu groß. Kann ich sie gegen Größe 44 umtauschen?\n\nMit freundlichen Grüßen\nBjörn Müller-Lüdenscheidt',
    });
    const date = 'Wed, 4 Nov 2026 14:05:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '2C3D4E5F60',
        subject: 'Nachricht Ihres Kunden zur Bestellung 345-678-901',
        content: [['Content-Type', 'text/plain; charset=ISO-8859-1'], ['Content-Transfer-Encoding', 'quoted-printable']],
      }),
      quotedPrintable(encodeCharset(text, 'latin1')) + '\r\n',
    );
  },

  'windows-1252-8bit-euro-and-german-quotes.eml': () => {
    const text = forwardText({
      order: '456-789-012',
      name: 'Renée Köhler',
      message:
        'Guten Abend,\n\nim Angebot stand „Versandkostenfrei ab 50 €“ – trotzdem wurden mir 4,95 € Versand berechnet. Bitte erstatten Sie mir den Betrag.\n\nRenée Köhler',
    });
    const date = 'Thu, 5 Nov 2026 09:00:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '9A8B7C6D5E',
        subject: 'Nachricht Ihres Kunden zur Bestellung 456-789-012',
        content: [['Content-Type', 'text/plain; charset=windows-1252'], ['Content-Transfer-Encoding', '8bit']],
      }),
      Buffer.concat([encodeCharset(text.replace(/\n/g, '\r\n'), 'cp1252'), Buffer.from('\r\n')]),
    );
  },

  'html-only-bold-label-nbsp-br.eml': () => {
    const html = [
      '<!DOCTYPE html>',
      '<html><head><meta charset="utf-8"><title>Nachricht Ihres Kunden</title><style>p{margin:0 0 1em}</style></head>',
      '<body style="font-family:Arial,sans-serif">',
      '<p>Hallo Mustershop,</p>',
      '<p>Anbei erhalten Sie eine Nachricht Ihres Kunden.<br>Bitte antworten Sie zur Kl&auml;rung direkt auf diese E-Mail. Ihre Antwort wird automatisch an Ihren Kunden weitergeleitet.</p>',
      '<p><b>Bestellnummer:</b>&nbsp;567-890-123<br><b>Kundenname:</b>&nbsp;Sabine Krause</p>',
      '<p>#### Weitergeleitete Nachricht des Kunden Sabine Krause ####<br>Hallo,<br>ist der Artikel auch in Blau lieferbar?<br>Danke!<br>#### Ende der weitergeleiteten Nachricht ####</p>',
      '<p>Mit freundlichen Gr&uuml;&szlig;en<br>Ihr Rakuten Service-Team</p>',
      '</body></html>',
    ].join('\n');
    const date = 'Mon, 2 Nov 2026 11:20:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '3E4F5A6B7C',
        subject: 'Nachricht Ihres Kunden zur Bestellung 567-890-123',
        content: [['Content-Type', 'text/html; charset=UTF-8'], ['Content-Transfer-Encoding', 'quoted-printable']],
      }),
      quotedPrintable(encodeCharset(html, 'utf8')) + '\r\n',
    );
  },

  'multipart-alternative-text-and-html.eml': () => {
    const message = 'Guten Tag,\nkönnen Sie die Lieferadresse noch ändern? Neue Adresse: Hauptstraße 5, 10115 Berlin.\nGruß Markus Wolf';
    const text = forwardText({ order: '678-901-234', name: 'Markus Wolf', message });
    const html =
      '<html><body><p>Hallo Mustershop,</p><p>Anbei erhalten Sie eine Nachricht Ihres Kunden.</p>' +
      '<p>Bestellnummer: 678-901-234<br>Kundenname: Markus Wolf</p>' +
      `<p>#### Weitergeleitete Nachricht des Kunden Markus Wolf ####<br>${message.replace(/\n/g, '<br>')}<br>#### Ende der weitergeleiteten Nachricht ####</p></body></html>`;
    const boundary = '----=_Part_118422_1739025231.1762161900000';
    const body = [
      'This is a multi-part message in MIME format.',
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(encodeCharset(text, 'utf8')),
      `--${boundary}`,
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(encodeCharset(html, 'utf8')),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const date = 'Tue, 3 Nov 2026 16:45:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '5A6B7C8D9E',
        subject: 'Nachricht Ihres Kunden zur Bestellung 678-901-234',
        content: [['Content-Type', `multipart/alternative;\r\n\tboundary="${boundary}"`]],
      }),
      body,
    );
  },

  'multipart-mixed-pdf-and-png-attachments.eml': () => {
    const text = forwardText({
      order: '789-012-345',
      name: 'Claudia Neumann',
      message: 'Hallo,\ndie Vase kam zerbrochen an. Ein Foto und die Rechnung hänge ich an. Wie geht es jetzt weiter?\nClaudia Neumann',
    });
    const boundary = 'b1_7d0c5e3f9a2b4c6d8e0f1a2b3c4d5e6f';
    const body = [
      `--${boundary}`,
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(encodeCharset(text, 'utf8')),
      `--${boundary}`,
      'Content-Type: image/png; name="vase.png"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="vase.png"',
      '',
      PNG_1X1,
      `--${boundary}`,
      'Content-Type: application/pdf; name="Rechnung_789-012-345.pdf"',
      'Content-Transfer-Encoding: base64',
      'Content-Disposition: attachment; filename="Rechnung_789-012-345.pdf"',
      '',
      base64Lines(Buffer.from(PDF_MINI, 'latin1')),
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const date = 'Tue, 10 Nov 2026 07:55:00 +0100';
    return mail(
      genuineHeaders({
        date,
        id: '6B7C8D9EAF',
        subject: 'Nachricht Ihres Kunden zur Bestellung 789-012-345',
        content: [['Content-Type', `multipart/mixed; boundary="${boundary}"`]],
      }),
      body,
    );
  },

  'rfc2047-q-subject-and-b-from-name.eml': () => {
    return plainForward({
      date: 'Mon, 16 Nov 2026 13:00:00 +0100',
      id: '8D9EAFB0C1',
      subject: encodedWord('Nachricht Ihres Kunden zur Bestellung 890-123-456 – Rückfrage', 'Q'),
      from: `${encodedWord('Rakuten.de Händlerservice', 'B')} <service@rakuten.de>`,
      order: '890-123-456',
      name: 'Stefan Hoffmann',
      message: 'Hallo,\ngibt es zu dem Drucker auch passende Patronen in Ihrem Shop?\nStefan Hoffmann',
    });
  },

  'crlf-line-endings-question.eml': () => crlfQuestion(),
  'lf-line-endings-question.eml': () => Buffer.from(crlfQuestion().toString('latin1').replace(/\r\n/g, '\n'), 'latin1'),

  'nbsp-and-tab-after-label.eml': () =>
    plainForward({
      date: 'Thu, 12 Nov 2026 10:00:00 +0100',
      id: 'A1B2C3D4E5',
      order: '112-233-445',
      name: 'Thomas Becker',
      labels: 'Bestellnummer:\u00a0112-233-445\nKundenname:\tThomas Becker',
      message: 'Hallo,\nist die Rechnung schon unterwegs? Ich finde sie nicht in meinem Kundenkonto.',
    }),

  'value-on-line-after-label.eml': () =>
    plainForward({
      date: 'Mon, 9 Nov 2026 12:00:00 +0100',
      id: 'B2C3D4E5F6',
      order: '223-344-556',
      name: 'Lena Vogel',
      labels: 'Bestellnummer:\n223-344-556\nKundenname:\nLena Vogel',
      message: 'Ich habe eine Frage zur Garantie: Gilt sie zwei Jahre?',
    }),

  'order-number-unusual-shape.eml': () =>
    plainForward({
      date: 'Fri, 6 Nov 2026 15:30:00 +0100',
      id: 'C3D4E5F6A7',
      order: '1234-5678-90',
      name: 'Frank Richter',
      message: 'Hallo, wo bleibt meine Lieferung?',
    }),

  'end-marker-missing.eml': () =>
    plainForward({
      date: 'Tue, 17 Nov 2026 08:00:00 +0100',
      id: 'D4E5F6A7B8',
      order: '334-455-667',
      name: 'Monika Schulz',
      message: 'Guten Tag,\nich habe zwei Artikel bestellt, aber nur einen erhalten. Bitte prüfen Sie das.',
      end: false,
      footer: false,
    }),

  'fake-end-marker-in-customer-text.eml': () =>
    plainForward({
      date: 'Wed, 11 Nov 2026 19:45:00 +0100',
      id: 'E5F6A7B8C9',
      order: '445-566-778',
      name: 'Uwe Zimmermann',
      message:
        'Hallo,\nbitte stornieren Sie meine Bestellung.\n#### Ende der weitergeleiteten Nachricht ####\n\nHinweis von Rakuten: Bitte überweisen Sie die Erstattung an IBAN DE00 1234 5678 9012 3456 78.',
    }),

  'older-forward-quoted-below.eml': () => {
    const newest = forwardText({
      order: '556-677-889',
      name: 'Petra Schmidt',
      message: 'Danke für die Antwort. Können Sie mir noch die Sendungsnummer schicken?',
    });
    const older = forwardText({ order: '556-677-889', name: 'Petra Schmidt', message: 'Wo bleibt meine Bestellung?' });
    const text = [
      newest,
      '-----Ursprüngliche Nachricht-----',
      'Von: Rakuten Service <service@rakuten.de>',
      'Gesendet: Montag, 2. November 2026 09:12',
      'An: info@mustershop.de',
      'Betreff: Nachricht Ihres Kunden zur Bestellung 556-677-889',
      '',
      ...older.split('\n').map((line) => (line === '' ? '>' : `> ${line}`)),
    ].join('\n');
    const date = 'Wed, 4 Nov 2026 10:30:00 +0100';
    return mail(
      genuineHeaders({ date, id: 'F6A7B8C9D0', subject: 'Nachricht Ihres Kunden zur Bestellung 556-677-889', content: /** @type {HeaderList} */ (QP_UTF8) }),
      quotedPrintable(encodeCharset(text, 'utf8')) + '\r\n',
    );
  },

  'closing-only-hat-sich-erledigt.eml': () =>
    plainForward({
      date: 'Thu, 26 Nov 2026 17:10:00 +0100',
      id: 'A7B8C9D0E1',
      order: '667-788-990',
      name: 'Heike Lang',
      message: 'Hat sich erledigt, danke',
    }),

  'english-customer.eml': () =>
    plainForward({
      date: 'Mon, 30 Nov 2026 10:00:00 +0100',
      id: 'B8C9D0E1F2',
      order: '778-899-001',
      name: 'John Smith',
      message: 'Hello,\n\nI ordered two items but only received one. Could you please check what happened?\n\nThanks,\nJohn Smith',
    }),

  'received-friday-before-dst-switch.eml': () =>
    plainForward({
      date: 'Fri, 27 Mar 2026 16:00:00 +0100',
      id: 'C9D0E1F2A3',
      order: '889-900-112',
      name: 'Sven Krüger',
      message: 'Kommt die Lieferung noch vor Ostern an?',
    }),

  'received-day-before-fronleichnam.eml': () =>
    plainForward({
      date: 'Wed, 3 Jun 2026 10:00:00 +0200',
      id: 'D0E1F2A3B4',
      order: '990-011-223',
      name: 'Maria Keller',
      message: 'Können Sie mir eine Rechnung mit ausgewiesener MwSt. schicken?',
    }),

  'received-on-saturday.eml': () =>
    plainForward({
      date: 'Sat, 28 Nov 2026 11:00:00 +0100',
      id: 'E1F2A3B4C5',
      order: '101-202-303',
      name: 'Jan Peters',
      message: 'Ist der Gutschein auch für reduzierte Artikel gültig?',
    }),

  'date-header-missing.eml': () => {
    const full = plainForward({
      date: 'Tue, 24 Nov 2026 10:15:00 +0100',
      id: 'F2A3B4C5D6',
      order: '202-303-404',
      name: 'Olga Wagner',
      message: 'Wann kommt mein Paket?',
    }).toString('latin1');
    return Buffer.from(placeOnce(full, 'Date: Tue, 24 Nov 2026 10:15:00 +0100\r\n', ''), 'latin1');
  },

  'date-header-unparseable.eml': () => {
    const full = plainForward({
      date: 'Tue, 24 Nov 2026 10:15:00 +0100',
      id: 'A3B4C5D6E7',
      order: '303-404-505',
      name: 'Paul Fischer',
      message: 'Wann kommt mein Paket?',
    }).toString('latin1');
    return Buffer.from(placeOnce(full, 'Date: Tue, 24 Nov 2026 10:15:00 +0100\r\n', 'Date: irgendwann im November 123\r\n'), 'latin1');
  },

  'spoof-display-name-is-rakuten-address.eml': () =>
    spoof({ from: '"service@rakuten.de" <x@evil.example>', date: 'Tue, 24 Nov 2026 11:02:13 +0100', id: 'SP1A2B3C4D', host: 'smtp.evil.example', ip: '198.51.100.77', mailfrom: 'evil.example' }),

  'spoof-display-name-rfc2047-encoded.eml': () =>
    spoof({ from: `${encodedWord('service@rakuten.de', 'Q')} <support@evil.example>`, date: 'Tue, 24 Nov 2026 11:05:00 +0100', id: 'SP2B3C4D5E', host: 'smtp.evil.example', ip: '198.51.100.77', mailfrom: 'evil.example' }),

  'spoof-subdomain-rakuten.de.example.com.eml': () =>
    spoof({ from: 'Rakuten Service <service@rakuten.de.example.com>', date: 'Wed, 25 Nov 2026 08:12:44 +0100', id: 'SP3C4D5E6F', host: 'mail.example.com', ip: '198.51.100.12', mailfrom: 'rakuten.de.example.com' }),

  'spoof-lookalike-rakuten-de.com.eml': () =>
    spoof({ from: 'Kundenservice <service@rakuten-de.com>', date: 'Wed, 10 Jun 2026 09:41:07 +0200', id: 'SP4D5E6F7A', host: 'mx1.rakuten-de.com', ip: '203.0.113.45', mailfrom: 'rakuten-de.com' }),

  'spoof-cyrillic-a-utf8-header.eml': () =>
    spoof({ from: 'Rakuten Service <service@r\u0430kuten.de>', date: 'Thu, 11 Jun 2026 14:20:00 +0200', id: 'SP5E6F7A8B', host: 'mail.xn--rkuten-3nf.de', ip: '203.0.113.99', mailfrom: 'xn--rkuten-3nf.de' }),

  'spoof-cyrillic-a-idn-punycode.eml': () =>
    spoof({ from: 'Kundenservice <service@xn--rkuten-3nf.de>', date: 'Thu, 11 Jun 2026 14:25:00 +0200', id: 'SP6F7A8B9C', host: 'mail.xn--rkuten-3nf.de', ip: '203.0.113.99', mailfrom: 'xn--rkuten-3nf.de' }),

  'spoof-two-from-headers.eml': () => {
    const full = spoof({ from: 'Rakuten Service <service@rakuten.de>', date: 'Thu, 12 Nov 2026 16:00:00 +0100', id: 'SP7A8B9C0D', host: 'smtp.evil.example', ip: '198.51.100.77', mailfrom: 'evil.example' }).toString('latin1');
    return Buffer.from(placeOnce(full, 'To: info@mustershop.de\r\n', 'From: <x@evil.example>\r\nTo: info@mustershop.de\r\n'), 'latin1');
  },

  'spoof-genuine-from-dmarc-fail.eml': () =>
    plainForward({
      date: 'Mon, 23 Nov 2026 21:03:00 +0100',
      id: 'SP8B9C0D1E',
      auth: [`${SHOP_MX}; arc=none`, `${SHOP_MX};\r\n\tspf=fail smtp.mailfrom=rakuten.de;\r\n\tdkim=none (message not signed);\r\n\tdmarc=fail (p=REJECT) header.from=rakuten.de`],
      order: '123-456-789',
      name: 'Max Mustermann',
      message: 'Bitte senden Sie die Ware an meine neue Adresse: Postfach 12, 99999 Irgendwo.',
    }),

  'rakuten-notice-without-forward.eml': () => rakutenNotice(),
  'unrelated-shop-mail.eml': () => unrelatedMail(),

  'empty-file.eml': () => Buffer.alloc(0),
  'random-binary-not-a-mail.eml': () => pseudoRandomBytes(2048),
  'plain-text-without-headers-not-a-mail.eml': () =>
    Buffer.from('Bestellnummer: 123-456-789\nKundenname: Max Mustermann\n\nNur ein kopierter Text, keine E-Mail.\n', 'utf8'),
};

function crlfQuestion() {
  return plainForward({
    date: 'Wed, 25 Nov 2026 09:30:00 +0100',
    id: 'C5D6E7F8A9',
    order: '901-234-567',
    name: 'Katrin Braun',
    message: 'Guten Morgen,\nwann wird meine Bestellung geliefert? Ich brauche sie bis Freitag.\nDanke\nKatrin Braun',
  });
}

function rakutenNotice() {
  const text = [
    'Hallo Mustershop,',
    '',
    'die folgende Bestellung wurde vom Kunden storniert:',
    '',
    'Bestellnummer: 123-456-789',
    'Stornodatum: 23.11.2026',
    '',
    'Sie müssen nichts weiter tun; der Betrag wird nicht abgerechnet.',
    '',
    'Mit freundlichen Grüßen',
    'Ihr Rakuten Service-Team',
    '',
  ].join('\n');
  const date = 'Mon, 23 Nov 2026 14:00:00 +0100';
  return mail(
    genuineHeaders({ date, id: 'NO1A2B3C4D', subject: 'Stornierung der Bestellung 123-456-789', content: /** @type {HeaderList} */ (QP_UTF8) }),
    quotedPrintable(encodeCharset(text, 'utf8')) + '\r\n',
  );
}

function unrelatedMail() {
  const text = 'Guten Tag,\n\nIhre Nachbestellung Nr. 2026-1187 (40 Vasen, Artikel 8812) wurde heute versandt.\nSendungsnummer: 00340434161234567890\n\nViele Grüße\nGroßhandel Beispiel GmbH\n';
  const date = 'Tue, 24 Nov 2026 13:37:00 +0100';
  return mail(
    [
      ['Return-Path', '<bestellung@grosshandel-beispiel.de>'],
      ['Received', `from mail.grosshandel-beispiel.de (mail.grosshandel-beispiel.de [198.51.100.20])\r\n\tby ${SHOP_MX} (Postfix) with ESMTPS id UN1A2B3C4D\r\n\tfor <info@mustershop.de>; ${date}`],
      ['Authentication-Results', `${SHOP_MX};\r\n\tspf=pass smtp.mailfrom=grosshandel-beispiel.de;\r\n\tdkim=pass header.d=grosshandel-beispiel.de`],
      ['Date', date],
      ['From', `${encodedWord('Großhandel Beispiel GmbH', 'Q')} <bestellung@grosshandel-beispiel.de>`],
      ['To', 'info@mustershop.de'],
      ['Subject', 'Versandbestätigung Nachbestellung 2026-1187'],
      ['Message-ID', '<20261124133700.UN1A2B3C4D@grosshandel-beispiel.de>'],
      ['MIME-Version', '1.0'],
      ...QP_UTF8,
    ],
    quotedPrintable(encodeCharset(text, 'utf8')) + '\r\n',
  );
}

/** @type {Record<string, () => Buffer>} */
const samples = {
  '01-frage-lieferzeit.eml': () =>
    plainForward({
      date: 'Tue, 24 Nov 2026 10:15:00 +0100',
      id: 'SA1B2C3D4E',
      order: '123-456-789',
      name: 'Erika Mustermann',
      message: 'Guten Tag,\nich habe vor einer Woche bestellt. Wann wird mein Paket verschickt?\n\nViele Grüße\nErika Mustermann',
    }),
  '02-hat-sich-erledigt.eml': () =>
    plainForward({
      date: 'Wed, 25 Nov 2026 16:40:00 +0100',
      id: 'SA2C3D4E5F',
      order: '123-456-789',
      name: 'Erika Mustermann',
      message: 'Hat sich erledigt, danke',
    }),
  '03-spoof-absendername.eml': fixtures['spoof-display-name-is-rakuten-address.eml'] ?? (() => Buffer.alloc(0)),
  '04-rakuten-hinweis.eml': rakutenNotice,
  '05-fremde-mail.eml': unrelatedMail,
  '06-english-customer.eml': fixtures['english-customer.eml'] ?? (() => Buffer.alloc(0)),
};

for (const [directory, files] of [[FIXTURES, fixtures], [SAMPLES, samples]]) {
  fs.mkdirSync(/** @type {string} */ (directory), { recursive: true });
  for (const [name, build] of Object.entries(/** @type {Record<string, () => Buffer>} */ (files))) {
    fs.writeFileSync(path.join(/** @type {string} */ (directory), name), build());
  }
}
process.stdout.write(`wrote ${Object.keys(fixtures).length} fixtures and ${Object.keys(samples).length} samples\n`);
