import { autoReplyCheck, credentialsCheck, fieldsCheck, spamCheck, type SetupCheckItem } from '@rakuten-helpdesk/core';
import { FakeDocument, asDocument, byTag, find, findAll, type FakeElement } from '../../../test-support/fake-dom';
import { MAX_LINKS, externalLink, renderChecks, summary, summaryTone } from './setup-view';

const REMEDY = { de: 'So geht es.', en: 'This way.' };

function render(items: readonly SetupCheckItem[], locale: 'de' | 'en' = 'de'): FakeElement {
  const doc = new FakeDocument();
  const root = doc.createElement('div');
  root.append(...(renderChecks(asDocument(doc), items, locale) as unknown as FakeElement[]));
  return root;
}

describe('renderChecks', () => {
  test('each check with its status, detail, fix and links; names from Freshdesk stay text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const root = render([
      credentialsCheck({ status: 200 }),
      autoReplyCheck({ readable: true, offending: [{ label: hostile, url: 'https://shop.freshdesk.com/a/admin/automations/ticket_creation/1/edit' }], remedy: REMEDY }),
    ]);
    expect(find(root, 'setup__summary').textContent).toBe('1 Problem(e)');
    const checks = findAll(root, 'check');
    expect(checks.map((check) => [check.getAttribute('data-check'), check.className])).toEqual([
      ['credentials', 'check check--ok'],
      ['auto-replies', 'check check--problem'],
    ]);
    expect(find(checks[0]!, 'check__badge').textContent).toBe('In Ordnung');
    const link = byTag(checks[1]!, 'a')[0];
    expect(link?.textContent).toBe(hostile);
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(byTag(root, 'img')).toEqual([]);
    expect(find(checks[1]!, 'check__fix').textContent).toBe('So beheben Sie es: So geht es.');
  });

  test('links that are not https are shown as text; long lists are cut', () => {
    const links = Array.from({ length: MAX_LINKS + 2 }, (_, index) => ({ label: `#${index}`, url: index === 0 ? 'javascript:alert(1)' : `https://shop.freshdesk.com/a/tickets/${index}` }));
    const root = render([spamCheck({ count: links.length, links, remedy: REMEDY })], 'en');
    expect(byTag(root, 'a')).toHaveLength(MAX_LINKS - 1);
    expect(find(root, 'check__links').textContent).toContain('#0');
    expect(find(root, 'check__links').textContent).toContain('+ 2 more');
  });

  test('the summary counts problems, checks to make and checks that could not run', () => {
    const manual = autoReplyCheck({ readable: false, offending: [], remedy: REMEDY });
    const problem = fieldsCheck({ missing: ['Rakuten-Kundenname'], notOnForm: [] });
    const error = credentialsCheck({ status: 503 });
    expect(summary([credentialsCheck({ status: 200 })], 'de')).toBe('Alles in Ordnung.');
    expect(summary([problem, manual, error], 'de')).toBe('1 Problem(e) · 1 selbst zu prüfen · 1 nicht prüfbar');
    expect(summary([manual], 'en')).toBe('1 to check yourself');
    expect(summaryTone([manual])).toBe('manual');
    expect(summaryTone([manual, error])).toBe('problem');
    expect(summaryTone([credentialsCheck({ status: 200 })])).toBe('ok');
  });

  test('when all is well, the advice is a folded tip', () => {
    const root = render([spamCheck({ count: 0, links: [], remedy: REMEDY })]);
    expect(findAll(root, 'check__fix')).toEqual([]);
    const tip = find(root, 'check__more');
    expect(tip.tagName).toBe('details');
    expect(byTag(tip, 'summary')[0]?.textContent).toBe('Tipp: so bleibt es so');
    expect(tip.textContent).toContain('rakuten.com');
  });

  test('externalLink makes a span of anything but https', () => {
    const doc = asDocument(new FakeDocument());
    expect((externalLink(doc, 'http://x', 'x') as unknown as FakeElement).tagName).toBe('span');
  });
});
