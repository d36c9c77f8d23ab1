import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { REPO_ROOT, builtApp } from './support/build';
import { packageProblems, type PackageFiles } from './support/fdk-package-rules';

// The merchant's download, dist/freshdesk-app.zip, checked the way FDK and Marketplace review check it.

const ZIP_PATH = join(REPO_ROOT, 'dist/freshdesk-app.zip');

let files: Map<string, Uint8Array>;
let zipBytes: number;

beforeAll(() => {
  builtApp();
  execFileSync(process.execPath, [join(REPO_ROOT, 'freshdesk-app/scripts/package-zip.js')], { cwd: REPO_ROOT, stdio: 'pipe' });
  const zip = readFileSync(ZIP_PATH);
  zipBytes = zip.length;
  files = new Map(Object.entries(unzipSync(zip)));
});

const encode = (value: string) => new TextEncoder().encode(value);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** A copy of the package with one file changed (or removed, for null). */
function broken(path: string, change: ((content: string) => string) | null): PackageFiles {
  const copy = new Map(files);
  if (change === null) copy.delete(path);
  else copy.set(path, encode(change(decode(files.get(path)))));
  return copy;
}

type JsonNode = Record<string, unknown>;

/** Changes the object at `path` inside a JSON file. */
function editJson(path: readonly string[], change: (node: JsonNode) => void): (content: string) => string {
  return (content) => {
    const root = JSON.parse(content) as JsonNode;
    let node: unknown = root;
    for (const key of path) node = (node as JsonNode)[key];
    if (typeof node !== 'object' || node === null) throw new Error(`No object at ${path.join('.')}`);
    change(node as JsonNode);
    return JSON.stringify(root);
  };
}

describe('dist/freshdesk-app.zip', () => {
  test('has the fdk pack layout and passes every check', () => {
    expect([...files.keys()].sort()).toEqual([
      'app/full-page.html',
      'app/index.html',
      'app/scripts/app.js',
      'app/scripts/full-page.js',
      'app/scripts/tools.js',
      'app/styles/images/full-page.svg',
      'app/styles/images/icon.svg',
      'app/styles/style.css',
      'config/iparams.json',
      'config/requests.json',
      'manifest.json',
      'server/server.js',
      'server/test_data/onAppInstall.json',
      'server/test_data/onConversationCreate.json',
      'server/test_data/onTicketCreate.json',
    ]);
    expect(zipBytes).toBeLessThan(5 * 1024 * 1024);
    expect(packageProblems(files, zipBytes)).toEqual([]);
  });

  test('has the full-page app, the SID setting and the templates of the setup check and the support composer', () => {
    const manifest = JSON.parse(decode(files.get('manifest.json'))) as { modules: Record<string, { location?: Record<string, unknown>; requests?: Record<string, unknown> }> };
    expect(manifest.modules['common']?.location).toEqual({ full_page_app: { url: 'full-page.html', icon: 'styles/images/full-page.svg' } });
    expect(Object.keys(manifest.modules['common']?.requests ?? {})).toEqual(
      expect.arrayContaining(['getCurrentAgent', 'listTicketForms', 'getTicketForm', 'listTicketCreationRules', 'listSpamTickets', 'createTicket']),
    );
    const iparams = JSON.parse(decode(files.get('config/iparams.json'))) as Record<string, { type: string; required: boolean; description: string; secure?: boolean }>;
    expect(iparams['rakuten_sid']).toMatchObject({ type: 'text', required: false });
    expect(iparams['rakuten_sid']?.description).toContain('oben rechts in Ihrem Rakuten-Dashboard');
    const templates = JSON.parse(decode(files.get('config/requests.json'))) as Record<string, { schema: { method: string; path: string; query?: Record<string, string> }; options: { maxAttempts: number } }>;
    // Reads retry through 429 and 5xx; creating a ticket never does, so that it is never created twice.
    for (const name of ['getCurrentAgent', 'listTicketForms', 'getTicketForm', 'listTicketCreationRules', 'listSpamTickets']) {
      expect([name, templates[name]?.schema.method, templates[name]?.options.maxAttempts]).toEqual([name, 'GET', 3]);
    }
    expect(templates['createTicket']).toMatchObject({ schema: { method: 'POST', path: '/api/v2/tickets' }, options: { maxAttempts: 1 } });
    expect(templates['listSpamTickets']?.schema.query).toMatchObject({ filter: 'spam', include: 'requester' });
    // The full page loads its own bundle, the sidebar its lazy chunk from next to itself.
    expect(decode(files.get('app/full-page.html'))).toContain('<script src="scripts/full-page.js"></script>');
    expect(decode(files.get('app/scripts/app.js'))).toContain('tools.js');
  });

  test.each<[string, string, ((content: string) => string) | null, RegExp]>([
    ['a manifest of platform 2.3', 'manifest.json', editJson([], (m) => (m['platform-version'] = '2.3')), /platform-version/],
    ['only the common module', 'manifest.json', editJson(['modules'], (modules) => delete modules['support_ticket']), /module besides common/],
    ['no engines', 'manifest.json', editJson([], (m) => delete m['engines']), /engines/],
    ['a missing icon', 'app/styles/images/icon.svg', null, /icon .* is missing/],
    ['a missing location page', 'app/index.html', null, /index\.html is missing/],
    ['a missing full-page icon', 'app/styles/images/full-page.svg', null, /icon .*full-page\.svg is missing/],
    ['a full page without {{{appclient}}}', 'app/full-page.html', (html) => html.replace('{{{appclient}}}', 'client.js'), /full-page\.html does not load/],
    ['a page without {{{appclient}}}', 'app/index.html', (html) => html.replace('{{{appclient}}}', 'https://example.com/client.js'), /appclient/],
    ['a handler server.js does not export', 'server/server.js', (js) => js.replace(/onConversationCreateHandler: function/, 'renamed: function'), /onConversationCreateHandler/],
    ['a server.js that does not evaluate', 'server/server.js', (js) => `${js}\nsetTimeout(() => 0, 1);`, /does not evaluate/],
    ['a declared template that is not defined', 'config/requests.json', editJson([], (r) => delete r['updateTicket']), /updateTicket/],
    ['a host with a scheme', 'config/requests.json', editJson(['getTicket', 'schema'], (schema) => (schema['host'] = 'https://<%= iparam.domain %>')), /bare domain/],
    ['plain http', 'config/requests.json', editJson(['getTicket', 'schema'], (schema) => (schema['protocol'] = 'http')), /https/],
    ['the API key in the query', 'config/requests.json', editJson(['getTicket', 'schema'], (schema) => (schema['query'] = { key: '<%= iparam.api_key %>' })), /secure iparam/],
    ['an API key that is not secure', 'config/iparams.json', editJson(['api_key'], (key) => delete key['secure']), /not secure/],
  ])('rejects %s', (_what, path, change, problem) => {
    const problems = packageProblems(broken(path, change), zipBytes);
    expect(problems.join('\n')).toMatch(problem);
  });

  test('rejects a package over 5 MB', () => {
    expect(packageProblems(files, 6 * 1024 * 1024).join('\n')).toMatch(/more than 5 MB/);
  });
});
