import {
  RAKUTEN_SUPPORT_CHANNELS,
  RAKUTEN_SUPPORT_SOURCE,
  RAKUTEN_SUPPORT_TIPS,
  REWARDS_HELP_URL,
  composeSupportRequest,
  detectEnvironment,
  t,
  type Locale,
  type SupportChannel,
} from '@rakuten-helpdesk/core';
import { z } from 'zod/mini';
import { adminApi } from '../../shared/admin-api';
import { notify, replyHtml } from '../actions';
import type { FreshworksClient } from '../client';
import { el } from '../dom';
import { externalLink } from './setup-view';
import { TOOL_TEXT } from './tool-text';

/**
 * Rakuten's support channels as Rakuten's help page gives them, and a composer for a support request with
 * everything that page asks for: SID, browser, operating system, the steps, the error message, screenshots.
 */

export interface SupportDeps {
  readonly client: FreshworksClient;
  /** The SID from the app settings; the merchant may change it in the form. */
  readonly sid: string;
  readonly userAgent: string;
  readonly domain: string | null;
  copy(value: string): Promise<boolean>;
}

/** Tag on tickets the composer creates, so the merchant finds their Rakuten support requests again. */
export const SUPPORT_TAG = 'rakuten-support-anfrage';

function channelItem(doc: Document, channel: SupportChannel, locale: Locale): HTMLElement {
  const detail = t(channel.detail, locale);
  return el(doc, 'li', { className: 'channel', attrs: { 'data-channel': channel.id } }, [
    el(doc, 'span', { className: 'channel__label' }, [t(channel.label, locale)]),
    channel.phone
      ? el(doc, 'a', { className: 'channel__detail channel__phone', attrs: { href: `tel:${channel.phone}` } }, [detail])
      : el(doc, 'span', { className: 'channel__detail' }, [detail]),
  ]);
}

/** The channels, the tips and the pointer for Rewards/cashback, marked as coming from Rakuten's help page. */
export function channelsPanel(doc: Document, locale: Locale): HTMLElement {
  return el(doc, 'section', { className: 'tool-section support-channels' }, [
    el(doc, 'p', { className: 'notice notice--info' }, [
      `${t(TOOL_TEXT.rewardsNotice, locale)} `,
      externalLink(doc, REWARDS_HELP_URL, REWARDS_HELP_URL.replace(/^https:\/\/www\./, '')),
    ]),
    el(doc, 'h3', { className: 'section__title' }, [t(TOOL_TEXT.channels, locale)]),
    el(doc, 'ul', { className: 'channels' }, RAKUTEN_SUPPORT_CHANNELS.map((channel) => channelItem(doc, channel, locale))),
    el(doc, 'h3', { className: 'section__title' }, [t(TOOL_TEXT.tips, locale)]),
    el(doc, 'ul', { className: 'tips' }, RAKUTEN_SUPPORT_TIPS.map((tip) => el(doc, 'li', {}, [t(tip, locale)]))),
    el(doc, 'p', { className: 'source muted' }, [t(RAKUTEN_SUPPORT_SOURCE, locale)]),
  ]);
}

const LoggedInUserSchema = z.object({
  loggedInUser: z.object({ email: z.nullish(z.string()), contact: z.nullish(z.object({ email: z.nullish(z.string()) })) }),
});

/** The logged-in agent's address, the requester of the tracking ticket; from the page, else from the API. */
export async function agentEmail(client: FreshworksClient): Promise<string | null> {
  try {
    const parsed = LoggedInUserSchema.safeParse(await client.data.get('loggedInUser'));
    const email = parsed.success ? (parsed.data.loggedInUser.contact?.email ?? parsed.data.loggedInUser.email) : null;
    if (email) return email;
    return (await adminApi(client.request).getCurrentAgent()).contact?.email ?? null;
  } catch {
    return null;
  }
}

interface Field {
  readonly wrap: HTMLElement;
  readonly input: HTMLInputElement | HTMLTextAreaElement;
}

function field(doc: Document, name: string, label: string, value: string, multiline: boolean, hint: string | null): Field {
  const id = `support-${name}`;
  const input = multiline
    ? el(doc, 'textarea', { className: 'input input--area', attrs: { id, name, rows: '3' } })
    : el(doc, 'input', { className: 'input', attrs: { id, name, type: 'text', autocomplete: 'off' } });
  input.value = value;
  const wrap = el(doc, 'div', { className: 'form-field' }, [
    el(doc, 'label', { className: 'form-field__label', attrs: { for: id } }, [label]),
    input,
    hint && el(doc, 'span', { className: 'form-field__hint' }, [hint]),
  ]);
  return { wrap, input };
}

/** The composer: a form, a live preview, copy and "create as ticket". */
export function composerPanel(doc: Document, deps: SupportDeps, locale: Locale): HTMLElement {
  const env = detectEnvironment(deps.userAgent);
  const text = (key: keyof typeof TOOL_TEXT) => t(TOOL_TEXT[key], locale);
  const language = el(doc, 'select', { className: 'input', attrs: { id: 'support-language', name: 'language' } }, [
    el(doc, 'option', { attrs: { value: 'de' } }, ['Deutsch']),
    el(doc, 'option', { attrs: { value: 'en' } }, ['English']),
  ]);
  language.value = locale;
  const sid = field(doc, 'sid', text('sid'), deps.sid, false, text('sidHint'));
  const browser = field(doc, 'browser', text('browser'), env.browser, false, env.browser ? text('detected') : null);
  const os = field(doc, 'os', text('operatingSystem'), env.operatingSystem, false, env.operatingSystem ? text('detected') : null);
  const steps = field(doc, 'steps', text('steps'), '', true, null);
  const errorMessage = field(doc, 'error', text('errorMessage'), '', true, null);
  const subject = el(doc, 'p', { className: 'preview__subject' });
  const body = el(doc, 'pre', { className: 'preview__body' });
  const status = el(doc, 'p', { className: 'composer__status', attrs: { role: 'status' } });
  const copyButton = el(doc, 'button', { className: 'button button--secondary', attrs: { type: 'button' } }, [text('copyRequest')]);
  const sendButton = el(doc, 'button', { className: 'button button--primary', attrs: { type: 'button' } }, [text('sendAsTicket')]);

  const request = () =>
    composeSupportRequest({
      sid: sid.input.value,
      browser: browser.input.value,
      operatingSystem: os.input.value,
      steps: steps.input.value,
      errorMessage: errorMessage.input.value,
      locale: language.value === 'en' ? 'en' : 'de',
    });
  /** The request last created as a ticket: the same text is not created twice. */
  let sentKey: string | null = null;
  const update = () => {
    const composed = request();
    subject.textContent = composed.subject;
    body.textContent = composed.body;
    sendButton.disabled = sentKey === JSON.stringify(composed);
  };
  const say = (tone: 'ok' | 'problem' | 'busy', ...children: (Node | string)[]) => {
    status.className = `composer__status composer__status--${tone}`;
    status.replaceChildren(...children);
  };
  for (const input of [language, sid.input, browser.input, os.input, steps.input, errorMessage.input]) {
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  }

  copyButton.addEventListener('click', () => {
    const composed = request();
    void deps.copy(`${composed.subject}\n\n${composed.body}`).then((copied) => say(copied ? 'ok' : 'problem', text(copied ? 'copied' : 'copyFailed')));
  });

  let sending = false;
  sendButton.addEventListener('click', () => {
    const composed = request();
    if (sending || sentKey === JSON.stringify(composed)) return;
    sending = true;
    sendButton.disabled = true;
    say('busy', text('sending'));
    void (async () => {
      const email = await agentEmail(deps.client);
      if (!email) {
        sending = false;
        sendButton.disabled = false;
        return say('problem', text('noAgentEmail'));
      }
      try {
        const created = await adminApi(deps.client.request).createTicket({
          email,
          subject: composed.subject,
          description: replyHtml(composed.body),
          status: 2,
          priority: 1,
          tags: [SUPPORT_TAG],
        });
        sentKey = JSON.stringify(composed);
        sending = false;
        const label = `#${created.id}`;
        say('ok', `${text('sent')} `, deps.domain ? externalLink(doc, `https://${deps.domain}/a/tickets/${created.id}`, label) : label);
        await notify(deps.client, locale, 'success', `${text('sent')} ${label}`);
      } catch {
        sending = false;
        sendButton.disabled = false;
        say('problem', text('sendFailed'));
        await notify(deps.client, locale, 'danger', text('sendFailed'));
      }
    })();
  });

  update();
  return el(doc, 'section', { className: 'tool-section composer' }, [
    el(doc, 'h3', { className: 'section__title' }, [text('composerTitle')]),
    el(doc, 'div', { className: 'form-field' }, [el(doc, 'label', { className: 'form-field__label', attrs: { for: 'support-language' } }, [text('language')]), language]),
    sid.wrap,
    el(doc, 'div', { className: 'form-row' }, [browser.wrap, os.wrap]),
    steps.wrap,
    errorMessage.wrap,
    el(doc, 'p', { className: 'notice notice--reminder' }, [text('screenshots')]),
    el(doc, 'div', { className: 'preview' }, [
      el(doc, 'span', { className: 'fact__label' }, [text('preview')]),
      el(doc, 'div', { className: 'preview__box' }, [subject, body]),
    ]),
    el(doc, 'div', { className: 'composer__actions' }, [copyButton, sendButton]),
    el(doc, 'p', { className: 'form-field__hint' }, [text('sendHint')]),
    status,
  ]);
}
