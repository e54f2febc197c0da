/**
 * The kernel's door: what every room uses. Rooms import the kernel only from here; the kernel
 * imports the platform and no room. Today: the notification outbox.
 */

export { type ChannelSender, emailChannel } from "./notifications/channels.ts";
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
export { deliverNotificationsJob, kernelJobs } from "./notifications/notifications.jobs.ts";
export { type Channel, type DeliveryListing, listDeliveries } from "./notifications/notifications.repo.ts";
export { notify, type Recipient } from "./notifications/notify.ts";
export {
  defineTemplate,
  type NotificationTemplate,
  type RenderedMessage,
  type RenderTools,
  renderNotification,
  type TemplateRegistry,
  templateRegistry,
} from "./notifications/template.ts";
