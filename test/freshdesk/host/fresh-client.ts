import type { HostEvent, HostWindow } from './protocol';

/**
 * Stands in for the script Freshdesk serves at {{{appclient}}}: defines `app.initialized()`, which resolves
 * with a client whose data, events, interface, iparams and request calls are answered by the ticket page
 * around the iframe. Values cross the frame boundary as JSON, as they would through postMessage.
 */

const host = (window.parent as Window & HostWindow).fdHost;
if (!host) throw new Error('fresh-client.js must run inside the emulated Freshdesk page');
const platform = host;

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Rejections arrive as the host window's objects; the app gets its own copy, as over postMessage. */
function settle<T>(promise: Promise<T>): Promise<T> {
  return promise.then(clone, (error: unknown) => Promise.reject(clone(error)));
}

type Callback = (event: { type: string; helper: { getData(): unknown; done(): void; fail(message: string): void } }) => void;

const client = {
  data: { get: (name: string) => settle(platform.dataGet(name)) },
  db: { get: (key: string) => settle(platform.dbGet(key)) },
  events: {
    on(name: string, callback: Callback, options?: { intercept?: boolean }): void {
      platform.on(
        name,
        (event: HostEvent) =>
          callback({
            type: event.type,
            helper: { getData: () => clone(event.data), done: () => event.done(), fail: (message: string) => event.fail(String(message)) },
          }),
        options?.intercept === true,
      );
    },
  },
  interface: { trigger: (action: string, payload: unknown) => settle(platform.trigger(action, clone(payload))) },
  iparams: { get: () => settle(platform.iparams()) },
  request: { invokeTemplate: (name: string, call?: unknown) => settle(platform.invokeTemplate(name, clone(call ?? {}))) },
  instance: { resize: () => Promise.resolve() },
};

const stamp = () => performance.timeOrigin + performance.now();

// The first complete picture: the sidebar (or the full page) clears aria-busy once it has drawn.
const observer = new MutationObserver(() => {
  const root = document.getElementById('rakuten-sidebar') ?? document.getElementById('rakuten-full-page');
  if (root?.getAttribute('aria-busy') === 'false') {
    platform.rendered(stamp());
    observer.disconnect();
  }
});
observer.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });

(window as Window & { app?: unknown }).app = {
  initialized() {
    platform.registered(stamp());
    return Promise.resolve(client);
  },
};
