#!/usr/bin/env node
// @ts-check
'use strict';
/**
 * Hostile inputs for the CLI, each named after what it pins, with the answer it must get.
 *
 *   node core/test-fixtures/hostile/generate.js              rewrites the small fixtures committed here
 *   node core/test-fixtures/hostile/generate.js --out DIR    writes every case that is not committed into DIR
 *                                                            and prints the manifest (all cases, in batch
 *                                                            order, with paths and expectations) as JSON
 *
 * The big ones (20 MB, 1 MB of random bytes, 2 MB lines, 50 000 addresses, 500 nested multiparts) are
 * never committed: they are built here, byte for byte the same on every run (fixed seed, no clock).
 * core/src/hostile.test.ts runs the real CLI over the whole batch.
 */
const fs = require('node:fs');
const path = require('node:path');

const HERE = __dirname;
const SEED = 0x5eed2026;

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(/** @type {number} */ seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = '#### Weitergeleitete Nachricht des Kunden';
const END = '#### Ende der weitergeleiteten Nachricht ####';
const ORDER = '123-456-789';

/** Headers of a genuine forward; the tests need the analysis to go all the way, so the sender is genuine. */
function headers(/** @type {string} */ contentType = 'text/plain; charset=UTF-8', extra = '') {
  return [
    'Return-Path: <service@rakuten.de>',
    'Date: Tue, 24 Nov 2026 10:15:00 +0100',
    'From: Rakuten Service <service@rakuten.de>',
    'To: info@mustershop.de',
    `Subject: Nachricht Ihres Kunden zur Bestellung ${ORDER}`,
    'Message-ID: <hostile.20261124@mail.rakuten.de>',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
    ...(extra ? [extra] : []),
    '',
    '',
  ].join('\r\n');
}

/** A forward whose customer text is `message`; `labels` replaces the two label lines when given. */
function forward(/** @type {string} */ message, /** @type {{labels?: string, end?: boolean}} */ o = {}) {
  const labels = o.labels ?? `Bestellnummer: ${ORDER}\r\nKundenname: Max Mustermann`;
  return [
    'Hallo Mustershop,',
    '',
    'Anbei erhalten Sie eine Nachricht Ihres Kunden.',
    '',
    labels,
    '',
    `${START} Max Mustermann ####`,
    message,
    ...(o.end === false ? [] : [END]),
    '',
  ].join('\r\n');
}

const fill = (/** @type {string} */ unit, /** @type {number} */ size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The answer for a genuine forward that was read all the way: kind, order number, sender. */
const GENUINE = { kind: 'customer-forward', replyTo: 'service@rakuten.de', sender: { address: 'service@rakuten.de' } };

/**
 * @typedef {{ error: string } | Record<string, unknown>} Expect
 * @typedef {{ name: string, pins: string, committed: boolean, expect: Expect, flags?: string[],
 *             build?: () => Buffer | string, kind?: 'file' | 'directory' | 'missing' }} Case
 * @type {Case[]}
 */
const CASES = [
  {
    name: 'empty-file.eml',
    pins: 'a file of zero bytes is an empty-input error, not a crash or an empty analysis',
    committed: true,
    build: () => '',
    expect: { error: 'empty-input' },
  },
  {
    name: 'random-bytes-1mb.bin',
    pins: '1 MB of random bytes is refused as not-a-mail before any parsing',
    committed: false,
    build: () => {
      const random = prng(SEED);
      const bytes = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      return bytes;
    },
    expect: { error: 'not-a-mail' },
  },
  {
    name: 'body-20mb-with-valid-forward.eml',
    pins: 'a 20 MB body (under the 25 MB cap) is read: the forward on top is found, the rest is cut and flagged',
    committed: false,
    build: () =>
      headers() +
      forward('Wo bleibt mein Paket?') +
      fill('> Zitat aus einer alten Nachricht, Zeile um Zeile, damit der Text lang wird.\r\n', 20 * 1024 * 1024),
    expect: { ...GENUINE, orderNumber: ORDER, customerName: 'Max Mustermann', customerMessage: 'Wo bleibt mein Paket?', closingOnly: false },
    flags: ['input-truncated'],
  },
  {
    name: 'single-line-2mb-in-body.eml',
    pins: 'a 2 MB line (RFC 5322 allows 998 bytes) is refused by maxLineBytes before parsing',
    committed: false,
    build: () => headers() + forward(fill('Sehr langer Text ohne Zeilenumbruch ', 2 * 1024 * 1024)),
    expect: { error: 'too-large' },
  },
  {
    name: 'single-line-2mb-whole-file.eml',
    pins: 'a whole file that is one 2 MB header line is refused (header block over maxHeaderBytes)',
    committed: false,
    build: () => `Subject: ${fill('x', 2 * 1024 * 1024)}`,
    expect: { error: 'too-large' },
  },
  {
    name: 'single-line-900kb-customer-message.eml',
    pins: 'a line just under maxLineBytes is analysed, in linear time',
    committed: false,
    build: () => headers() + forward(fill('Bitte um Rueckruf wegen der Lieferung ', 900 * 1024)),
    expect: { ...GENUINE, orderNumber: ORDER, closingOnly: false },
  },
  {
    name: 'redos-300000-spaces-after-bestellnummer.eml',
    pins: '300 000 spaces after the order label: no backtracking, the label counts as empty',
    committed: false,
    build: () => headers() + forward('Wo bleibt mein Paket?', { labels: `Bestellnummer:${' '.repeat(300_000)}\r\nKundenname: Max Mustermann` }),
    expect: { ...GENUINE, orderNumber: null, customerName: 'Max Mustermann', customerMessage: 'Wo bleibt mein Paket?' },
    flags: ['order-number-missing'],
  },
  {
    name: 'redos-300000-spaces-then-order-number.eml',
    pins: '300 000 spaces between the order label and its value: the value is still found',
    committed: false,
    build: () => headers() + forward('Wo bleibt mein Paket?', { labels: `Bestellnummer:${' '.repeat(300_000)}${ORDER}\r\nKundenname: Max Mustermann` }),
    expect: { ...GENUINE, orderNumber: ORDER, orderNumberWellFormed: true },
  },
  {
    name: 'redos-long-run-of-1-dash.eml',
    pins: '"1-1-1-…" (150 000 times) as order number and message: the dash clean-up stays linear',
    committed: false,
    build: () =>
      headers() + forward(fill('1-', 300_000), { labels: `Bestellnummer: ${fill('1 - ', 200_000)}\r\nKundenname: Max Mustermann` }),
    expect: { ...GENUINE, orderNumberWellFormed: false },
    flags: ['order-number-unusual-shape'],
  },
  {
    name: 'redos-long-run-of-hashes.eml',
    pins: '300 000 "#" (the marker character) in the label line and the message',
    committed: false,
    build: () => headers() + forward(fill('#', 300_000), { labels: `Bestellnummer: ${fill('#', 300_000)}\r\nKundenname: ${fill('#', 1000)}` }),
    expect: { ...GENUINE },
  },
  {
    name: 'redos-long-run-of-dashes.eml',
    pins: '300 000 "-" on one line (a separator line to the history reader)',
    committed: false,
    build: () => headers() + forward(fill('-', 300_000)),
    expect: { ...GENUINE, orderNumber: ORDER, closingOnly: false },
  },
  {
    name: 'redos-danke-repeated.eml',
    pins: '"danke " 50 000 times: the closing classifier gives up by length, not by time',
    committed: false,
    build: () => headers() + forward(fill('danke ', 300_000)),
    expect: { ...GENUINE, orderNumber: ORDER, closingOnly: false },
  },
  {
    name: 'redos-danke-just-under-classifier-limit.eml',
    pins: '"danke " up to just under the classifier\'s 20 000 characters: read and judged in full',
    committed: false,
    build: () => headers() + forward(fill('danke ', 19_990).trim()),
    expect: { ...GENUINE, orderNumber: ORDER, closingOnly: false },
  },
  {
    name: 'redos-unterminated-start-marker.eml',
    pins: 'a start marker without its closing "####", followed by 300 000 characters without a line break',
    committed: false,
    build: () =>
      headers() + ['Bestellnummer: 123-456-789', 'Kundenname: Max Mustermann', '', `${START} ${fill('Max Mustermann ', 300_000)}`, ''].join('\r\n'),
    expect: { ...GENUINE, orderNumber: ORDER },
    flags: ['end-marker-missing'],
  },
  {
    name: 'redos-start-marker-repeated.eml',
    pins: '7 000 start markers in a row (each one a possible new header block)',
    committed: false,
    build: () => headers() + ['Bestellnummer: 123-456-789', 'Kundenname: Max Mustermann', '', fill(`${START} `, 300_000), ''].join('\r\n'),
    expect: { ...GENUINE, orderNumber: ORDER },
  },
  {
    name: 'redos-html-unclosed-tags-and-entities.eml',
    pins: 'HTML-only body of 300 000 characters: labels on lines of their own amid unclosed tags and broken entities',
    committed: false,
    build: () =>
      headers('text/html; charset=UTF-8') +
      fill('<br><b>Bestellnummer:</b>&nbsp;123-456-789<br><b>Kundenname:</b>&nbsp;Max<p a &#x12 &#99999999; <', 300_000) +
      '\r\n',
    expect: { ...GENUINE, orderNumber: ORDER },
  },
  {
    name: 'redos-html-unclosed-comment-and-script.eml',
    pins: 'an unclosed <!-- and <script swallow the rest of an HTML-only body: a notice, not a hang',
    committed: false,
    build: () => headers('text/html; charset=UTF-8') + fill('<p a<!--&#x12<script <b>Bestellnummer:</b>&nbsp;<br><b>Kundenname:</b>', 300_000) + '\r\n',
    expect: { kind: 'rakuten-notice' },
  },
  {
    name: 'mime-nested-500-deep.eml',
    pins: '500 nested multipart/mixed parts are refused by maxMimeDepth in one scan, before mailparser',
    committed: false,
    build: () => {
      let open = '';
      let close = '';
      for (let i = 0; i < 500; i++) {
        open += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
        close = `\r\n--b${i + 1}--\r\n${close}`;
      }
      return `${headers('multipart/mixed; boundary="b0"')}${open}--b500\r\nContent-Type: text/plain\r\n\r\nHallo${close}\r\n--b0--\r\n`;
    },
    expect: { error: 'too-large', messageIncludes: 'nested more than' },
  },
  {
    name: 'mime-nested-500-deep-message-rfc822.eml',
    pins: '500 message/rfc822 parts inside each other (no boundaries at all) are refused by maxMimeDepth',
    committed: false,
    build: () =>
      headers('message/rfc822') + 'From: a@example.com\r\nContent-Type: message/rfc822\r\n\r\n'.repeat(500) + 'From: a@example.com\r\n\r\nHallo\r\n',
    expect: { error: 'too-large', messageIncludes: 'nested more than' },
  },
  {
    name: 'from-header-50000-addresses.eml',
    pins: 'a From field with 50 000 addresses is refused by maxAddressesPerField before parsing',
    committed: false,
    build: () =>
      `From: ${Array.from({ length: 50_000 }, (_, i) => `kunde${i}@example.com`).join(', ')}\r\nSubject: Viele Absender\r\n\r\nHallo\r\n`,
    expect: { error: 'too-large', messageIncludes: 'addresses' },
  },
  {
    name: 'invalid-utf8-and-nul-bytes-in-body.eml',
    pins: 'invalid UTF-8 sequences and NUL bytes in a body declared UTF-8: decoded with U+FFFD, NULs dropped, analysed',
    committed: true,
    // Strings are written as latin1, so each \xNN below is one raw byte: a truncated sequence, bytes that
    // never occur in UTF-8, a lone continuation byte, an overlong "/", a UTF-16 surrogate, a code point
    // above U+10FFFF; and NUL bytes around them.
    build: () =>
      headers('text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit') +
      forward('Wo bleibt mein Paket?\u0000\u0000 \xc3\x28 \xff\xfe \x80 \xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80 Ende\u0000'),
    expect: { ...GENUINE, orderNumber: ORDER, customerName: 'Max Mustermann' },
  },
  {
    name: 'nul-byte-in-header-not-a-mail.eml',
    pins: 'a NUL byte in the header block marks binary data: not-a-mail',
    committed: true,
    build: () => 'From: service@rakuten.de\r\nSubject: bin\u0000r\r\n\r\nHallo\r\n',
    expect: { error: 'not-a-mail' },
  },
  {
    name: 'a-directory.eml',
    pins: 'a directory given as a file is an is-a-directory error',
    committed: false,
    kind: 'directory',
    expect: { error: 'is-a-directory' },
  },
  {
    name: 'missing-file.eml',
    pins: 'a file that does not exist is a not-found error, and the batch goes on',
    committed: false,
    kind: 'missing',
    expect: { error: 'not-found' },
  },
];

/** The bytes of a case: strings are latin1, so that "\xff" in a builder is the byte 0xFF. */
function bytesOf(/** @type {Case} */ entry) {
  const built = entry.build ? entry.build() : '';
  return typeof built === 'string' ? Buffer.from(built, 'latin1') : built;
}

/** Writes the committed fixtures next to this script. */
function writeCommitted() {
  for (const entry of CASES.filter((c) => c.committed)) fs.writeFileSync(path.join(HERE, entry.name), bytesOf(entry));
}

/** Writes every case that is not committed into `out`; returns the manifest in batch order. */
function writeAll(/** @type {string} */ out) {
  fs.mkdirSync(out, { recursive: true });
  return CASES.map((entry) => {
    const file = entry.committed ? path.join(HERE, entry.name) : path.join(out, entry.name);
    if (!entry.committed) {
      if (entry.kind === 'directory') fs.mkdirSync(file, { recursive: true });
      else if (entry.kind === 'missing') fs.rmSync(file, { force: true, recursive: true });
      else fs.writeFileSync(file, bytesOf(entry));
    }
    return { name: entry.name, file, pins: entry.pins, committed: entry.committed, expect: entry.expect, flags: entry.flags ?? [] };
  });
}

module.exports = { CASES, bytesOf, writeAll, writeCommitted };

if (require.main === module) {
  const outAt = process.argv.indexOf('--out');
  if (outAt >= 0) {
    const out = process.argv[outAt + 1];
    if (!out) {
      process.stderr.write('usage: generate.js [--out DIR]\n');
      process.exit(2);
    }
    process.stdout.write(`${JSON.stringify({ cases: writeAll(path.resolve(out)) })}\n`);
  } else {
    writeCommitted();
  }
}
