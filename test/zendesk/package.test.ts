/**
 * dist/zendesk-app.zip against the rules of Zendesk's own app validator (zendesk_apps_support), and proof that
 * the checker catches what Zendesk would reject.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkAppPackage, pngHeader, zipEntryModes, type ZipEntry } from './support/app-package-rules';
import { REPO_ROOT, ensureAppPackaged } from './support/build';

function entriesOf(zip: Uint8Array): ZipEntry[] {
  const modes = zipEntryModes(zip);
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data, isSymlink: modes.get(name)?.isSymlink ?? false }));
}

const zip = new Uint8Array(readFileSync(ensureAppPackaged()));
const entries = entriesOf(zip);
const file = (name: string): Uint8Array => {
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`${name} is not in the zip`);
  return entry.data;
};
const json = (name: string): Record<string, unknown> => JSON.parse(new TextDecoder().decode(file(name))) as Record<string, unknown>;

type Edit = (copy: Map<string, Uint8Array>) => void;

function editJson(name: string, change: (value: Record<string, unknown>) => void): Edit {
  return (copy) => {
    const value = JSON.parse(new TextDecoder().decode(copy.get(name))) as Record<string, unknown>;
    change(value);
    copy.set(name, strToU8(JSON.stringify(value)));
  };
}

function brokenCopy(edit: Edit): ZipEntry[] {
  const copy = new Map(entries.map((entry) => [entry.name, entry.data]));
  edit(copy);
  return [...copy].map(([name, data]) => ({ name, data, isSymlink: false }));
}

describe('Zendesk app package', () => {
  test('holds the app folder with manifest.json at the zip root', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      'assets/app.js',
      'assets/icon_nav_bar.svg',
      'assets/iframe.html',
      'assets/logo-small.png',
      'assets/logo.png',
      'assets/setup.html',
      'assets/setup.js',
      'manifest.json',
      'requirements.json',
      'translations/de.json',
      'translations/en.json',
    ]);
  });

  test('ships manifest, translations, requirements, html and logos byte for byte as reviewed in static/', () => {
    const staticDir = join(REPO_ROOT, 'zendesk-app/static');
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
    for (const path of walk(staticDir)) {
      expect([relative(staticDir, path), Buffer.from(file(relative(staticDir, path))).equals(readFileSync(path))]).toEqual([relative(staticDir, path), true]);
    }
  });

  test('passes every rule of Zendesk’s validator', () => {
    expect(checkAppPackage(entries)).toEqual([]);
  });

  test.each([
    ['assets/iframe.html', 'app.js'],
    ['assets/setup.html', 'setup.js'],
  ])('%s loads the ZAF SDK from Zendesk’s CDN, then our bundle %s', (page, bundle) => {
    const html = new TextDecoder().decode(file(page));
    const sdk = html.indexOf('<script src="https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js"></script>');
    const app = html.indexOf(`<script src="${bundle}"></script>`);
    expect(sdk).toBeGreaterThan(0);
    expect(app).toBeGreaterThan(sdk);
  });

  test.each(['assets/app.js', 'assets/setup.js'])('%s stays within 40 KB gzipped (the ZAF SDK comes from Zendesk’s CDN)', (bundle) => {
    expect(gzipSync(file(bundle), { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });

  test('the nav bar icon is one clean SVG drawn in currentColor, so Zendesk tints it like its own', () => {
    const svg = new TextDecoder().decode(file('assets/icon_nav_bar.svg'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 18 18">/);
    expect(svg).toContain('currentColor');
    expect(svg).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
  });

  test('logos are real PNGs of the marketplace sizes; the small one is transparent', () => {
    expect(pngHeader(file('assets/logo.png'))).toMatchObject({ width: 320, height: 320 });
    expect(pngHeader(file('assets/logo-small.png'))).toEqual({ width: 128, height: 128, colorType: 6 });
  });

  test('the manifest asks for what the app needs and nothing called "name"', () => {
    const manifest = json('manifest.json');
    expect(manifest).toMatchObject({
      defaultLocale: 'de',
      frameworkVersion: '2.0',
      location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true }, nav_bar: { url: 'assets/setup.html' } } },
    });
    expect((manifest['parameters'] as { name: string; type: string }[]).map(({ name, type }) => `${name}:${type}`)).toEqual([
      'signature:multiline',
      'bundesland:text',
      'saturdayIsWorkingDay:checkbox',
      'orderNumberFieldId:number',
      'customerNameFieldId:number',
      'sid:text',
    ]);
  });

  test('every setting has a label and a help text in German and English; the SID says where to find it', () => {
    const names = (json('manifest.json')['parameters'] as { name: string }[]).map((parameter) => parameter.name);
    for (const locale of ['de', 'en']) {
      const parameters = (json(`translations/${locale}.json`)['app'] as { parameters: Record<string, { label?: string; helpText?: string }> }).parameters;
      for (const name of names) expect([locale, name, typeof parameters[name]?.label, typeof parameters[name]?.helpText]).toEqual([locale, name, 'string', 'string']);
    }
    const de = (json('translations/de.json')['app'] as { parameters: Record<string, { helpText: string }> }).parameters;
    const en = (json('translations/en.json')['app'] as { parameters: Record<string, { helpText: string }> }).parameters;
    expect(de['sid']?.helpText).toContain('oben rechts in Ihrem Rakuten-Dashboard');
    expect(en['sid']?.helpText).toContain('top right of your Rakuten dashboard');
  });

  test('requirements create the two fields, the tagging trigger and the view', () => {
    const requirements = json('requirements.json') as {
      ticket_fields: Record<string, { title: string; type: string }>;
      triggers: Record<string, { conditions: { all: { field: string; value: string }[] }; actions: { field: string; value: string }[] }>;
      views: Record<string, { title: string; all: { field: string; operator: string; value: string }[] }>;
    };
    expect(Object.values(requirements.ticket_fields).map(({ title, type }) => `${title}:${type}`)).toEqual(['Rakuten-Bestellnummer:text', 'Rakuten-Kundenname:text']);
    const trigger = Object.values(requirements.triggers)[0];
    expect(trigger?.conditions.all).toContainEqual({ field: 'update_type', operator: 'is', value: 'Create' });
    expect(trigger?.actions).toEqual([{ field: 'current_tags', value: 'rakuten' }]);
    const view = Object.values(requirements.views)[0];
    expect(view?.title).toBe('Rakuten: Antwort ausstehend');
    expect(view?.all).toEqual([
      { field: 'status', operator: 'less_than', value: 'solved' },
      { field: 'current_tags', operator: 'includes', value: 'rakuten' },
    ]);
  });

  const tinyPng = (size: number, colorType: number): Uint8Array => {
    const png = new Uint8Array(file('assets/logo-small.png'));
    const view = new DataView(png.buffer);
    view.setUint32(16, size);
    view.setUint32(20, size);
    view.setUint8(25, colorType);
    return png;
  };

  test.each<[string, Edit, string]>([
    ['no manifest at the root', (copy) => copy.set('app/manifest.json', copy.get('manifest.json') ?? new Uint8Array()) && copy.delete('manifest.json'), 'nested_manifest'],
    ['manifest is not JSON', (copy) => copy.set('manifest.json', strToU8('{ "author": ')), 'manifest_not_json'],
    ['author missing', editJson('manifest.json', (m) => delete m['author']), 'manifest_keys.missing'],
    ['defaultLocale with an underscore', editJson('manifest.json', (m) => (m['defaultLocale'] = 'de_DE')), 'invalid_default_locale'],
    ['defaultLocale without a translation file', editJson('manifest.json', (m) => (m['defaultLocale'] = 'fr')), 'missing_translation_file'],
    ['frameworkVersion 1.0', editJson('manifest.json', (m) => (m['frameworkVersion'] = '1.0')), 'invalid_version'],
    ['frameworkVersion missing', editJson('manifest.json', (m) => delete m['frameworkVersion']), 'manifest_keys.missing'],
    ['location missing', editJson('manifest.json', (m) => delete m['location']), 'manifest_keys.missing'],
    ['location URL outside assets/', editJson('manifest.json', (m) => (m['location'] = { support: { ticket_sidebar: { url: 'iframe.html' } } })), 'invalid_location_uri'],
    ['location URL to a missing file', editJson('manifest.json', (m) => (m['location'] = { support: { ticket_sidebar: { url: 'assets/missing.html' } } })), 'invalid_location_uri'],
    ['plain-http location URL', editJson('manifest.json', (m) => (m['location'] = { support: { ticket_sidebar: { url: 'http://example.com/app' } } })), 'invalid_location_uri'],
    ['unknown location', editJson('manifest.json', (m) => (m['location'] = { support: { ticket_sidebars: { url: 'assets/iframe.html' } } })), 'invalid_location'],
    ['flexible as text', editJson('manifest.json', (m) => (m['location'] = { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: 'yes' } } })), 'invalid_location_flexible_type'],
    ['private as text', editJson('manifest.json', (m) => (m['private'] = 'true')), 'unacceptable_boolean'],
    ['a parameter called name', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'name', type: 'text' })), 'name_as_parameter_name'],
    ['a secure parameter with a default', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'apiToken', type: 'text', secure: true, default: 'x', scopes: ['header'] })), 'default_secure_or_hidden_parameter'],
    ['scopes on a parameter that is not secure', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'apiToken', type: 'text', scopes: ['header'] })), 'field_requires_secure_parameter'],
    ['an unknown parameter type', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'colour', type: 'dropdown' })), 'invalid_type_parameter'],
    ['a required hidden parameter', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'secretId', type: 'hidden', required: true })), 'invalid_hidden_parameter'],
    ['duplicate parameters', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'signature', type: 'text' })), 'duplicate_parameters'],
    ['en.json without a long description', editJson('translations/en.json', (t) => delete (t['app'] as Record<string, unknown>)['long_description']), 'translation.missing_required_key'],
    ['a parameter translation without a label', editJson('translations/de.json', (t) => (((t['app'] as Record<string, unknown>)['parameters'] as Record<string, unknown>)['bundesland'] = { helpText: 'x' })), 'translation.missing_required_key_on_leaf'],
    ['a parameter with no label in en.json', editJson('manifest.json', (m) => (m['parameters'] as unknown[]).push({ name: 'extra', type: 'text' })), 'translation.missing_parameter_label'],
    ['a translation file with a bad locale name', (copy) => copy.set('translations/de_DE.json', strToU8('{"app":{"name":"x"}}')), 'translation.invalid_locale'],
    ['a requirement without a title', editJson('requirements.json', (r) => delete ((r['views'] as Record<string, Record<string, unknown>>)['rakuten_awaiting_reply'] ?? {})['title']), 'missing_required_fields'],
    ['an unknown requirement type', editJson('requirements.json', (r) => (r['dashboards'] = {})), 'invalid_requirements_types'],
    ['a ticket field of an unknown type', editJson('requirements.json', (r) => (((r['ticket_fields'] as Record<string, Record<string, unknown>>)['order_number'] ?? {})['type'] = 'dropdown')), 'invalid_ticket_field_type'],
    ['a logo of the wrong size', (copy) => copy.set('assets/logo.png', tinyPng(300, 6)), 'logo.wrong_size'],
    ['a small logo without transparency', (copy) => copy.set('assets/logo-small.png', tinyPng(128, 2)), 'logo.not_transparent'],
    ['a zip inside the zip', (copy) => copy.set('assets/backup.zip', zipSync({ 'a.txt': strToU8('a') })), 'unsupported_mime_type_detected'],
    ['a nav bar location without its icon', (copy) => copy.delete('assets/icon_nav_bar.svg'), 'location_icon.missing'],
    ['a top bar location without its icon', editJson('manifest.json', (m) => (((m['location'] as Record<string, Record<string, unknown>>)['support'] ?? {})['top_bar'] = { url: 'assets/setup.html' })), 'location_icon.missing'],
    ['a nav bar page that is not in the zip', (copy) => copy.delete('assets/setup.html'), 'invalid_location_uri'],
    ['an icon with a script', (copy) => copy.set('assets/icon_nav_bar.svg', strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><script>alert(1)</script></svg>')), 'sanitised_svg'],
    ['an icon with an event handler', (copy) => copy.set('assets/icon_nav_bar.svg', strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18" onload="alert(1)"><path d="M0 0h18v18H0z"/></svg>')), 'sanitised_svg'],
    ['an icon linking outside itself', (copy) => copy.set('assets/icon_nav_bar.svg', strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><use href="https://evil.example/x.svg#a"/></svg>')), 'sanitised_svg'],
    ['an icon with an embedded bitmap', (copy) => copy.set('assets/icon_nav_bar.svg', strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><image href="data:image/png;base64,AAAA"/></svg>')), 'bitmap_in_svg'],
    ['an icon without a viewBox', (copy) => copy.set('assets/icon_nav_bar.svg', strToU8('<svg xmlns="http://www.w3.org/2000/svg" width="18" height="18"><path d="M0 0h18v18H0z"/></svg>')), 'svg_icon.missing_viewbox'],
  ])('rejects a copy with %s', (_name, edit, code) => {
    expect(checkAppPackage(brokenCopy(edit)).map((found) => found.code)).toContain(code);
  });

  test('rejects a symlink, read from the zip’s own file attributes', () => {
    const files: Zippable = Object.fromEntries(entries.map((entry) => [entry.name, entry.data]));
    files['assets/logo-link.png'] = [strToU8('logo.png'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
    const withLink = entriesOf(zipSync(files));
    expect(withLink.find((entry) => entry.name === 'assets/logo-link.png')?.isSymlink).toBe(true);
    expect(checkAppPackage(withLink).map((found) => found.code)).toContain('symlink_in_zip');
  });

  test('the shipped zip itself has no symlink entries', () => {
    expect([...zipEntryModes(zip).values()].some((mode) => mode.isSymlink)).toBe(false);
  });
});
