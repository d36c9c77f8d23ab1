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

/**
 * Start tags of the elements whose content is never text a person reads: scripts, styles, the head and the
 * title. The name must end there: <header> and <titles> are not among them.
 */
const HIDDEN_START = /<(script|style|head|title)(?![\w-])/gi;
const HIDDEN_END: Readonly<Record<string, RegExp>> = {
  script: /<\/script(?![\w-])/gi,
  style: /<\/style(?![\w-])/gi,
  head: /<\/head(?![\w-])/gi,
  title: /<\/title(?![\w-])/gi,
};

/**
 * The HTML without those elements, each from its start tag to the ">" of its end tag; one without an end
 * tag hides the rest. One scan for all four, each search starting where the last one ended: linear.
 */
function dropHiddenElements(html: string): string {
  HIDDEN_START.lastIndex = 0;
  let found = HIDDEN_START.exec(html);
  if (found === null) return html;
  const parts: string[] = [];
  let from = 0;
  while (found !== null) {
    parts.push(html.slice(from, found.index));
    const end = HIDDEN_END[(found[1] ?? '').toLowerCase()];
    if (end === undefined) break; // cannot happen: the pattern names only these four
    end.lastIndex = HIDDEN_START.lastIndex;
    const close = end.exec(html);
    const gt = close === null ? -1 : html.indexOf('>', end.lastIndex);
    from = gt < 0 ? html.length : gt + 1;
    if (from === html.length) break;
    HIDDEN_START.lastIndex = from;
    found = HIDDEN_START.exec(html);
  }
  parts.push(html.slice(from));
  return parts.join('');
}

function isTagNameCode(code: number): boolean {
  // A tag name runs on over ASCII letters, digits and "_": <p1> and <pre> are not <p>.
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/**
 * Whether the tag whose "<" is at `lt` (and whose ">" is at `gt`) breaks a line, as a mail client shows it:
 * <br>, <hr>, <p>, <div>, <tr>, <li> and the ends of p, div, tr, li, h1–h6, table and blockquote, in any
 * case. Compared by character code: this runs once per tag of every HTML mail.
 */
function isBlockTag(html: string, lt: number, gt: number): boolean {
  let index = lt + 1;
  const end = html.charCodeAt(index) === 0x2f; // "</…"
  if (end) index++;
  const start = index;
  while (index < gt && isTagNameCode(html.charCodeAt(index))) index++;
  // ASCII letters to lower case (| 0x20); digits and "_" keep codes that match no letter below.
  const first = html.charCodeAt(start) | 0x20;
  switch (index - start) {
    case 1:
      return first === 0x70; // p
    case 2: {
      const second = html.charCodeAt(start + 1) | 0x20;
      if (second === 0x72) return first === 0x62 || first === 0x68 ? !end : first === 0x74; // br, hr; tr
      if (first === 0x6c) return second === 0x69; // li
      return end && first === 0x68 && second >= 0x31 && second <= 0x36; // /h1 … /h6
    }
    case 3:
      return first === 0x64 && (html.charCodeAt(start + 1) | 0x20) === 0x69 && (html.charCodeAt(start + 2) | 0x20) === 0x76; // div
    case 5:
      return end && html.slice(start, index).toLowerCase() === 'table';
    case 10:
      return end && html.slice(start, index).toLowerCase() === 'blockquote';
    default:
      return false;
  }
}

/**
 * The text between tags with line breaks as spaces, block tags as line breaks and other tags gone, in one
 * pass that jumps from "<" to "<" with indexOf. A tag is what /<[^<>]*>/ matches: a "<" with another "<"
 * before its ">", or with no ">" at all, is text.
 */
function stripTags(source: string): string {
  // In HTML, CR and LF are white space like any other; the line breaks of the text come from block tags.
  const html = source.replace(/[\r\n]/g, ' ');
  const parts: string[] = [];
  let from = 0; // where the text not yet taken starts
  // The first ">" at or after the current "<": one search serves every "<" before it, so a run of "<"
  // without any ">" costs one scan, not one per "<".
  let gt = -1;
  let lt = html.indexOf('<');
  while (lt >= 0) {
    if (gt <= lt) gt = html.indexOf('>', lt + 1);
    if (gt < 0) break; // no tag can close any more: the rest is text
    const nextLt = html.indexOf('<', lt + 1);
    if (nextLt >= 0 && nextLt < gt) {
      lt = nextLt; // this "<" is text; the next one may start a tag
      continue;
    }
    if (lt > from) parts.push(html.slice(from, lt));
    if (isBlockTag(html, lt, gt)) parts.push('\n');
    from = gt + 1;
    lt = nextLt;
  }
  if (from === 0) return html;
  parts.push(html.slice(from));
  return parts.join('');
}

/** HTML body to plain text, the way a mail client would show it; no DOM, so it runs in Node and browsers alike. */
export function htmlToText(html: string): string {
  let text = dropHiddenElements(html);
  text = dropBetween(text, '<!--', '-->');
  text = stripTags(text);
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
