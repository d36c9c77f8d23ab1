/** Performance marks a host (or a test) can read to see how long the agent waits for the sidebar. */
export const TIMING = {
  registered: 'rakuten-helpdesk:registered',
  firstRender: 'rakuten-helpdesk:first-render',
  measure: 'rakuten-helpdesk:registration-to-first-render',
} as const;

export function markRegistered(): void {
  performance.mark(TIMING.registered);
}

/** Only the first complete render counts; later redraws are the agent's own doing. */
export function markFirstRender(): void {
  if (performance.getEntriesByName(TIMING.firstRender).length > 0) return;
  performance.mark(TIMING.firstRender);
  if (performance.getEntriesByName(TIMING.registered).length > 0) performance.measure(TIMING.measure, TIMING.registered, TIMING.firstRender);
}
