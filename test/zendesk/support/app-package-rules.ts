/**
 * The rules Zendesk applies to an uploaded app zip, mirrored from zendesk/zendesk_apps_support
 * (lib/zendesk_apps_support/validations: manifest.rb, translations.rb, requirements.rb, marketplace.rb,
 * mime.rb, secure_settings.rb, svg.rb; manifest/parameter.rb, location.rb, app_version.rb, app_requirement.rb;
 * package.rb's location icons) plus the marketplace's logo sizes. Error codes are the validator's own i18n keys, so a failure reads like Zendesk's.
 */

export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  readonly isSymlink: boolean;
}

export interface RuleViolation {
  readonly code: string;
  readonly detail: string;
}

const VALID_LOCALE = /^[a-z]{2,3}(-\w{2,3})?$/;
const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const SECURE_PARAM_SCOPES = ['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password'];
const FRAMEWORK_VERSIONS = ['2.0'];
const LOCATIONS: Readonly<Record<string, readonly string[]>> = {
  support: ['top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'background', 'modal', 'ticket_editor', 'system_top_bar'],
  chat: ['chat_sidebar', 'background'],
  standalone_chat: ['nav_bar', 'system_top_bar'],
  sell: ['deal_card', 'person_card', 'company_card', 'lead_card', 'background', 'modal', 'dashboard', 'note_editor', 'call_log_editor', 'email_editor', 'top_bar', 'visit_editor'],
};
/** Legacy product keys the validator still maps (zendesk → support, zopim → chat). */
const LEGACY_HOSTS: Readonly<Record<string, string>> = { zendesk: 'support', zopim: 'chat' };
const REQUIREMENT_TYPES = ['automations', 'channel_integrations', 'custom_objects', 'macros', 'targets', 'views', 'ticket_fields', 'triggers', 'user_fields', 'organization_fields', 'webhooks', 'custom_objects_v2'];
const UNTITLED_REQUIREMENT_TYPES = ['channel_integrations', 'custom_objects', 'webhooks', 'custom_objects_v2'];
const MAX_REQUIREMENTS = 5000;
/** Ticket field types of the Ticket Fields create API (the requirement body). */
const TICKET_FIELD_TYPES = ['checkbox', 'date', 'decimal', 'integer', 'regexp', 'tagger', 'text', 'textarea', 'multiselect', 'partialcreditcard', 'lookup'];
const MARKETPLACE_TRANSLATION_KEYS = ['name', 'short_description', 'long_description', 'installation_instructions'];
const UNSUPPORTED_EXTENSIONS = ['rar', 'zip', 'gzip', 'gz', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar', 'mp3', 'mpeg', 'odt', 'pptx', 'ppt', 'xls', 'xlsx', '7z'];
const LOGOS: readonly { path: string; size: number; transparent: boolean }[] = [
  { path: 'assets/logo.png', size: 320, transparent: false },
  { path: 'assets/logo-small.png', size: 128, transparent: true },
];

/** package.rb LOCATIONS_WITH_ICONS_PER_PRODUCT: these locations show an icon the user clicks to open the app. */
const LOCATIONS_WITH_ICONS: Readonly<Record<string, readonly string[]>> = { support: ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor'], sell: ['top_bar'] };
/**
 * Zendesk runs every assets/*.svg through Loofah's :prune scrubber (svg.rb) and rewrites a file it changes. This
 * is a conservative subset of Loofah's SVG safe list: markup outside it would be edited or dropped.
 */
const SVG_ELEMENTS = ['svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'symbol', 'title', 'desc', 'defs', 'use', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask'];
const SVG_ATTRIBUTES = [
  'xmlns', 'xmlns:xlink', 'viewbox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'd', 'points',
  'fill', 'fill-rule', 'fill-opacity', 'clip-rule', 'clip-path', 'mask', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-opacity', 'stroke-dasharray', 'opacity', 'transform', 'id', 'class', 'offset', 'stop-color', 'stop-opacity',
  'gradientunits', 'gradienttransform', 'preserveaspectratio', 'version', 'href', 'xlink:href',
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(data: Uint8Array): string {
  return new TextDecoder('utf-8').decode(data);
}

function violation(code: string, detail: string): RuleViolation {
  return { code, detail };
}

/** Reads the zip's central directory: names and whether an entry is a Unix symlink (external attributes). */
export function zipEntryModes(zip: Uint8Array): Map<string, { isSymlink: boolean }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const modes = new Map<string, { isSymlink: boolean }>();
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('Broken zip central directory');
    const madeBy = view.getUint16(at + 4, true) >> 8;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const external = view.getUint32(at + 38, true);
    const name = text(zip.subarray(at + 46, at + 46 + nameLength));
    modes.set(name, { isSymlink: madeBy === 3 && ((external >>> 16) & 0o170000) === 0o120000 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return modes;
}

function parseJson(entry: ZipEntry | undefined): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!entry) return { ok: false, error: 'missing' };
  try {
    return { ok: true, value: JSON.parse(text(entry.data)) };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

/** Width, height, colour type from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngHeader(data: Uint8Array): { width: number; height: number; colorType: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (data.length < 33 || signature.some((byte, index) => data[index] !== byte)) return null;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (text(data.subarray(12, 16)) !== 'IHDR') return null;
  return { width: view.getUint32(16), height: view.getUint32(20), colorType: view.getUint8(25) };
}

function checkLocation(manifest: Json, files: ReadonlyMap<string, ZipEntry>): RuleViolation[] {
  const location = manifest['location'];
  if (!isObject(location) || Object.keys(location).length === 0) return [violation('manifest_keys.missing', 'location')];
  const found: RuleViolation[] = [];
  for (const [rawHost, places] of Object.entries(location)) {
    const host = LEGACY_HOSTS[rawHost] ?? rawHost;
    const known = LOCATIONS[host];
    if (!known) {
      found.push(violation('invalid_host', rawHost));
      continue;
    }
    if (!isObject(places)) {
      found.push(violation('locations_must_be_urls', rawHost));
      continue;
    }
    for (const [name, options] of Object.entries(places)) {
      if (!known.includes(name)) found.push(violation('invalid_location', `${host}.${name}`));
      const url = isObject(options) ? options['url'] : options;
      if (!isObject(options)) found.push(violation('locations_must_be_urls', `${host}.${name}`));
      if (typeof url !== 'string' || url === '') {
        found.push(violation('blank_location_uri', `${host}.${name}`));
      } else if (!url.includes('{{setting.')) {
        const absolute = /^[a-z][a-z0-9+.-]*:/i.test(url);
        const valid = absolute ? /^https:\/\//i.test(url) || /^[a-z]+:\/\/localhost[:/]/i.test(url) : url.startsWith('assets/') && files.has(url.split(/[?#]/)[0] ?? url);
        if (!valid) found.push(violation('invalid_location_uri', url));
      }
      if (isObject(options) && options['flexible'] !== undefined && typeof options['flexible'] !== 'boolean') {
        found.push(violation('invalid_location_flexible_type', `${host}.${name}`));
      }
    }
  }
  return found;
}

function checkParameters(manifest: Json): RuleViolation[] {
  const parameters = manifest['parameters'];
  if (parameters === undefined) return [];
  if (!Array.isArray(parameters)) return [violation('parameters_not_an_array', typeof parameters)];
  const found: RuleViolation[] = [];
  const names = parameters.map((parameter) => (isObject(parameter) ? parameter['name'] : undefined));
  const duplicates = names.filter((name, index) => names.indexOf(name) !== index);
  if (duplicates.length > 0) found.push(violation('duplicate_parameters', duplicates.join(', ')));
  let oauth = 0;
  for (const parameter of parameters) {
    if (!isObject(parameter)) {
      found.push(violation('invalid_parameter', JSON.stringify(parameter)));
      continue;
    }
    const name = String(parameter['name']);
    const type = parameter['type'] ?? 'text';
    const secure = parameter['secure'] ?? false;
    if (typeof parameter['name'] !== 'string' || parameter['name'] === '') found.push(violation('invalid_parameter', 'parameter without a name'));
    if (name === 'name') found.push(violation('name_as_parameter_name', name));
    if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) found.push(violation('invalid_type_parameter', `${name}: ${String(type)}`));
    for (const flag of ['required', 'secure'] as const) {
      if (parameter[flag] !== undefined && typeof parameter[flag] !== 'boolean') found.push(violation('unacceptable_boolean', `parameters[name="${name}"].${flag}`));
    }
    if (type === 'hidden' && parameter['required'] === true) found.push(violation('invalid_hidden_parameter', name));
    if (type === 'oauth') oauth++;
    if (type === 'oauth' && secure === true) found.push(violation('oauth_parameter_cannot_be_secure', name));
    // A warning in Zendesk's validator (secure_settings.rb); this project treats it as an error.
    if ((secure === true || type === 'hidden') && 'default' in parameter) found.push(violation('default_secure_or_hidden_parameter', name));
    const scopes = parameter['scopes'];
    if (scopes !== undefined) {
      if (secure !== true) found.push(violation('field_requires_secure_parameter', `parameters[name="${name}"].scopes`));
      if (!Array.isArray(scopes) || scopes.length === 0) found.push(violation('field_cannot_be_empty', `parameters[name="${name}"].scopes`));
      else if (scopes.some((scope) => !SECURE_PARAM_SCOPES.includes(String(scope)))) found.push(violation('field_contains_invalid_values', `parameters[name="${name}"].scopes`));
    }
  }
  if (oauth > 1) found.push(violation('too_many_oauth_parameters', String(oauth)));
  return found;
}

function checkManifest(files: ReadonlyMap<string, ZipEntry>): { manifest: Json | null; found: RuleViolation[] } {
  const entry = files.get('manifest.json');
  if (!entry) {
    const nested = [...files.keys()].find((name) => /^[^/]+\/manifest\.json$/.test(name));
    return { manifest: null, found: [nested ? violation('nested_manifest', nested) : violation('missing_manifest', 'manifest.json')] };
  }
  const parsed = parseJson(entry);
  if (!parsed.ok || !isObject(parsed.value)) return { manifest: null, found: [violation('manifest_not_json', parsed.ok ? 'not an object' : parsed.error)] };
  const manifest = parsed.value;
  const found: RuleViolation[] = [];
  const missing = ['author', 'defaultLocale', 'frameworkVersion'].filter((key) => manifest[key] === undefined || manifest[key] === null);
  if (missing.length > 0) found.push(violation('manifest_keys.missing', missing.join(', ')));
  for (const key of ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private']) {
    if (manifest[key] !== undefined && typeof manifest[key] !== 'boolean') found.push(violation('unacceptable_boolean', key));
  }
  for (const key of ['defaultLocale', 'version', 'frameworkVersion', 'remoteInstallationURL', 'termsConditionsURL', 'gaID']) {
    if (manifest[key] !== undefined && manifest[key] !== null && typeof manifest[key] !== 'string') found.push(violation('unacceptable_string', key));
  }
  const author = manifest['author'];
  if (isObject(author)) {
    for (const key of ['name', 'email', 'url']) {
      if (author[key] !== undefined && typeof author[key] !== 'string') found.push(violation('unacceptable_string', `author ${key}`));
    }
    if (typeof author['url'] === 'string' && !/^https?:\/\/[^/\s]+/.test(author['url'])) found.push(violation('invalid_url', 'author url'));
  }
  const locale = manifest['defaultLocale'];
  if (typeof locale === 'string') {
    if (!VALID_LOCALE.test(locale)) found.push(violation('invalid_default_locale', locale));
    else if (!files.has(`translations/${locale}.json`)) found.push(violation('missing_translation_file', `translations/${locale}.json`));
  }
  const version = manifest['frameworkVersion'];
  if (typeof version === 'string' && !FRAMEWORK_VERSIONS.includes(version)) found.push(violation('invalid_version', version));
  found.push(...checkLocation(manifest, files), ...checkParameters(manifest));
  return { manifest, found };
}

function checkTranslations(files: ReadonlyMap<string, ZipEntry>, manifest: Json | null): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const [name, entry] of files) {
    const match = /^translations\/(.*)\.json$/.exec(name);
    if (!match) continue;
    if (!VALID_LOCALE.test(match[1] ?? '')) found.push(violation('translation.invalid_locale', name));
    const parsed = parseJson(entry);
    if (!parsed.ok) {
      found.push(violation('translation.not_json', name));
      continue;
    }
    if (!isObject(parsed.value)) {
      found.push(violation('translation.not_json_object', name));
      continue;
    }
    const app = isObject(parsed.value['app']) ? parsed.value['app'] : {};
    const parameters = isObject(app['parameters']) ? app['parameters'] : {};
    for (const [parameter, leaf] of Object.entries(parameters)) {
      if (!isObject(leaf) || typeof leaf['label'] !== 'string') found.push(violation('translation.missing_required_key_on_leaf', `${name}: app.parameters.${parameter}.label`));
    }
    if (name !== 'translations/en.json') continue;
    const keys = Object.keys(app).map((key) => (key === 'description' ? 'short_description' : key));
    const missing = MARKETPLACE_TRANSLATION_KEYS.filter((key) => !keys.includes(key) || typeof app[key] !== 'string' || app[key] === '');
    if (missing.length > 0) found.push(violation('translation.missing_required_key', `${name}: ${missing.join(', ')}`));
    // Zendesk shows each setting by its label; one without is a blank line in the admin's form.
    const declared = Array.isArray(manifest?.['parameters']) ? (manifest['parameters'] as unknown[]) : [];
    for (const parameter of declared) {
      const parameterName = isObject(parameter) ? String(parameter['name']) : '';
      if (!isObject(parameters[parameterName])) found.push(violation('translation.missing_parameter_label', `${name}: app.parameters.${parameterName}.label`));
    }
  }
  if (!files.has('translations/en.json')) found.push(violation('translation.missing_required_key', 'translations/en.json is missing'));
  return found;
}

function checkRequirements(files: ReadonlyMap<string, ZipEntry>): RuleViolation[] {
  const entry = files.get('requirements.json');
  if (!entry) return [];
  const parsed = parseJson(entry);
  if (!parsed.ok || !isObject(parsed.value)) return [violation('requirements_not_json', parsed.ok ? 'not an object' : parsed.error)];
  const requirements = parsed.value;
  const found: RuleViolation[] = [];
  const invalidTypes = Object.keys(requirements).filter((type) => !REQUIREMENT_TYPES.includes(type));
  if (invalidTypes.length > 0) found.push(violation('invalid_requirements_types', invalidTypes.join(', ')));
  let count = 0;
  for (const [type, group] of Object.entries(requirements)) {
    if (!isObject(group)) continue;
    for (const [identifier, body] of Object.entries(group)) {
      count++;
      if (!UNTITLED_REQUIREMENT_TYPES.includes(type) && (!isObject(body) || !('title' in body))) found.push(violation('missing_required_fields', `${type}.${identifier}: title`));
      if (type === 'ticket_fields' && isObject(body) && !TICKET_FIELD_TYPES.includes(String(body['type']))) found.push(violation('invalid_ticket_field_type', `${identifier}: ${String(body['type'])}`));
      if ((type === 'user_fields' || type === 'organization_fields') && isObject(body) && !('key' in body)) found.push(violation('missing_required_fields', `${type}.${identifier}: key`));
      if (type === 'targets' && isObject(body) && ['http_target', 'url_target_v2'].includes(String(body['type']))) found.push(violation('invalid_requirements_types', `targets -> ${String(body['type'])}`));
      if (type === 'webhooks' && isObject(body)) {
        for (const key of ['name', 'status', 'endpoint', 'http_method', 'request_format']) if (!(key in body)) found.push(violation('missing_required_fields', `webhooks.${identifier}: ${key}`));
      }
    }
  }
  if (count > MAX_REQUIREMENTS) found.push(violation('excessive_requirements', String(count)));
  return found;
}

function checkFiles(files: ReadonlyMap<string, ZipEntry>): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const [name, entry] of files) {
    if (entry.isSymlink) found.push(violation('symlink_in_zip', name));
    const extension = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
    const looksLikeZip = entry.data[0] === 0x50 && entry.data[1] === 0x4b && entry.data[2] === 0x03 && entry.data[3] === 0x04;
    const looksLikePdf = text(entry.data.subarray(0, 5)) === '%PDF-';
    if (UNSUPPORTED_EXTENSIONS.includes(extension) || looksLikeZip || looksLikePdf) found.push(violation('unsupported_mime_type_detected', name));
  }
  for (const logo of LOGOS) {
    const entry = files.get(logo.path);
    const header = entry ? pngHeader(entry.data) : null;
    if (!header) {
      found.push(violation('logo.missing_or_not_png', logo.path));
      continue;
    }
    if (header.width !== logo.size || header.height !== logo.size) found.push(violation('logo.wrong_size', `${logo.path}: ${header.width}×${header.height}, expected ${logo.size}×${logo.size}`));
    if (logo.transparent && header.colorType !== 4 && header.colorType !== 6) found.push(violation('logo.not_transparent', `${logo.path}: PNG colour type ${header.colorType} has no alpha`));
  }
  return found;
}

/**
 * A location with an icon needs assets/icon_<location>.svg (or the PNG set from icon_<location>_inactive.png);
 * without one Zendesk has no icon to show (package.rb build_location_icons_hash). A project rule, like the logos.
 */
function checkLocationIcons(manifest: Json, files: ReadonlyMap<string, ZipEntry>): RuleViolation[] {
  const location = isObject(manifest['location']) ? manifest['location'] : {};
  const found: RuleViolation[] = [];
  for (const [rawHost, places] of Object.entries(location)) {
    const host = LEGACY_HOSTS[rawHost] ?? rawHost;
    if (!isObject(places)) continue;
    for (const name of Object.keys(places)) {
      if (!(LOCATIONS_WITH_ICONS[host] ?? []).includes(name)) continue;
      if (!files.has(`assets/icon_${name}.svg`) && !files.has(`assets/icon_${name}_inactive.png`)) found.push(violation('location_icon.missing', `assets/icon_${name}.svg`));
    }
  }
  return found;
}

/** svg.rb: an embedded bitmap is replaced by a placeholder; markup the scrubber would change is rewritten. */
function checkSvgs(files: ReadonlyMap<string, ZipEntry>): RuleViolation[] {
  const found: RuleViolation[] = [];
  for (const [name, entry] of files) {
    if (!/^assets\/.*\.svg$/.test(name)) continue;
    const markup = text(entry.data);
    if (/<image[\s>/]/i.test(markup)) found.push(violation('bitmap_in_svg', name));
    if (/<!(DOCTYPE|ENTITY)|<!\[CDATA\[/i.test(markup)) found.push(violation('sanitised_svg', `${name}: DOCTYPE, ENTITY or CDATA`));
    for (const tag of markup.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*\/?>/g)) {
      const element = (tag[1] ?? '').toLowerCase();
      if (!SVG_ELEMENTS.includes(element) && element !== 'image') found.push(violation('sanitised_svg', `${name}: <${element}>`));
      for (const attribute of (tag[2] ?? '').matchAll(/([^\s=]+)(?:\s*=\s*("[^"]*"|'[^']*'))?/g)) {
        const attributeName = (attribute[1] ?? '').toLowerCase();
        const value = (attribute[2] ?? '').slice(1, -1).trim();
        if (!SVG_ATTRIBUTES.includes(attributeName)) found.push(violation('sanitised_svg', `${name}: ${element} ${attributeName}`));
        else if ((attributeName === 'href' || attributeName === 'xlink:href') && !value.startsWith('#')) found.push(violation('sanitised_svg', `${name}: ${attributeName}="${value}"`));
      }
    }
    // The developer docs: an <svg> or <symbol> needs a viewBox; Zendesk scales the icon to 18×18 by it.
    if (!/<(svg|symbol)\b[^>]*\sviewBox\s*=/.test(markup)) found.push(violation('svg_icon.missing_viewbox', name));
  }
  return found;
}

/** Every rule violation in an app package; an empty list means Zendesk's validator would accept it. */
export function checkAppPackage(entries: readonly ZipEntry[]): RuleViolation[] {
  const files = new Map(entries.filter((entry) => !entry.name.endsWith('/')).map((entry) => [entry.name, entry]));
  const { manifest, found } = checkManifest(files);
  if (!manifest) return [...found, ...checkFiles(files), ...checkSvgs(files)];
  return [...found, ...checkLocationIcons(manifest, files), ...checkTranslations(files, manifest), ...checkRequirements(files), ...checkFiles(files), ...checkSvgs(files)];
}
