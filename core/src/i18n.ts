/** Every text the core hands to a person comes in both UI languages, German first. */
export type Locale = 'de' | 'en';

export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

export const LOCALES: readonly Locale[] = ['de', 'en'];

/** Picks the agent's language: anything starting with "de" is German, everything else English. */
export function localeFrom(tag: string | null | undefined): Locale {
  return typeof tag === 'string' && /^de\b/i.test(tag.trim()) ? 'de' : 'en';
}
