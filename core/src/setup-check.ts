import type { LocalizedText } from './i18n';
import { RAKUTEN_DE, type MarketplaceProfile } from './profile';
import { normalizeAddress } from './sender-trust';

/**
 * The setup check's verdicts and wording, shared by both apps: each app reads its helpdesk's API and hands
 * the facts here; what is wrong and how to fix it is said once.
 */
export type SetupCheckId = 'fields' | 'auto-replies' | 'spam' | 'credentials';
/** `manual`: the API cannot tell, so the merchant must look; `error`: the check itself could not run. */
export type SetupCheckStatus = 'ok' | 'problem' | 'manual' | 'error';

export interface SetupLink {
  readonly label: string;
  readonly url: string;
}

export interface SetupCheckItem {
  readonly id: SetupCheckId;
  readonly status: SetupCheckStatus;
  readonly title: LocalizedText;
  readonly detail: LocalizedText;
  readonly fix: LocalizedText | null;
  readonly links: readonly SetupLink[];
}

export const SETUP_CHECK_TITLES: Readonly<Record<SetupCheckId, LocalizedText>> = {
  fields: { de: 'Rakuten-Felder', en: 'Rakuten fields' },
  'auto-replies': { de: 'Automatische Antworten', en: 'Automatic replies' },
  spam: { de: 'Rakuten-Mails im Spam', en: 'Rakuten mail in spam' },
  credentials: { de: 'API-Zugang', en: 'API access' },
};

function item(id: SetupCheckId, status: SetupCheckStatus, detail: LocalizedText, fix: LocalizedText | null, links: readonly SetupLink[] = []): SetupCheckItem {
  return { id, status, title: SETUP_CHECK_TITLES[id], detail, fix, links };
}

function list(names: readonly string[]): string {
  return names.map((name) => `„${name}“`).join(', ');
}

const DEFAULT_FIELDS_FIX: { readonly missing: LocalizedText; readonly notOnForm: LocalizedText } = {
  missing: {
    de: 'Installieren Sie die App neu oder legen Sie die Felder als Textfelder unter Admin → Ticketfelder an.',
    en: 'Reinstall the app, or create them as text fields under Admin → Ticket fields.',
  },
  notOnForm: { de: 'Fügen Sie die Felder dem Ticketformular hinzu (Admin → Ticketformulare).', en: 'Add the fields to the ticket form (Admin → Ticket forms).' },
};

export function fieldsCheck(facts: {
  readonly missing: readonly string[];
  readonly notOnForm: readonly string[];
  /** Where in this helpdesk's admin the fields are made or put on the form. */
  readonly remedy?: { readonly missing: LocalizedText; readonly notOnForm: LocalizedText };
}): SetupCheckItem {
  const remedy = facts.remedy ?? DEFAULT_FIELDS_FIX;
  if (facts.missing.length > 0) {
    const one = facts.missing.length === 1;
    return item(
      'fields',
      'problem',
      {
        de: `Es ${one ? 'fehlt das Ticketfeld' : 'fehlen die Ticketfelder'} ${list(facts.missing)}.`,
        en: `The ticket ${one ? 'field' : 'fields'} ${list(facts.missing)} ${one ? 'is' : 'are'} missing.`,
      },
      remedy.missing,
    );
  }
  if (facts.notOnForm.length > 0) {
    const one = facts.notOnForm.length === 1;
    return item(
      'fields',
      'problem',
      {
        de: `${one ? 'Das Feld' : 'Die Felder'} ${list(facts.notOnForm)} ${one ? 'ist' : 'sind'} nicht auf dem Ticketformular; Agenten sehen Bestellnummer und Kundenname dann nicht.`,
        en: `The ${one ? 'field' : 'fields'} ${list(facts.notOnForm)} ${one ? 'is' : 'are'} not on the ticket form, so agents do not see order number and customer name.`,
      },
      remedy.notOnForm,
    );
  }
  return item('fields', 'ok', { de: 'Beide Rakuten-Felder sind vorhanden und auf dem Formular.', en: 'Both Rakuten fields exist and are on the form.' }, null);
}

const AUTO_REPLY_WHY: LocalizedText = {
  de: 'Eine automatische Eingangsbestätigung ginge an service@rakuten.de; Rakuten leitet sie ungefiltert an den Kunden weiter und wertet sie nicht als Antwort.',
  en: 'An automatic acknowledgement would go to service@rakuten.de; Rakuten passes it to the customer unfiltered and does not count it as an answer.',
};

export function autoReplyCheck(facts: {
  readonly readable: boolean;
  readonly offending: readonly SetupLink[];
  /** The helpdesk-specific condition or setting that stops it, in both languages. */
  readonly remedy: LocalizedText;
}): SetupCheckItem {
  if (!facts.readable) {
    return item('auto-replies', 'manual', { de: `Nicht per API prüfbar. ${AUTO_REPLY_WHY.de}`, en: `Cannot be checked through the API. ${AUTO_REPLY_WHY.en}` }, facts.remedy);
  }
  if (facts.offending.length > 0) {
    const names = facts.offending.map((link) => link.label);
    return item(
      'auto-replies',
      'problem',
      {
        de: `${names.length === 1 ? 'Diese aktive Regel schreibt' : 'Diese aktiven Regeln schreiben'} dem Anfragenden beim Erstellen eines Tickets: ${list(names)}. ${AUTO_REPLY_WHY.de}`,
        en: `${names.length === 1 ? 'This active rule mails' : 'These active rules mail'} the requester when a ticket is created: ${list(names)}. ${AUTO_REPLY_WHY.en}`,
      },
      facts.remedy,
      facts.offending,
    );
  }
  return item('auto-replies', 'ok', { de: 'Keine aktive Regel schreibt Rakuten automatisch an.', en: 'No active rule mails Rakuten automatically.' }, null);
}

export const SAFE_SENDER_ADVICE: LocalizedText = {
  de: 'Setzen Sie rakuten.de und rakuten.com auf die Liste der sicheren Absender (Allowlist) Ihres Helpdesks, wie Rakuten es empfiehlt, damit keine Kundennachricht im Spam landet.',
  en: 'Put rakuten.de and rakuten.com on your helpdesk’s safe-senders list (allowlist), as Rakuten recommends, so that no customer message lands in spam.',
};

/** Mail from the marketplace's sender or its domains, as a spam folder shows it. */
export function isMarketplaceMail(address: string, profile: MarketplaceProfile = RAKUTEN_DE): boolean {
  const normalized = normalizeAddress(address);
  const domain = normalized.slice(normalized.lastIndexOf('@') + 1);
  return normalized === profile.senderAddress || profile.ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
}

export function spamCheck(facts: { readonly count: number; readonly links: readonly SetupLink[]; readonly remedy: LocalizedText }): SetupCheckItem {
  const fix: LocalizedText = { de: `${SAFE_SENDER_ADVICE.de} ${facts.remedy.de}`, en: `${SAFE_SENDER_ADVICE.en} ${facts.remedy.en}` };
  if (facts.count > 0) {
    return item(
      'spam',
      'problem',
      {
        de: `${facts.count === 1 ? '1 Mail' : `${facts.count} Mails`} von Rakuten ${facts.count === 1 ? 'liegt' : 'liegen'} im Spam bzw. in den gesperrten Tickets – diese Kunden warten auf eine Antwort.`,
        en: `${facts.count === 1 ? '1 mail' : `${facts.count} mails`} from Rakuten ${facts.count === 1 ? 'is' : 'are'} in spam or suspended – these customers are waiting for an answer.`,
      },
      fix,
      facts.links,
    );
  }
  return item('spam', 'ok', { de: 'Keine Rakuten-Mails im Spam.', en: 'No Rakuten mail in spam.' }, fix);
}

export function credentialsCheck(facts: { readonly status: number | null }): SetupCheckItem {
  if (facts.status !== null && facts.status >= 200 && facts.status < 300) {
    return item('credentials', 'ok', { de: 'Der API-Schlüssel funktioniert.', en: 'The API key works.' }, null);
  }
  if (facts.status === 401 || facts.status === 403) {
    return item(
      'credentials',
      'problem',
      { de: `Der Helpdesk lehnt den API-Schlüssel ab (HTTP ${facts.status}).`, en: `The helpdesk rejects the API key (HTTP ${facts.status}).` },
      {
        de: 'Kopieren Sie den API-Schlüssel aus Ihrem Profil (Profileinstellungen → API-Schlüssel) neu in die App-Einstellungen.',
        en: 'Copy the API key from your profile (Profile settings → API key) into the app settings again.',
      },
    );
  }
  return item(
    'credentials',
    'error',
    {
      de: facts.status === null ? 'Der Helpdesk war nicht erreichbar.' : `Der Helpdesk antwortete mit HTTP ${facts.status}.`,
      en: facts.status === null ? 'The helpdesk could not be reached.' : `The helpdesk answered HTTP ${facts.status}.`,
    },
    { de: 'Prüfen Sie die Helpdesk-Domain in den App-Einstellungen und versuchen Sie es später erneut.', en: 'Check the helpdesk domain in the app settings and try again later.' },
  );
}

/** A check that could not run (rate limit, outage) says so instead of pretending all is well. */
export function checkFailed(id: SetupCheckId, reason: string | LocalizedText, fix?: LocalizedText): SetupCheckItem {
  const why = typeof reason === 'string' ? { de: reason, en: reason } : reason;
  return item(
    id,
    'error',
    { de: `Prüfung nicht möglich: ${why.de}`, en: `Could not check: ${why.en}` },
    fix ?? { de: 'Bitte später erneut prüfen.', en: 'Please check again later.' },
  );
}
