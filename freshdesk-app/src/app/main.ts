// The ticket sidebar's entry: wait for the Freshworks client, then hand it to the sidebar.
import type { Clock, FreshworksClient } from './client';
import { startSidebar } from './sidebar';

declare const app: { initialized(): Promise<FreshworksClient> };

const browserClock: Clock = {
  now: () => new Date(),
  every: (ms, tick) => void window.setInterval(tick, ms),
  after: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
};

function boot(): void {
  const root = document.getElementById('rakuten-sidebar');
  if (!root) return;
  // If the platform never hands over a client there is nothing to draw with; Freshdesk shows its own error.
  const userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  void app.initialized().then((client) => startSidebar(client, root, browserClock, undefined, userAgent), () => undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
