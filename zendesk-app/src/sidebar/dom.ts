/**
 * The only way the sidebar makes elements. Text goes in as text nodes: names, messages and subjects come from
 * strangers' mail, so nothing here ever parses a string as HTML.
 */
export type Child = Node | string | null | false;

export interface Attributes {
  readonly class?: string;
  readonly title?: string;
  readonly role?: string;
  readonly type?: string;
  readonly 'aria-live'?: string;
  readonly 'aria-label'?: string;
  readonly 'data-part'?: string;
  readonly 'data-finding'?: string;
  readonly 'data-check'?: string;
  readonly 'data-status'?: string;
  readonly id?: string;
  readonly for?: string;
  readonly lang?: string;
  readonly rows?: string;
  readonly autocomplete?: string;
  readonly spellcheck?: string;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'string') element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  const doc = parent.ownerDocument ?? (parent as Document);
  for (const child of children) {
    if (child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Only addresses the app itself builds or holds as constants are linked; anything else stays text. */
const LINKABLE = /^(?:https:\/\/[a-z0-9.-]+(?:[/?#][^\s"<>]*)?|tel:\+\d{6,15})$/i;

/** A link that leaves the helpdesk: a new tab that cannot reach back into the app (rel noopener noreferrer). */
export function externalLink(doc: Document, url: string, label: string, part?: string): HTMLElement {
  if (!LINKABLE.test(url)) return el(doc, 'span', part ? { 'data-part': part } : {}, label);
  const link = el(doc, 'a', part ? { 'data-part': part } : {}, label);
  link.href = url;
  if (url.startsWith('https:')) {
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  }
  return link;
}
