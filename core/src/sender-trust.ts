import type { IncomingMessage } from './message';
import type { MarketplaceProfile } from './profile';
import type { FlagCode } from './findings';
import { decodeDomain } from './punycode';

export type SenderVerdict = 'customer-forward' | 'rakuten-notice' | 'spoofed' | 'unrelated';

export interface TrustVerdict {
  readonly verdict: SenderVerdict;
  /** Why a message was judged spoofed; empty otherwise. */
  readonly reasons: readonly FlagCode[];
}

/** Lower-cased bare address: angle brackets, whitespace and a trailing dot dropped. */
export function normalizeAddress(address: string): string {
  let value = address.trim();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1);
  return value.trim().replace(/\.$/, '').toLowerCase();
}

export function isReplyAddress(address: string, profile: MarketplaceProfile): boolean {
  return normalizeAddress(address) === profile.replyAddress.toLowerCase();
}

// Letters from other scripts that render like Latin ones: enough to fold the brand's look-alikes.
const CONFUSABLES: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', к: 'k', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd',
  ս: 'u', ո: 'n', п: 'n', и: 'u', ı: 'i', ɑ: 'a', α: 'a', ο: 'o', κ: 'k', τ: 't', ν: 'v', υ: 'u', η: 'n',
  ε: 'e', ρ: 'p', ᴋ: 'k', ᴛ: 't', ᴜ: 'u', ᴇ: 'e', ɴ: 'n', ʀ: 'r', г: 'r', '0': 'o', '1': 'l', '3': 'e',
  '4': 'a', '5': 's', '7': 't',
};

/** A look-alike-proof form: compatibility-normalised, accents dropped, confusables folded, separators gone. */
export function skeleton(value: string): string {
  const decomposed = value.normalize('NFKD').toLowerCase();
  // Letters are gathered as char codes and joined in chunks: a long hostile display name would otherwise
  // build one string by half a million concatenations, which costs more than linear time in GC.
  const codes: number[] = [];
  const chunks: string[] = [];
  for (let index = 0; index < decomposed.length; index++) {
    const code = decomposed.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) {
      codes.push(code);
    } else {
      // Digits and other scripts' look-alikes; accents (combining marks) have no entry and drop out.
      const folded = CONFUSABLES[decomposed.charAt(index)];
      if (folded !== undefined) codes.push(folded.charCodeAt(0));
    }
    if (codes.length >= 8192) chunks.push(String.fromCharCode(...codes.splice(0)));
  }
  chunks.push(String.fromCharCode(...codes));
  return chunks.join('');
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1);
}

function isOwnDomain(domain: string, profile: MarketplaceProfile): boolean {
  return profile.ownDomains.some((own) => domain === own || domain.endsWith(`.${own}`));
}

/** A domain that is not the marketplace's but reads like its brand: rakuten-de.com, rakuten.de.example.com, rаkuten.de. */
function isLookalikeDomain(domain: string, profile: MarketplaceProfile): boolean {
  if (domain === '' || isOwnDomain(domain, profile)) return false;
  return skeleton(decodeDomain(domain)).includes(profile.brand);
}

/** The display name carries an address or the brand: the classic way to look like the marketplace in a mail list. */
function impersonatesInDisplayName(name: string, profile: MarketplaceProfile): boolean {
  return name !== '' && skeleton(name).includes(profile.brand);
}

const FAILING_RESULTS = new Set(['fail', 'softfail', 'permerror', 'hardfail']);

/**
 * True when an Authentication-Results header says SPF, DKIM or DMARC failed for one of the marketplace's
 * domains (or failed without naming any domain, which for a message from the marketplace's address is the same).
 */
export function authenticationFailed(header: string | undefined, profile: MarketplaceProfile): boolean {
  if (!header) return false;
  const clauses = header.slice(0, 20_000).toLowerCase().split(/[;\n]/);
  for (const clause of clauses) {
    const match = /\b(spf|dkim|dmarc)\s*=\s*([a-z]+)/.exec(clause);
    if (!match || !FAILING_RESULTS.has(match[2] ?? '')) continue;
    // Properties name the domain the result is about: smtp.mailfrom=…, header.d=…, header.from=….
    const domains = clause
      .split(/[\s()]+/)
      .filter((token) => token.includes('='))
      .map((token) => token.slice(token.lastIndexOf('=') + 1))
      .filter((value) => value.includes('.'))
      .map((value) => domainOf(value) || value);
    if (domains.length === 0 || domains.some((domain) => isOwnDomain(domain, profile))) return true;
  }
  return false;
}

/**
 * One verdict per message. Only the exact sender address is genuine; anything that wears the marketplace's
 * look without it is a spoof, because a reply to it would reach a stranger instead of the customer.
 */
export function judgeSender(message: IncomingMessage, hasForwardStructure: boolean, profile: MarketplaceProfile): TrustVerdict {
  const address = normalizeAddress(message.senderAddress);
  const genuineAddress = address === profile.senderAddress.toLowerCase();
  const reasons: FlagCode[] = [];
  if (genuineAddress) {
    if (authenticationFailed(message.authenticationResults, profile)) reasons.push('authentication-failed');
  } else {
    const domain = domainOf(address);
    if (isLookalikeDomain(domain, profile)) reasons.push('lookalike-domain');
    if (!isOwnDomain(domain, profile) && impersonatesInDisplayName(message.senderName, profile)) {
      reasons.push('display-name-impersonation');
    }
    if (hasForwardStructure) reasons.push('marketplace-look-without-genuine-sender');
  }
  if (reasons.length > 0) return { verdict: 'spoofed', reasons };
  if (genuineAddress) return { verdict: hasForwardStructure ? 'customer-forward' : 'rakuten-notice', reasons };
  return { verdict: 'unrelated', reasons };
}
