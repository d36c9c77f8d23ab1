import fc from 'fast-check';
import { htmlToText } from './text';

describe('htmlToText', () => {
  test('block tags break lines, in any case and with attributes; other tags go', () => {
    // A paragraph's end and the next block's start leave a blank line between them, as a mail client shows it.
    expect(htmlToText('<P class="a">Eins<BR/>Zwei</p><DIV>Drei</DIV><ul><li>Vier</li></ul><h2>Fünf</H2><hr>Sechs')).toBe(
      'Eins\nZwei\n\nDrei\n\nVier\nFünf\n\nSechs',
    );
    expect(htmlToText('<table><tr><td>A</td><td>B</td></tr></table><blockquote>C</blockquote>D')).toBe('AB\n\nC\nD');
  });

  test('a tag whose name only starts like a block tag does not break the line', () => {
    expect(htmlToText('a<pre>b</pre>c<p1>d<param>e<hr2>f<br_x>g')).toBe('abcdefg');
  });

  test('line breaks in the source are spaces; blank lines are at most one', () => {
    expect(htmlToText('<p>Guten\r\nTag\n  Herr   Muster</p>\n\n<p></p><p></p><p>Zweiter</p>')).toBe('Guten Tag Herr Muster\n\nZweiter');
  });

  test('scripts, styles, the head, the title and comments are not text', () => {
    const html =
      '<HTML><Head><TITLE>Betreff</TITLE><style>p{}</style></head><body><script>x()</script>' +
      '<!-- Bestellnummer: 000-000-000 -->Bestellnummer: 123-456-789</body></html>';
    expect(htmlToText(html)).toBe('Bestellnummer: 123-456-789');
  });

  test('an HTML5 <header> is text, not the head: it no longer hides the rest of the mail', () => {
    expect(htmlToText('<html><head><title>t</title></head><body><header>Rakuten</header><p>Bestellnummer: 123-456-789</p></body>')).toBe(
      'Rakuten\nBestellnummer: 123-456-789',
    );
  });

  test('an unclosed script hides the rest, as before', () => {
    expect(htmlToText('Sichtbar<script>versteckt')).toBe('Sichtbar');
  });

  test('a "<" that opens no tag is text', () => {
    expect(htmlToText('1 < 2 und <<b>fett</b>')).toBe('1 < 2 und <fett');
    expect(htmlToText('a < b')).toBe('a < b');
    expect(htmlToText('x <<<')).toBe('x <<<');
  });

  test('entities are decoded after the tags are gone, so an encoded tag stays text', () => {
    expect(htmlToText('&lt;b&gt;Bestellnummer:&nbsp;1&#45;2 &auml;&#x1F600;')).toBe('<b>Bestellnummer: 1-2 ä😀');
  });

  test('never throws, and its text has no tag left whose both brackets came from the HTML', () => {
    const piece = fc.constantFrom('<p>', '</p>', '<br>', '<b>', '</b>', '<head>', '</head>', '<script>', '</script>', '<!--', '-->', '&amp;', '<', '>', 'text', '\n', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = htmlToText(pieces.join(''));
        return !/<(?:p|\/p|br|b|\/b|head|\/head|script|\/script)>/.test(text);
      }),
      { numRuns: 2000 },
    );
  });
});
