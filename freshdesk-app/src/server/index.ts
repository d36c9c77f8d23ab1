// The server bundle's entry: one function per handler named in manifest.json, bound to the platform's
// services. webpack's footer assigns these to FDK's `exports` (see webpack.config.js).
import { onAppInstall } from './on-app-install';
import { onConversationCreate } from './on-conversation-create';
import { onTicketCreate } from './on-ticket-create';
import { platformServices } from './platform';

export function onAppInstallHandler(payload: unknown): Promise<void> {
  return onAppInstall(payload, platformServices());
}

export function onTicketCreateHandler(payload: unknown): Promise<void> {
  return onTicketCreate(payload, platformServices());
}

export function onConversationCreateHandler(payload: unknown): Promise<void> {
  return onConversationCreate(payload, platformServices());
}
