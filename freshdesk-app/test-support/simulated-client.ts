import { join } from 'node:path';
import { FreshdeskSimulator } from '../../test/freshdesk/support/freshdesk-simulator';
import { templateRuntime, type TemplateInvoker } from '../../test/freshdesk/support/request-templates';
import type { FreshworksClient } from '../src/app/client';

/**
 * The front end's Freshworks client without a browser: `client.request.invokeTemplate` runs the app's real
 * request templates (static/config/requests.json, with FDK's substitution, retries and rate limit) against the
 * loopback Freshdesk simulator; `client.db` is the app's store; the page's data is the logged-in agent.
 */

export const DOMAIN = 'mustershop.freshdesk.com';
export const API_KEY = 'test-api-key';
const STATIC_DIR = join(__dirname, '../static');

export interface SimulatedClient {
  readonly client: FreshworksClient;
  readonly invoker: TemplateInvoker;
  readonly store: Map<string, unknown>;
  readonly triggers: { action: string; payload: Readonly<Record<string, unknown>> }[];
}

export interface SimulatedClientOptions {
  readonly apiKey?: string;
  readonly sid?: string;
  /** The agent as the page knows them; null: the page does not say (the app then asks the API). */
  readonly agent?: { readonly email: string; readonly language: string } | null;
}

export function simulatedClient(sim: FreshdeskSimulator, options: SimulatedClientOptions = {}): SimulatedClient {
  const iparams = { domain: DOMAIN, api_key: options.apiKey ?? API_KEY, shop_signature: 'Ihr Team von Mustershop', bundesland: 'NW', saturday_counts: false, rakuten_sid: options.sid ?? '' };
  const invoker = templateRuntime({ appDir: STATIC_DIR, iparams, hosts: { [DOMAIN]: sim.url }, retryDelayScale: 0.01, requestTimeoutMs: 5000 });
  const store = new Map<string, unknown>();
  const triggers: SimulatedClient['triggers'] = [];
  const agent = options.agent === undefined ? { email: 'anna@mustershop.de', language: 'de' } : options.agent;
  const { api_key: _secure, ...visible } = iparams;
  const client: FreshworksClient = {
    data: {
      get: async (name) => {
        if (name === 'loggedInUser') return { loggedInUser: agent ? { contact: { ...agent, name: 'Anna Agentin' } } : {} };
        throw { status: 404, message: `no ${name} on this page` };
      },
    },
    db: {
      get: async (key) => {
        if (!store.has(key)) throw { status: 404, message: 'Record not found' };
        return structuredClone(store.get(key));
      },
    },
    events: { on: () => undefined },
    interface: {
      trigger: async (action, payload) => {
        triggers.push({ action, payload });
        return { success: true };
      },
    },
    // Secure iparams never reach the front end.
    iparams: { get: async () => ({ ...visible }) },
    request: { invokeTemplate: (name, call) => invoker.invokeTemplate(name, { ...(call.context ? { context: { ...call.context } } : {}), ...(call.body === undefined ? {} : { body: call.body }) }) },
  };
  return { client, invoker, store, triggers };
}

/** A simulator with the account as the app leaves it after a good install: both fields, stored names. */
export async function installedSimulator(): Promise<{ sim: FreshdeskSimulator; names: { orderNumber: string; customerName: string } }> {
  const sim = new FreshdeskSimulator(API_KEY);
  await sim.start();
  const order = sim.addField('Rakuten-Bestellnummer');
  const name = sim.addField('Rakuten-Kundenname');
  return { sim, names: { orderNumber: order.name, customerName: name.name } };
}
