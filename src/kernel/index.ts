/**
 * The kernel's door: what every room uses. Rooms import the kernel only from here; the kernel
 * imports the platform and no room. Today: the notification outbox.
 */

// The audit log.
export { type AuditActor, appendAudit, auditFor, CLI_ACTOR, selfActor } from "./audit/audit.repo.ts";
export { type GroupRoleSource, loadActor, registerGroupRoleSource } from "./identity/actor.repo.ts";
export { createAuthenticator } from "./identity/authenticate.ts";
// Operations on accounts, sessions, tokens and foundation roles.
export { type CreatingToken, createToken, MAX_TOKEN_DAYS, TOKEN_PREFIX } from "./identity/create-token.ts";
export { createUser } from "./identity/create-user.ts";
export { endDatedPeriod, type PeriodStore, type StoredPeriod } from "./identity/end-dated-period.ts";
export {
  endFoundationRole,
  type FoundationRoleEnded,
  type FoundationRoleEndHook,
  onFoundationRoleEnd,
} from "./identity/end-foundation-role.ts";
export { finishEmailSignIn } from "./identity/finish-email-sign-in.ts";
export { grantFoundationRole } from "./identity/grant-foundation-role.ts";
export { createHttpAuth } from "./identity/http-auth.ts";
export {
  type DbOrTx,
  type FoundationRoleListing,
  type FoundationRoleRow,
  findPersonById,
  findPersonBySlug,
  findUserByEmail,
  findUserById,
  foundationRolesOf,
  listFoundationRoles,
  listTokens,
  peekSignInLink,
  type TokenRow,
  type UserRow,
} from "./identity/identity.repo.ts";
export { listUsers, type UserListing } from "./identity/list-users.ts";
export { NameSchema, renameUser } from "./identity/rename-user.ts";
export { revokeToken } from "./identity/revoke-token.ts";
export {
  DaySchema,
  EmailSchema,
  FoundationRoleSchema,
  PeriodGrantFields,
  parseOrThrow,
  refinePeriod,
  ScopesSchema,
} from "./identity/schemas.ts";
export { signInWithGitHub } from "./identity/sign-in-with-github.ts";
export { signOut } from "./identity/sign-out.ts";
export { startEmailSignIn } from "./identity/start-email-sign-in.ts";
export { startSession } from "./identity/start-session.ts";
export {
  type ChannelSender,
  emailChannel,
  postWebhook,
  WebhookError,
  webhookChannel,
  webhookPayload,
} from "./notifications/channels.ts";
export {
  type DeliveryRound,
  deliverDueNotifications,
  deliverNotifications,
  messageIdFor,
  type NotificationDeps,
} from "./notifications/deliver-notifications.ts";
export {
  afterFailure,
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
} from "./notifications/delivery-policy.ts";
export { digestTemplate } from "./notifications/digest.template.ts";

import { digestTemplate as digest } from "./notifications/digest.template.ts";
import { handoverNoteTemplate as handoverNote } from "./ownership/handover-note.template.ts";
/** The kernel's own notification templates (the daily digest, the hand-over note request). */
export const kernelTemplates = [digest, handoverNote];
export {
  DIGEST_KIND,
  maskWebhookUrl,
  type NotificationMode,
  type WebhookSetting,
  webhookOf,
} from "./notifications/inbox.repo.ts";
export { markAllInboxRead, markInboxRead } from "./notifications/mark-read.ts";
export {
  deliverNotificationsJob,
  kernelJobs,
  notificationDigestJob,
} from "./notifications/notifications.jobs.ts";
export { type NotificationsAction, notificationsPolicy } from "./notifications/notifications.policy.ts";
export {
  type Channel,
  type DeliveryListing,
  listDeliveries,
  type WebhookProvider,
} from "./notifications/notifications.repo.ts";
export {
  createNotificationsRouter,
  type NotificationsRouterOptions,
} from "./notifications/notifications.routes.tsx";
export { maskTarget } from "./notifications/notifications.views.tsx";
export { notify, type Recipient } from "./notifications/notify.ts";
export { type InboxItem, inboxUnread, readInbox } from "./notifications/read-inbox.ts";
export { retryDelivery } from "./notifications/retry-delivery.ts";
export {
  removeWebhook,
  saveWebhook,
  WEBHOOK_ADDRESSES,
  webhookUrlProblem,
} from "./notifications/save-webhook.ts";
export { previousDay, sendDigests } from "./notifications/send-digests.ts";
export {
  MODE_LABELS,
  MODES,
  type NotificationKindInfo,
  notificationPreferences,
  setNotificationPreferences,
} from "./notifications/set-preferences.ts";
export {
  defineTemplate,
  type NotificationTemplate,
  type RenderedMessage,
  type RenderTools,
  renderNotification,
  type TemplateRegistry,
  templateRegistry,
} from "./notifications/template.ts";
export { handoverNoteTemplate } from "./ownership/handover-note.template.ts";
export {
  type HandoverItemListing,
  type HandoverItemState,
  type HandoverListing,
  listHandovers,
} from "./ownership/list-handovers.ts";
// Open items and their owners: each room registers a source; roles ending hand items on.
export {
  type FlaggedItem,
  OPEN_ITEM_KIND,
  type OpenItem,
  stillNeedsOwner,
} from "./ownership/open-items.ts";
export { findHandover, findHandoverItem, type HandoverRow } from "./ownership/ownership.repo.ts";
export { reassignOpenItem } from "./ownership/reassign-open-item.ts";
export {
  type RoleEnd,
  type RoleEndCause,
  type RoleEndsRecorded,
  recordRoleEnds,
} from "./ownership/record-role-end.ts";
export {
  defineOpenItemSource,
  type OpenItemSource,
  openItemSource,
  openItemSources,
  registerOpenItemSource,
} from "./ownership/sources.ts";
export { HandoverNoteSchema, writeHandoverNote } from "./ownership/write-handover-note.ts";
// The policy: one `decide` over the actions every room registers.
export {
  actorOf,
  authorize,
  can,
  loadOnce,
  type PolicyDeps,
  type ResourceOrLoader,
  requireViewer,
  type TypedPolicy,
  throwUnlessAllowed,
  typedPolicy,
} from "./policy/authorize.ts";
export {
  actionScopes,
  anonymousDenial,
  auditKinds,
  decide,
  publicActions,
  registerPolicy,
} from "./policy/permissions.ts";
export {
  createRoomRouter,
  type RoomRouter,
  type RoomRouting,
  roomRouting,
} from "./policy/room-router.ts";
// Identity: accounts, sessions, tokens, foundation roles and the actor (ARCHITECTURE.md, "Accounts and the policy").
// The pure tables and rules (roles, scopes, dated roles, the policy's building blocks).
export * from "./rules.ts";
