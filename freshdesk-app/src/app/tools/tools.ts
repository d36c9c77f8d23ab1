import { SIDEBAR_TEXT, t, type Locale } from '@rakuten-helpdesk/core';
import { IparamsSchema } from '../../shared/freshdesk-schemas';
import { copyToClipboard } from '../actions';
import type { FreshworksClient } from '../client';
import { el } from '../dom';
import { helpdeskDomain, runSetupCheck, type SetupCheckDeps } from './setup-check';
import { renderChecks } from './setup-view';
import { channelsPanel, composerPanel } from './support-view';
import { TOOL_TEXT } from './tool-text';

/**
 * The setup check and the Rakuten support panel, for the full-page app and, loaded on demand, the sidebar.
 * Both read the helpdesk through the request templates only.
 */

export type ToolKind = 'setup' | 'support';

export interface ToolSettings {
  readonly domain: string | null;
  readonly sid: string;
}

export async function toolSettings(client: FreshworksClient): Promise<ToolSettings> {
  try {
    const parsed = IparamsSchema.safeParse(await client.iparams.get());
    if (!parsed.success) return { domain: null, sid: '' };
    return { domain: helpdeskDomain(parsed.data.domain), sid: parsed.data.rakuten_sid?.trim() ?? '' };
  } catch {
    return { domain: null, sid: '' };
  }
}

export interface ToolContext {
  readonly client: FreshworksClient;
  readonly doc: Document;
  readonly locale: Locale;
  readonly settings: ToolSettings;
  readonly userAgent: string;
  /** Runs the checks; the default reads Freshdesk. */
  readonly check?: (deps: SetupCheckDeps) => ReturnType<typeof runSetupCheck>;
}

export interface Panel {
  readonly element: HTMLElement;
  /** Settles when the panel has its first complete content. */
  readonly ready: Promise<void>;
}

/** The setup check: runs at once, and again on request. */
export function setupPanel(context: ToolContext): Panel {
  const { doc, locale } = context;
  const check = context.check ?? runSetupCheck;
  const results = el(doc, 'div', { className: 'setup__results', attrs: { 'aria-live': 'polite' } });
  const again = el(doc, 'button', { className: 'button button--secondary button--small', attrs: { type: 'button' } }, [t(TOOL_TEXT.checkAgain, locale)]);
  const element = el(doc, 'section', { className: 'tool-section setup', attrs: { 'aria-busy': 'true' } }, [
    el(doc, 'div', { className: 'tool-section__head' }, [el(doc, 'h2', { className: 'tool-title' }, [t(TOOL_TEXT.setupTitle, locale)]), again]),
    el(doc, 'p', { className: 'muted' }, [t(TOOL_TEXT.setupIntro, locale)]),
    results,
  ]);
  const run = async () => {
    again.disabled = true;
    element.setAttribute('aria-busy', 'true');
    results.replaceChildren(el(doc, 'p', { className: 'muted' }, [t(TOOL_TEXT.checking, locale)]));
    try {
      const items = await check({ request: context.client.request, db: context.client.db, domain: context.settings.domain });
      results.replaceChildren(...renderChecks(doc, items, locale));
    } catch {
      results.replaceChildren(el(doc, 'p', { className: 'banner banner--failed' }, [t(SIDEBAR_TEXT.appFailed, locale)]));
    }
    element.setAttribute('aria-busy', 'false');
    again.disabled = false;
  };
  again.addEventListener('click', () => void run());
  return { element, ready: run() };
}

/** Rakuten's channels and the request composer. */
export function supportPanel(context: ToolContext): Panel {
  const { doc, locale } = context;
  const element = el(doc, 'section', { className: 'tool-section support' }, [
    el(doc, 'h2', { className: 'tool-title' }, [t(TOOL_TEXT.supportTitle, locale)]),
    channelsPanel(doc, locale),
    composerPanel(
      doc,
      {
        client: context.client,
        sid: context.settings.sid,
        userAgent: context.userAgent,
        domain: context.settings.domain,
        copy: (value) => copyToClipboard(doc, value),
      },
      locale,
    ),
  ]);
  return { element, ready: Promise.resolve() };
}

/**
 * One tool in the sidebar, with a way back to the ticket. Replaces what `root` shows; `back` draws the ticket
 * view again.
 */
export async function showTool(kind: ToolKind, root: HTMLElement, context: ToolContext, back: () => void): Promise<void> {
  const { doc, locale } = context;
  const backButton = el(doc, 'button', { className: 'button button--link tools-back', attrs: { type: 'button' } }, [t(TOOL_TEXT.back, locale)]);
  backButton.addEventListener('click', back);
  const panel = kind === 'setup' ? setupPanel(context) : supportPanel(context);
  root.replaceChildren(backButton, panel.element);
  root.setAttribute('aria-busy', 'false');
  await panel.ready;
}
