/**
 * Copies text for the agent. The async clipboard needs the iframe's clipboard-write permission, which a
 * helpdesk may not grant; the old selection copy still works there.
 */
export async function copyText(doc: Document, value: string): Promise<boolean> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard) {
    try {
      await clipboard.writeText(value);
      return true;
    } catch {
      // fall through to the selection copy
    }
  }
  const area = doc.createElement('textarea');
  area.value = value;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
