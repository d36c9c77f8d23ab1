/**
 * Runs after the tests' workspace host script (test/zendesk/host/host.ts) on the playground's Zendesk page:
 * fetches the ticket named in ?ticket= and opens it, as a test does with `zafHost.start`; with
 * ?location=nav_bar it opens the app's nav bar pane on the simulated account instead. The playground serves
 * the built app from this origin under /zendesk-app/.
 */

interface Boot {
  readonly scenario: unknown;
  readonly subject: string;
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** The sidebar's page on this origin, e.g. /zendesk-app/assets/iframe.html. */
  readonly entryUrl: string;
}

interface ZafHost {
  start(scenario: unknown, entryUrl: string): void;
}

/** Makes what the guard decided easy to see: the host only writes it as plain text. */
const STYLE = `
  #save-result { margin: 0; font-weight: 600; }
  #save-result[data-outcome='cancelled'] { color: #cc3340; }
  #save-result[data-outcome='cancelled']::before { content: 'Save cancelled: '; }
  #save-result[data-outcome='saved'] { color: #038153; }
  #notices:empty { display: none; }
  #notices { margin: 0; padding-left: 20px; color: #ad5918; }
  #submit { justify-self: start; padding: 6px 20px; border: 0; border-radius: 4px; background: #1f73b7; color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  .ticket h1 { margin-bottom: 4px !important; }
  /* The ticket takes the room, the apps column sits at the right edge, as in Zendesk's workspace. */
  .ticket { max-width: none !important; }
`;

async function boot(): Promise<void> {
  const query = new URLSearchParams(location.search);
  const id = query.get('ticket') ?? '';
  const navBar = query.get('location') === 'nav_bar';
  const answer = await fetch(navBar ? '/api/zendesk/nav-bar' : `/api/zendesk/scenario/${encodeURIComponent(id)}`);
  if (!answer.ok) {
    document.body.textContent = navBar ? `No nav bar pane: ${answer.status}` : `No ticket ${id}: ${answer.status}`;
    return;
  }
  const boot = (await answer.json()) as Boot;
  const style = document.createElement('style');
  style.textContent = STYLE;
  document.head.append(style);
  const subject = document.getElementById('subject');
  if (subject) subject.textContent = boot.subject;
  const host = (window as unknown as { zafHost?: ZafHost }).zafHost;
  if (!host) throw new Error('host.js did not start');
  host.start(boot.scenario, new URL(boot.entryUrl, location.origin).href);
  // The host names custom fields by id only; give them the titles the app's requirements install.
  for (const input of document.querySelectorAll<HTMLInputElement>('input[data-field-id]')) {
    const label = input.parentElement;
    const title = boot.fieldLabels[input.dataset['fieldId'] ?? ''];
    if (label && title && label.firstChild?.nodeType === Node.TEXT_NODE) label.firstChild.textContent = title;
  }
}

void boot();

// A module, so that its names stay its own in the type check.
export {};
