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

/**
 * Line breaks to \n, odd spaces (NBSP from HTML, tabs) to plain spaces, invisible characters gone.
 * One pass over the characters, so that whitespace-dense hostile input stays linear.
 */
export function normalizeText(input: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let index = 0; index < input.length; index++) {
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
  if (from === 0) return input;
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
function dropElements(html: string, tag: string): string {
  const lower = html.toLowerCase();
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

const BLOCK_BREAK = /<(?:br|\/p|\/div|\/tr|\/li|\/h[1-6]|\/table|\/blockquote|p|div|tr|li|hr)\b[^<>]*>/gi;

/** HTML body to plain text, the way a mail client would show it; no DOM, so it runs in Node and browsers alike. */
export function htmlToText(html: string): string {
  let text = html;
  for (const tag of ['script', 'style', 'head', 'title']) text = dropElements(text, tag);
  text = dropBetween(text, '<!--', '-->');
  text = text.replace(/[\r\n]/g, ' ');
  text = text.replace(BLOCK_BREAK, '\n');
  text = text.replace(/<[^<>]*>/g, '');
  text = decodeEntities(text);
  return normalizeText(text)
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
