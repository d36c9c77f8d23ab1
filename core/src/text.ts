/**
 * Text clean-up shared by every reader. All of it is single-pass or indexOf-based: message bodies are
 * attacker-controlled, so nothing here may backtrack.
 */

/** What each odd character becomes: space-like ones a space, invisible and control ones nothing. */
function replacementFor(code: number): string | null {
  if (code === 0x09 || code === 0x0b || code === 0x0c || code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x3000) return ' ';
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  if ((code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff || code === 0xad) return '';
  if (code < 0x20 && code !== 0x0a && code !== 0x0d) return '';
  if (code === 0x7f) return '';
  return null;
}

/** Every character that replacementFor changes, and \r: a single character class, so the scan cannot backtrack. */
const ODD_CHARACTER = /[\0-\t\v-\x1f\x7f\xa0\xad\u2000-\u200d\u202f\u2060\u3000\ufeff]/g;

/**
 * Line breaks to \n, odd spaces (NBSP from HTML, tabs) to plain spaces, invisible characters gone.
 * One pass over the characters, so that whitespace-dense hostile input stays linear.
 */
export function normalizeText(input: string): string {
  // Decoded mail text rarely holds any of these. A native scan jumps from one to the next; where they come
  // thick (every few characters) the loop below takes over, whose cost does not depend on how many there are.
  ODD_CHARACTER.lastIndex = 0;
  let found = ODD_CHARACTER.exec(input);
  if (found === null) return input;
  const parts: string[] = [];
  let from = 0;
  while (found !== null) {
    const index = found.index;
    if (index - from < DENSE_GAP && from > 0) return normalizeFrom(input, index, parts, from);
    const replacement = replacementAt(input, index);
    if (index > from) parts.push(input.slice(from, index));
    if (replacement !== '') parts.push(replacement);
    from = index + 1;
    found = ODD_CHARACTER.exec(input);
  }
  parts.push(input.slice(from));
  return parts.join('');
}

/** Odd characters closer together than this are replaced by the character loop rather than by jumping. */
const DENSE_GAP = 16;

/** What the odd character at `index` becomes (ODD_CHARACTER matched there, so never null). */
function replacementAt(input: string, index: number): string {
  const code = input.charCodeAt(index);
  if (code === 0x0d) return input.charCodeAt(index + 1) === 0x0a ? '' : '\n';
  return replacementFor(code) ?? '';
}

/** The character loop: replaces every odd character from `start` on, after `parts` (which end at `from`). */
function normalizeFrom(input: string, start: number, parts: string[], initialFrom: number): string {
  let from = initialFrom;
  for (let index = start; index < input.length; index++) {
    const code = input.charCodeAt(index);
    let replacement: string | null;
    if (code === 0x0d) replacement = input.charCodeAt(index + 1) === 0x0a ? '' : '\n';
    else if (code < 0x20 || code === 0x7f || code === 0xa0 || code === 0xad || code >= 0x2000) replacement = replacementFor(code);
    else continue;
    if (replacement === null) continue;
    if (index > from) parts.push(input.slice(from, index));
    if (replacement !== '') parts.push(replacement);
    from = index + 1;
  }
  parts.push(input.slice(from));
  return parts.join('');
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', auml: 'ä', ouml: 'ö', uuml: 'ü',
  Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', euro: '€', ndash: '–', mdash: '—', hellip: '…',
  laquo: '«', raquo: '»', bdquo: '„', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', sbquo: '‚',
  eacute: 'é', egrave: 'è', agrave: 'à', copy: '©', reg: '®', shy: '\u00ad', zwnj: '', zwj: '',
};

export function decodeEntities(input: string): string {
  return input.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function dropBetween(input: string, open: string, close: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = input.indexOf(open, from);
    if (start < 0) break;
    out += input.slice(from, start);
    const end = input.indexOf(close, start + open.length);
    from = end < 0 ? input.length : end + close.length;
  }
  return out + input.slice(from);
}

/** Drops whole elements whose content is never text a person reads (scripts, styles, head). */
function dropElements(html: string, lower: string, tag: string): string {
  const open = `<${tag}`;
  const close = `</${tag}`;
  let out = '';
  let from = 0;
  for (;;) {
    const start = lower.indexOf(open, from);
    if (start < 0) break;
    out += html.slice(from, start);
    const end = lower.indexOf(close, start + open.length);
    if (end < 0) {
      from = html.length;
      break;
    }
    const gt = lower.indexOf('>', end);
    from = gt < 0 ? html.length : gt + 1;
  }
  return out + html.slice(from);
}

const ELEMENTS_WITHOUT_TEXT = ['script', 'style', 'head', 'title'];

/** Start and end tags of ELEMENTS_WITHOUT_TEXT, found case-insensitively without a lower-cased copy. */
const ELEMENT_TAGS: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/<script/gi, /<\/script/gi],
  [/<style/gi, /<\/style/gi],
  [/<head/gi, /<\/head/gi],
  [/<title/gi, /<\/title/gi],
];

function indexOfTag(pattern: RegExp, html: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(html)?.index ?? -1;
}

/**
 * dropElements for all four tags, searching the HTML itself: what the lower-cased copy found, for any text
 * in which no character changes length under toLowerCase (only İ does), and without making that copy.
 */
function dropElementsCaseless(html: string): string {
  let text = html;
  for (const [open, close] of ELEMENT_TAGS) {
    const openLength = open.source.length; // "<script": no escapes in the start patterns
    let start = indexOfTag(open, text, 0);
    if (start < 0) continue;
    let out = '';
    let from = 0;
    for (; start >= 0; start = indexOfTag(open, text, from)) {
      out += text.slice(from, start);
      const end = indexOfTag(close, text, start + openLength);
      if (end < 0) {
        from = text.length;
        break;
      }
      const gt = text.indexOf('>', end);
      from = gt < 0 ? text.length : gt + 1;
    }
    text = out + text.slice(from);
  }
  return text;
}

const BLOCK_BREAK = /<(?:br|\/p|\/div|\/tr|\/li|\/h[1-6]|\/table|\/blockquote|p|div|tr|li|hr)\b[^<>]*>/gi;

/** HTML body to plain text, the way a mail client would show it; no DOM, so it runs in Node and browsers alike. */
export function htmlToText(html: string): string {
  let text = html;
  if (!html.includes('\u0130')) {
    text = dropElementsCaseless(html);
  } else {
    // İ is the one character that grows under toLowerCase; then offsets in a lower-cased copy are not
    // offsets in the HTML. Kept as it always was: a fresh copy for each tag, its offsets used on the HTML.
    for (const tag of ELEMENTS_WITHOUT_TEXT) text = dropElements(text, text.toLowerCase(), tag);
  }
  text = dropBetween(text, '<!--', '-->');
  text = text.replace(/[\r\n]/g, ' ');
  text = text.replace(BLOCK_BREAK, '\n');
  text = text.replace(/<[^<>]*>/g, '');
  text = decodeEntities(text);
  // Runs of spaces never span a line break, so they are collapsed in one pass before the lines are trimmed.
  const spaced = normalizeText(text).replace(/ {2,}/g, ' ');
  // Each line trimmed. The only blanks normalizeText leaves are the space and the four below; without those
  // four, a single space on either side of a line break is all that trimming the lines can remove (the
  // text's own ends go with the final trim), and one replace does it without splitting the text.
  const trimmed = RARE_BLANK.test(spaced)
    ? spaced
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
    : spaced.replace(/ ?\n ?/g, '\n');
  return trimmed.replace(/\n{3,}/g, '\n\n').trim();
}

/** What trim() removes besides space and line feed once normalizeText has run (ogham space, LS, PS, MMSP). */
const RARE_BLANK = /[\u1680\u2028\u2029\u205f]/;
