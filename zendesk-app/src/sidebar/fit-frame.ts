import type { HelpdeskClient } from '../zaf-client';

/** Keeps the sidebar iframe as tall as its content, so the agent never scrolls inside a box in a box. */
export function fitFrameToContent(client: HelpdeskClient, content: HTMLElement): () => void {
  let lastHeight = -1;
  const fit = (): void => {
    const height = Math.ceil(content.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    client.invoke('resize', { width: '100%', height: `${height}px` }).catch(() => undefined);
  };
  const view = content.ownerDocument.defaultView;
  if (view && 'ResizeObserver' in view) new view.ResizeObserver(fit).observe(content);
  return fit;
}
