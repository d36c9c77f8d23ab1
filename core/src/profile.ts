// zod/mini: the profile ships in every sidebar bundle, and the classic build alone would weigh ~20 KB gzipped.
import { z } from 'zod/mini';

/**
 * A marketplace that forwards its customers' messages by e-mail, described as data.
 * Rakuten.de is the built-in one; another marketplace with the same procedure is a new profile, not new code.
 */
export const MarketplaceProfileSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.string().check(z.minLength(1)),
  /** The only address genuine forwards come from; compared case-insensitively. */
  senderAddress: z.email(),
  /** Answers go here; the marketplace passes them to the customer unfiltered. */
  replyAddress: z.email(),
  /** Domains that belong to the marketplace: a look-alike of one of these is a spoof. */
  ownDomains: z.array(z.string().check(z.minLength(3))).check(z.minLength(1)),
  /** Brand word whose look-alikes (rakuten-de.com, rakuten.de.example.com, homoglyphs) mark a spoof. */
  brand: z.string().check(z.minLength(3)),
  labels: z.object({
    orderNumber: z.string().check(z.minLength(1)),
    customerName: z.string().check(z.minLength(1)),
  }),
  markers: z.object({
    /** Start of the customer's text; the customer's name follows it, then `startSuffix`. */
    startPrefix: z.string().check(z.minLength(1)),
    startSuffix: z.string().check(z.minLength(1)),
    end: z.string().check(z.minLength(1)),
  }),
  /** Source text of the expected order-number shape; any other shape is kept and flagged. */
  orderNumberPattern: z.string().check(z.minLength(1)),
  deadline: z.object({
    workingDays: z.int().check(z.gte(1), z.lte(10)),
    timeZone: z.literal('Europe/Berlin'),
    /** Where the rule comes from, shown to merchants. */
    source: z.string(),
  }),
  /** Greetings that address the marketplace instead of the customer ("Hallo Rakuten"). */
  wrongGreetingWords: z.array(z.string().check(z.minLength(1))),
});

export type MarketplaceProfile = z.infer<typeof MarketplaceProfileSchema>;

export const RAKUTEN_DE: MarketplaceProfile = MarketplaceProfileSchema.parse({
  id: 'rakuten-de',
  displayName: 'Rakuten.de',
  senderAddress: 'service@rakuten.de',
  replyAddress: 'service@rakuten.de',
  ownDomains: ['rakuten.de', 'rakuten.com'],
  brand: 'rakuten',
  labels: { orderNumber: 'Bestellnummer', customerName: 'Kundenname' },
  markers: {
    startPrefix: '#### Weitergeleitete Nachricht des Kunden',
    startSuffix: '####',
    end: '#### Ende der weitergeleiteten Nachricht ####',
  },
  orderNumberPattern: '^\\d{3}-\\d{3}-\\d{3}$',
  deadline: { workingDays: 2, timeZone: 'Europe/Berlin', source: 'Rakuten AGB § 5.1.14: 48 h (2 Werktage)' },
  wrongGreetingWords: ['rakuten'],
});
