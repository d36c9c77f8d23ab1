/** Every text the core hands to a person comes in both UI languages, German first. */
export type Locale = 'de' | 'en';

export interface LocalizedText {
  readonly de: string;
  readonly en: string;
}

export const LOCALES: readonly Locale[] = ['de', 'en'];

/**
 * Picks the agent's language: a tag starting with "de" is German, any other tag English, and no tag at all
 * the fallback (German: the product's merchants are German first).
 */
export function localeFrom(tag: string | null | undefined, fallback: Locale = 'de'): Locale {
  if (typeof tag !== 'string' || tag.trim() === '') return fallback;
  return /^de\b/i.test(tag.trim()) ? 'de' : 'en';
}
