/**
 * Text clean-up shared by every reader. All of it is single-pass or indexOf-based: message bodies are
 * attacker-controlled, so nothing here may backtrack.
 */

const SPACE_LIKE = /[\u00a0\u2007\u202f\u2000-\u200a\u3000\t\f\v]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Line breaks to \n, odd spaces (NBSP from HTML, tabs) to plain spaces, invisible characters gone. */
export function normalizeText(input: string): string {
  return input.replace(/\r\n?/g, '\n').replace(SPACE_LIKE, ' ').replace(INVISIBLE, '').replace(CONTROL, '');
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
