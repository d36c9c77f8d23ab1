/** What the simulated agent workspace shows when a test opens a ticket (the REST side lives in the API simulator). */
export interface HostUser {
  readonly id: number;
  readonly email: string | null;
  readonly name: string;
  readonly role: 'end-user' | 'agent' | 'admin';
}

export interface HostScenario {
  /** Where the app runs: beside a ticket (default) or as a full pane from the nav bar, with no ticket. */
  readonly location?: 'ticket_sidebar' | 'nav_bar';
  readonly ticketId: number;
  readonly appGuid: string;
  /** currentUser.locale, e.g. 'de' or 'en-US'. */
  readonly locale: string;
  readonly requester: HostUser;
  readonly collaborators: readonly HostUser[];
  readonly status: string;
  readonly commentType: 'publicReply' | 'internalNote';
  readonly commentText: string;
  /** Custom ticket fields shown in the form: field id → value. */
  readonly fields: Readonly<Record<string, string | null>>;
  /** Installed requirements: identifier → field id. Empty when the app runs without them. */
  readonly requirements: Readonly<Record<string, number>>;
  /** The installation's settings, as ZAF hands them over. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Paths the framework answers with an error (an SDK failure). */
  readonly failingPaths: readonly string[];
}
