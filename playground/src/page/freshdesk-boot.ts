/**
 * Adds a ticket properties panel to the tests' emulated Freshdesk page (test/freshdesk/host/host.html): the
 * two Rakuten fields, tags and due dates as the app's serverless part wrote them into the simulated account.
 * An agent's edit is saved there through Freshdesk's API, so it is still there when the ticket is opened again.
 */
import { formatDeadline } from '@rakuten-helpdesk/core';

interface Properties {
  readonly fields: { readonly name: string; readonly label: string; readonly value: string | null }[];
  readonly tags: readonly string[];
  readonly dueBy: string;
  readonly frDueBy: string;
}

const STYLE = `
  .properties { width: 240px; flex: none; background: #fff; border: 1px solid #cfd7df; border-radius: 4px; padding: 12px; display: grid; gap: 8px; }
  .properties h2 { margin: 0; font-size: 14px; }
  .properties label { display: grid; gap: 2px; font-size: 12px; color: #475867; }
  .properties input { font: inherit; padding: 4px 6px; border: 1px solid #cfd7df; border-radius: 4px; }
  .properties .tags { display: flex; flex-wrap: wrap; gap: 4px; min-height: 20px; }
  .properties .tag { font-size: 12px; padding: 0 6px; border-radius: 10px; background: #ebeff3; }
  .properties .due { font-size: 12px; color: #475867; margin: 0; }
  .properties .due strong { color: #12344d; }
  #save-properties { justify-self: start; background: #2c5cc5; color: #fff; border-color: #2c5cc5; }
  #properties-result { margin: 0; font-size: 12px; color: #00795b; min-height: 16px; }
  #properties-result[data-outcome='error'] { color: #d72d30; }
  .toast strong { display: block; }
  .actions { flex-wrap: wrap; }
  #close-button, #update-button { font-weight: 600; }
`;

/** The sidebar's way of writing a deadline (Berlin time, a midnight as 24:00 of the day before), so both agree. */
function due(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatDeadline(date, 'de');
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function draw(panel: HTMLElement, id: string, properties: Properties, outcome?: { readonly kind: 'saved' | 'error'; readonly text: string }): void {
  const inputs = properties.fields.map((field) => element('input', { 'data-field-name': field.name, value: field.value ?? '', autocomplete: 'off' }));
  const save = element('button', { id: 'save-properties', type: 'button' }, 'Aktualisieren');
  const result = element('p', { id: 'properties-result', role: 'status', 'data-outcome': outcome?.kind ?? 'none' }, outcome?.text ?? '');
  save.addEventListener('click', () => {
    const values = Object.fromEntries(inputs.map((input) => [input.dataset['fieldName'] ?? '', input.value === '' ? null : input.value]));
    save.disabled = true;
    void fetch(`/api/freshdesk/properties/${encodeURIComponent(id)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ custom_fields: values }),
    }).then(async (answer) => {
      if (answer.ok) return draw(panel, id, (await answer.json()) as Properties, { kind: 'saved', text: 'Gespeichert' });
      save.disabled = false;
      result.dataset['outcome'] = 'error';
      result.textContent = `Nicht gespeichert (${answer.status})`;
    });
  });
  panel.replaceChildren(
    element('h2', {}, 'Eigenschaften'),
    ...properties.fields.map((field, index) => element('label', {}, field.label, inputs[index] ?? '')),
    element('label', {}, 'Tags', element('span', { class: 'tags', 'data-part': 'tags' }, ...properties.tags.map((tag) => element('span', { class: 'tag' }, tag)))),
    element('p', { class: 'due' }, 'Erste Antwort fällig: ', element('strong', { 'data-part': 'fr-due-by' }, due(properties.frDueBy))),
    element('p', { class: 'due' }, 'Lösung fällig: ', element('strong', { 'data-part': 'due-by' }, due(properties.dueBy))),
    save,
    result,
  );
}

async function boot(): Promise<void> {
  const id = new URLSearchParams(location.search).get('scenario') ?? '';
  // The full-page app has no ticket, so no properties either.
  if (id === 'full-page') return;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const panel = element('aside', { class: 'properties', id: 'properties', 'aria-label': 'Ticket-Eigenschaften' });
  const apps = document.querySelector('.apps');
  apps?.parentElement?.insertBefore(panel, apps);
  const answer = await fetch(`/api/freshdesk/properties/${encodeURIComponent(id)}`);
  if (!answer.ok) {
    panel.textContent = `Keine Eigenschaften (${answer.status})`;
    return;
  }
  draw(panel, id, (await answer.json()) as Properties);
}

void boot();
