// The browser-safe public API of the core. The .eml reader lives in './node' and is never bundled for browsers.
export { analyzeMessage, readableBody, DEFAULT_MAX_TEXT_LENGTH } from './analyze';
export type { AnalyzeOptions, MessageAnalysis } from './analyze';
export { classifyClosing, isClosingOnly } from './closing';
export type { ClosingReason, ClosingVerdict } from './closing';
export { suggestClosingReply } from './closing-reply';
export type { ClosingReplyInput } from './closing-reply';
export { conversationState } from './conversation';
export type { ConversationState, ForwardInThread } from './conversation';
export type { ThreadEntry } from './conversation-types';
export { replyDueBy, isWorkingDay, msUntil } from './deadline';
export type { WorkingDayRule } from './deadline';
export { publicHolidays } from './holidays';
export type { Holiday } from './holidays';
export { extractForward, hasForwardStructure } from './extract';
export type { ForwardExtraction } from './extract';
export type { Finding, FindingCode, Flag, FlagCode, Severity } from './findings';
export { flag } from './flags';
export { guardReply, blocking } from './guard';
export type { ReplyDraft } from './guard';
export { LOCALES, localeFrom } from './i18n';
export type { Locale, LocalizedText } from './i18n';
export type { IncomingMessage } from './message';
export { MarketplaceProfileSchema, RAKUTEN_DE } from './profile';
export type { MarketplaceProfile } from './profile';
export { ok, err, excerpt } from './result';
export type { Result } from './result';
export { authenticationFailed, judgeSender, normalizeAddress, isReplyAddress, skeleton } from './sender-trust';
export type { SenderVerdict, TrustVerdict } from './sender-trust';
export { BUNDESLAENDER, BundeslandSchema, DEFAULT_SETTINGS, SettingsSchema, parseSettings } from './settings';
export type { Bundesland, Settings, SettingsInput } from './settings';
export { decodeEntities, htmlToText, normalizeText } from './text';
export { SIDEBAR_TEXT, SOON_MS, countdown, formatBerlin, formatDeadline, sortFindings, t, unansweredLines } from './sidebar-model';
export type { Countdown, Tone, UnansweredLine } from './sidebar-model';
export {
  RAKUTEN_SUPPORT_CHANNELS,
  RAKUTEN_SUPPORT_SOURCE,
  RAKUTEN_SUPPORT_TIPS,
  REWARDS_HELP_URL,
  composeSupportRequest,
  detectEnvironment,
  mentionsRewards,
} from './rakuten-support';
export type { SupportChannel, SupportRequestInput } from './rakuten-support';
export {
  SAFE_SENDER_ADVICE,
  SETUP_CHECK_TITLES,
  autoReplyCheck,
  checkFailed,
  credentialsCheck,
  fieldsCheck,
  isMarketplaceMail,
  spamCheck,
} from './setup-check';
export type { SetupCheckId, SetupCheckItem, SetupCheckStatus, SetupLink } from './setup-check';
