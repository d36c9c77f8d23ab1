// The full-page app's entry: the setup check and Rakuten support on one page.
import type { FreshworksClient } from './client';
import { startFullPage } from './tools/full-page-view';

declare const app: { initialized(): Promise<FreshworksClient> };

function boot(): void {
  const root = document.getElementById('rakuten-full-page');
  if (!root) return;
  const userAgent = typeof navigator === 'undefined' ? '' : navigator.userAgent;
  void app.initialized().then((client) => startFullPage(client, root, userAgent), () => undefined);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
