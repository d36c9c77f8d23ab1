import { Script, createContext } from 'node:vm';

/**
 * The checks `fdk validate` and Marketplace review make that can be made offline, on a packed app given as
 * its files (path → bytes). Returns one line per problem; an empty list means the package passes.
 */

export type PackageFiles = ReadonlyMap<string, Uint8Array>;

export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const IPARAM_TYPES = new Set(['text', 'paragraph', 'dropdown', 'multiselect', 'email', 'number', 'phone_number', 'date', 'url', 'radio', 'checkbox', 'api_key', 'domain']);
const SETUP_EVENTS = new Set(['onAppInstall', 'afterAppUpdate', 'onAppUninstall']);
const VERSION = /^\d+\.\d+\.\d+$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(files: PackageFiles, path: string): string | null {
  const bytes = files.get(path);
  return bytes ? new TextDecoder().decode(bytes) : null;
}

function json(files: PackageFiles, path: string, problems: string[]): JsonObject | null {
  const source = text(files, path);
  if (source === null) {
    problems.push(`${path} is missing`);
    return null;
  }
  try {
    const parsed = JSON.parse(source) as Json;
    if (isObject(parsed)) return parsed;
    problems.push(`${path} is not a JSON object`);
  } catch {
    problems.push(`${path} is not valid JSON`);
  }
  return null;
}

/** Evaluates server.js as the platform does and lists the functions it assigned to `exports`. */
export function exportedHandlers(source: string): string[] {
  const sandbox: Record<string, unknown> = { exports: {}, console: { log() {}, info() {}, warn() {}, error() {} } };
  new Script(source, { filename: 'server.js' }).runInContext(createContext(sandbox), { timeout: 5000 });
  const exported = sandbox['exports'];
  if (typeof exported !== 'object' || exported === null) return [];
  return Object.entries(exported).filter(([, value]) => typeof value === 'function').map(([name]) => name);
}

function checkLocations(files: PackageFiles, module: string, locations: JsonObject, problems: string[]): void {
  for (const [name, location] of Object.entries(locations)) {
    if (!isObject(location) || typeof location['url'] !== 'string' || typeof location['icon'] !== 'string') {
      problems.push(`${module}.location.${name} needs url and icon`);
      continue;
    }
    const page = text(files, `app/${location['url']}`);
    if (page === null) problems.push(`${module}.location.${name}: app/${location['url']} is missing`);
    else if (!/<script[^>]+src=["']\{\{\{appclient\}\}\}["']/.test(page)) problems.push(`app/${location['url']} does not load {{{appclient}}}`);
    const icon = text(files, `app/${location['icon']}`);
    if (icon === null) problems.push(`${module}.location.${name}: icon app/${location['icon']} is missing`);
    else if (!location['icon'].endsWith('.svg') || !icon.includes('<svg')) problems.push(`icon app/${location['icon']} is not an SVG`);
  }
}

function checkRequests(files: PackageFiles, declared: string[], secure: ReadonlySet<string>, problems: string[]): void {
  const templates = declared.length > 0 ? json(files, 'config/requests.json', problems) : {};
  if (!templates) return;
  for (const name of declared) {
    const template = templates[name];
    const schema = isObject(template) ? template['schema'] : undefined;
    if (!isObject(schema)) {
      problems.push(`request template "${name}" is declared in the manifest but not defined`);
      continue;
    }
    if ((schema['protocol'] ?? 'https') !== 'https') problems.push(`request template "${name}" must use https`);
    if (typeof schema['method'] !== 'string' || !METHODS.has(schema['method'])) problems.push(`request template "${name}" has no valid method`);
    const host = schema['host'];
    if (typeof host !== 'string' || host === '') problems.push(`request template "${name}" has no host`);
    else if (/^[a-z]+:\/\//i.test(host) || host.includes('/')) problems.push(`request template "${name}": host "${host}" must be a bare domain`);
    const path = schema['path'];
    if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) problems.push(`request template "${name}": path must start with /`);
    const exposed = JSON.stringify([schema['host'], schema['path'], schema['query']]);
    for (const key of secure) if (exposed.includes(`iparam.${key}`)) problems.push(`request template "${name}" puts secure iparam "${key}" outside the headers`);
    const options = isObject(template) ? template['options'] : undefined;
    if (isObject(options)) {
      const attempts = options['maxAttempts'];
      const delay = options['retryDelay'];
      if (attempts !== undefined && (typeof attempts !== 'number' || attempts < 1 || attempts > 5)) problems.push(`request template "${name}": maxAttempts must be 1–5`);
      if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > 1500)) problems.push(`request template "${name}": retryDelay must be at most 1500`);
    }
  }
}

function checkIparams(files: PackageFiles, problems: string[]): Set<string> {
  const iparams = json(files, 'config/iparams.json', problems) ?? {};
  const secure = new Set<string>();
  for (const [name, definition] of Object.entries(iparams)) {
    if (!isObject(definition)) {
      problems.push(`iparam "${name}" is not an object`);
      continue;
    }
    if (typeof definition['display_name'] !== 'string') problems.push(`iparam "${name}" has no display_name`);
    if (typeof definition['type'] !== 'string' || !IPARAM_TYPES.has(definition['type'])) problems.push(`iparam "${name}" has an unknown type`);
    if (definition['type'] === 'dropdown' && !Array.isArray(definition['options'])) problems.push(`iparam "${name}" is a dropdown without options`);
    if (definition['secure'] === true) secure.add(name);
    if (definition['type'] === 'api_key' && definition['secure'] !== true) problems.push(`iparam "${name}" holds an API key but is not secure`);
  }
  if (![...secure].some((name) => isObject(iparams[name]) && iparams[name]['type'] === 'api_key')) problems.push('no secure iparam holds the API key');
  return secure;
}

export function packageProblems(files: PackageFiles, zipBytes: number): string[] {
  const problems: string[] = [];
  if (zipBytes > MAX_PACKAGE_BYTES) problems.push(`package is ${zipBytes} bytes, more than 5 MB`);
  for (const path of files.keys()) {
    if (path.endsWith('.zip') || path.includes('node_modules/')) problems.push(`${path} must not be packed`);
  }
  const manifest = json(files, 'manifest.json', problems);
  if (!manifest) return problems;
  if (manifest['platform-version'] !== '3.0') problems.push('manifest platform-version is not "3.0"');
  const engines = manifest['engines'];
  if (!isObject(engines) || typeof engines['node'] !== 'string' || !VERSION.test(engines['node']) || typeof engines['fdk'] !== 'string' || !VERSION.test(engines['fdk'])) {
    problems.push('manifest engines.node and engines.fdk must be versions');
  }
  const modules = manifest['modules'];
  if (!isObject(modules)) {
    problems.push('manifest has no modules');
    return problems;
  }
  if (!Object.keys(modules).some((name) => name !== 'common')) problems.push('manifest needs a module besides common');

  const handlers: string[] = [];
  const declaredRequests: string[] = [];
  for (const [name, module] of Object.entries(modules)) {
    if (!isObject(module)) {
      problems.push(`module ${name} is not an object`);
      continue;
    }
    if (isObject(module['location'])) checkLocations(files, name, module['location'], problems);
    if (isObject(module['requests'])) declaredRequests.push(...Object.keys(module['requests']));
    if (isObject(module['events'])) {
      for (const [event, definition] of Object.entries(module['events'])) {
        if (SETUP_EVENTS.has(event) && name !== 'common') problems.push(`${event} belongs in modules.common`);
        if (isObject(definition) && typeof definition['handler'] === 'string') handlers.push(definition['handler']);
        else problems.push(`${name}.events.${event} has no handler`);
      }
    }
  }
  const secure = checkIparams(files, problems);
  checkRequests(files, declaredRequests, secure, problems);

  if (handlers.length > 0) {
    const server = text(files, 'server/server.js');
    if (server === null) problems.push('server/server.js is missing');
    else {
      try {
        const exported = new Set(exportedHandlers(server));
        for (const handler of handlers) if (!exported.has(handler)) problems.push(`server.js does not export handler "${handler}"`);
      } catch (error) {
        problems.push(`server.js does not evaluate in the sandbox: ${String(error).slice(0, 200)}`);
      }
    }
  }
  return problems;
}
