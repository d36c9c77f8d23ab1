import type { IncomingMessage } from './message';

/**
 * One entry of a helpdesk ticket's thread, mapped by an app from its helpdesk's objects
 * (Zendesk comments, Freshdesk conversations). The core needs nothing else.
 */
export type ThreadEntry =
  | {
      readonly id: string;
      /** Mail that came in (the ticket's first mail, or a later one on the same ticket). */
      readonly role: 'incoming';
      readonly message: IncomingMessage;
    }
  | {
      readonly id: string;
      /** A person on the merchant's side wrote it. */
      readonly role: 'agent';
      readonly public: boolean;
      readonly at: Date;
      /** Where the reply went; empty when the helpdesk does not say (treated as the ticket's requester). */
      readonly to: readonly string[];
      readonly cc: readonly string[];
      readonly text: string;
    }
  | {
      readonly id: string;
      /** Triggers, auto-responders, macros fired by rules: never an answer in the marketplace's eyes. */
      readonly role: 'automation';
      readonly public: boolean;
      readonly at: Date;
      readonly text: string;
    };
