/**
 * Just enough of the DOM for the sidebar's drawing code to run in Node: elements with children, classes,
 * attributes, text and click listeners. Unit tests read the result back with `find`/`findAll`/`text`.
 */

export class FakeText {
  parent: FakeElement | null = null;
  constructor(public data: string) {}
  get textContent(): string {
    return this.data;
  }
}

type FakeChild = FakeElement | FakeText;

export class FakeElement {
  parent: FakeElement | null = null;
  children: FakeChild[] = [];
  className = '';
  value = '';
  disabled = false;
  readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, (() => void)[]>();

  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {}

  append(...nodes: (FakeChild | string)[]): void {
    for (const node of nodes) {
      const child = typeof node === 'string' ? new FakeText(node) : node;
      child.parent?.children.splice(child.parent.children.indexOf(child), 1);
      child.parent = this;
      this.children.push(child);
    }
  }

  replaceChildren(...nodes: FakeChild[]): void {
    for (const child of this.children) child.parent = null;
    this.children = [];
    this.append(...nodes);
  }

  remove(): void {
    this.parent?.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }

  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  click(): void {
    this.dispatch('click');
  }

  /** Fires the listeners of an event type (`input`, `change`, …) as the browser would. */
  dispatch(type: string): void {
    for (const listener of this.listeners.get(type) ?? []) listener();
  }

  /** Sets a field's value as typing would, and fires `input`. */
  type(value: string): void {
    this.value = value;
    this.dispatch('input');
  }

  select(): void {}

  get textContent(): string {
    return this.children.map((child) => child.textContent).join('');
  }

  set textContent(value: string) {
    this.replaceChildren(new FakeText(value));
  }
}

export interface FakeWindow {
  readonly navigator: { clipboard?: { writeText(value: string): Promise<void> } };
  setTimeout(callback: () => void, ms: number): number;
}

export class FakeDocument {
  readonly body = new FakeElement('body', this);
  defaultView: FakeWindow | null = null;
  /** What `execCommand('copy')` answers, the clipboard fallback. */
  copySucceeds = true;
  readonly commands: string[] = [];

  createElement(tag: string): FakeElement {
    return new FakeElement(tag, this);
  }

  createTextNode(text: string): FakeText {
    return new FakeText(text);
  }

  execCommand(command: string): boolean {
    this.commands.push(command);
    return this.copySucceeds;
  }
}

/** The fake handed to code typed against the real DOM. */
export function asDocument(doc: FakeDocument): Document {
  return doc as unknown as Document;
}

export function asElement(element: FakeElement): HTMLElement {
  return element as unknown as HTMLElement;
}

export function findAll(root: FakeElement, className: string): FakeElement[] {
  const found: FakeElement[] = [];
  for (const child of root.children) {
    if (!(child instanceof FakeElement)) continue;
    if (child.className.split(' ').includes(className)) found.push(child);
    found.push(...findAll(child, className));
  }
  return found;
}

export function find(root: FakeElement, className: string): FakeElement {
  const [first] = findAll(root, className);
  if (!first) throw new Error(`No element with class "${className}" in: ${root.textContent.slice(0, 200)}`);
  return first;
}

export function buttons(root: FakeElement): FakeElement[] {
  const found: FakeElement[] = [];
  for (const child of root.children) {
    if (!(child instanceof FakeElement)) continue;
    if (child.tagName === 'button') found.push(child);
    found.push(...buttons(child));
  }
  return found;
}

export function button(root: FakeElement, text: string): FakeElement {
  const match = buttons(root).find((candidate) => candidate.textContent === text);
  if (!match) throw new Error(`No button "${text}" among: ${buttons(root).map((candidate) => candidate.textContent).join(', ')}`);
  return match;
}

/** Every element with this tag name, depth first. */
export function byTag(root: FakeElement, tagName: string): FakeElement[] {
  const found: FakeElement[] = [];
  for (const child of root.children) {
    if (!(child instanceof FakeElement)) continue;
    if (child.tagName === tagName) found.push(child);
    found.push(...byTag(child, tagName));
  }
  return found;
}

/** The form field with this `name` attribute. */
export function field(root: FakeElement, name: string): FakeElement {
  const match = [...byTag(root, 'input'), ...byTag(root, 'textarea'), ...byTag(root, 'select')].find((candidate) => candidate.getAttribute('name') === name);
  if (!match) throw new Error(`No field "${name}"`);
  return match;
}
