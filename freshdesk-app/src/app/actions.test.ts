import { FakeClient } from '../../test-support/fake-client';
import { FakeDocument, asDocument } from '../../test-support/fake-dom';
import { notify, replyHtml, sidebarActions } from './actions';
import { loadTicketContext } from './ticket-context';

describe('replyHtml', () => {
  test('escapes every character of markup and keeps the lines', () => {
    expect(replyHtml('Guten Tag <img src=x onerror=alert(1)> & "Co" \'s,\n\nGrüße')).toBe(
      'Guten Tag &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot; &#39;s,<br><br>Grüße',
    );
  });
});

describe('sidebarActions', () => {
  test('the closing reply opens the editor and goes in as escaped HTML, in the shop language', async () => {
    const fake = new FakeClient({ forward: { customerName: 'Erika "Eri" & Co', message: 'Danke!' }, language: 'en' });
    const context = await loadTicketContext(fake.client);
    sidebarActions(fake.client, asDocument(new FakeDocument()), context, 'en').insertClosingReply();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.triggers.map((trigger) => trigger.action)).toEqual(['click', 'setValue']);
    expect(fake.triggers[1]?.payload).toEqual({
      id: 'editor',
      replace: true,
      text: 'Guten Tag Erika &quot;Eri&quot; &amp; Co,<br><br>vielen Dank für Ihre Nachricht. Schön, dass sich alles geklärt hat.<br>Wenn Sie noch Fragen haben, sind wir jederzeit gern für Sie da.<br><br>Freundliche Grüße<br>Ihr Mustershop',
    });
  });

  test('the fix puts service@rakuten.de back as the only recipient', async () => {
    const fake = new FakeClient();
    const context = await loadTicketContext(fake.client);
    sidebarActions(fake.client, asDocument(new FakeDocument()), context, 'de').fixRecipients();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.triggers.map((trigger) => trigger.payload)).toEqual([
      { id: 'to', value: ['service@rakuten.de'] },
      { id: 'cc', value: [] },
      { id: 'bcc', value: [] },
    ]);
  });

  test('when the page refuses, the agent is told', async () => {
    const fake = new FakeClient();
    const context = await loadTicketContext(fake.client);
    fake.triggerFailure = { message: 'no editor' };
    sidebarActions(fake.client, asDocument(new FakeDocument()), context, 'de').insertClosingReply();
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.triggers.map((trigger) => trigger.action)).toEqual(['click', 'showNotify']);
    await expect(notify(fake.client, 'de', 'info', 'x')).resolves.toBeUndefined();
  });

  test('copies with the clipboard, or with a selection where the clipboard is refused', async () => {
    const fake = new FakeClient();
    const context = await loadTicketContext(fake.client);
    const doc = new FakeDocument();
    const written: string[] = [];
    doc.defaultView = { navigator: { clipboard: { writeText: async (value) => void written.push(value) } }, setTimeout: () => 0 };
    const actions = sidebarActions(fake.client, asDocument(doc), context, 'de');
    await expect(actions.copy('123-456-789')).resolves.toBe(true);
    expect(written).toEqual(['123-456-789']);

    doc.defaultView = { navigator: { clipboard: { writeText: () => Promise.reject(new Error('denied')) } }, setTimeout: () => 0 };
    await expect(actions.copy('123-456-789')).resolves.toBe(true);
    expect(doc.commands).toEqual(['copy']);
    expect(doc.body.children).toEqual([]);
    doc.copySucceeds = false;
    doc.defaultView = null;
    await expect(actions.copy('x')).resolves.toBe(false);
  });
});
