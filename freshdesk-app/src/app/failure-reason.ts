import type { LocalizedText } from '@rakuten-helpdesk/core';
import { failureStatus } from '../shared/freshdesk-api';

/** Why a request failed, after the template's own retries: never a guess that all is well. */
export function failureReason(error: unknown): LocalizedText {
  const status = failureStatus(error);
  if (status === 429) {
    return {
      de: 'Freshdesk begrenzt gerade die Anfragen (HTTP 429), auch nach mehreren Versuchen.',
      en: 'Freshdesk is limiting requests right now (HTTP 429), even after several attempts.',
    };
  }
  if (status === 401 || status === 403) {
    return {
      de: `Freshdesk verweigert den Zugriff (HTTP ${status}); der API-Schlüssel braucht Administratorrechte.`,
      en: `Freshdesk refuses access (HTTP ${status}); the API key needs administrator rights.`,
    };
  }
  if (status !== null && status >= 500) {
    return { de: `Freshdesk antwortet gerade nicht (HTTP ${status}).`, en: `Freshdesk is not answering right now (HTTP ${status}).` };
  }
  if (status !== null) return { de: `Freshdesk antwortete mit HTTP ${status}.`, en: `Freshdesk answered HTTP ${status}.` };
  return { de: 'Freshdesk antwortete unerwartet.', en: 'Freshdesk gave an unexpected answer.' };
}
