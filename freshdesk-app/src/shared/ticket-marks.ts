/** Names the merchant sees in Freshdesk: tags in filters and views, field labels on the ticket form. */
export const TAG = {
  /** A genuine Rakuten forward; also tells a replayed event that the ticket was already filled. */
  rakuten: 'rakuten',
  /** Every unanswered message only thanks or says it is settled: a short closing reply is enough. */
  closingOnly: 'rakuten-abschluss',
  /** Looks like Rakuten but is not from service@rakuten.de. */
  suspicious: 'rakuten-verdacht',
} as const;

export const FIELD_LABEL = {
  orderNumber: 'Rakuten-Bestellnummer',
  customerName: 'Rakuten-Kundenname',
} as const;

export type FieldKey = keyof typeof FIELD_LABEL;

/** The fields' `name`s as this account's Freshdesk gave them (e.g. `cf_rakutenbestellnummer123`). */
export type FieldNames = Readonly<Record<FieldKey, string | null>>;

/** Where onAppInstall stores the field names ($db key), read by the handlers and the setup check. */
export const FIELD_NAMES_KEY = 'ticket-fields';
