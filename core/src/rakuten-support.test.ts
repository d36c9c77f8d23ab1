import { forwardMessage } from '../test-support/forward';
import { analyzeMessage } from './analyze';
import { RAKUTEN_SUPPORT_CHANNELS, composeSupportRequest, detectEnvironment, mentionsRewards } from './rakuten-support';

describe('Rakuten support contact', () => {
  test('channels are those of the help page, with no invented e-mail address', () => {
    const details = RAKUTEN_SUPPORT_CHANNELS.map((channel) => channel.detail.de).join('\n');
    expect(details).toContain('+1-888-880-8430');
    expect(details).toContain('+1-646-943-8200, dann Option 7');
    expect(details).toContain('+44 (0) 800 011 6169');
    expect(details).not.toMatch(/[\w.]+@[\w.]+/);
  });

  test('the composed request carries everything the help page asks for', () => {
    const request = composeSupportRequest({
      sid: '3512345',
      browser: 'Chrome 131',
      operatingSystem: 'Windows 10/11',
      steps: 'Bericht geöffnet',
      errorMessage: 'Fehler 500',
      locale: 'de',
    });
    expect(request.subject).toBe('Technisches Problem – SID 3512345');
    for (const part of ['SID (Website-ID): 3512345', 'Browser: Chrome 131', 'Betriebssystem: Windows 10/11', 'Bericht geöffnet', 'Fehler 500', 'Screenshots']) {
      expect(request.body).toContain(part);
    }
  });

  test('missing parts are marked for the merchant to fill in', () => {
    const request = composeSupportRequest({ sid: '', browser: '', operatingSystem: '', steps: '', errorMessage: '', locale: 'en' });
    expect(request.body).toContain('SID (site ID): (please fill in)');
  });

  test.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131', 'Windows 10/11'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari 17.5', 'macOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133', 'Linux'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge 131', 'Windows 10/11'],
  ])('detectEnvironment(%s)', (ua, browser, os) => {
    expect(detectEnvironment(ua)).toEqual({ browser, operatingSystem: os });
  });

  test('a customer asking about cashback gets the rewards flag', () => {
    expect(mentionsRewards('Wo bleibt mein Cashback von Rakuten Rewards?')).toBe(true);
    expect(mentionsRewards('Wo bleibt mein Paket?')).toBe(false);
    const analysis = analyzeMessage(forwardMessage({ message: 'Ich habe mein Ebates-Guthaben nicht bekommen.' }));
    expect(analysis.flags.map((flag) => flag.code)).toContain('rewards-matter');
  });
});
