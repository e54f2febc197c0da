/**
 * Delivery channels: where a claimed delivery goes and how. Email is the one built; a chat webhook
 * or the in-site inbox is another entry here (resolve a target, send, say whether a failure is final).
 */
import type { Mailer } from "../../platform/mail.ts";
import { smtpResponseCode } from "../../platform/mail.ts";
import type { Channel, ClaimedDelivery } from "./notifications.repo.ts";
import type { RenderedMessage } from "./template.ts";

/** Where to send, or why there is nowhere to. */
export type Resolution = { target: string } | { skip: string };

/** One channel's sender. */
export interface ChannelSender {
  resolve(delivery: ClaimedDelivery): Resolution;
  /** Sends once; throws on failure. `messageId` is the same on every attempt of the delivery. */
  send(input: { target: string; message: RenderedMessage; messageId: string }): Promise<void>;
  /** True when a failure will not go away by trying again (a 5xx SMTP refusal). */
  isPermanent(error: unknown): boolean;
}

/** The email channel over the application's mailer. */
export function emailChannel(mailer: Mailer): ChannelSender {
  return {
    resolve(delivery) {
      if (!mailer.enabled) return { skip: "email is not configured (GUILDHALL_SMTP_HOST is not set)" };
      if (delivery.recipientAddress) return { target: delivery.recipientAddress };
      if (delivery.accountDisabled) return { skip: "the recipient's account is disabled" };
      if (delivery.accountEmail) return { target: delivery.accountEmail };
      return { skip: "no email address on record for the recipient" };
    },
    async send({ target, message, messageId }) {
      await mailer.send({
        to: target,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId,
      });
    },
    isPermanent(error) {
      const code = smtpResponseCode(error);
      return code !== undefined && code >= 500 && code < 600;
    },
  };
}

/** The senders by channel name. */
export type ChannelSenders = Readonly<Record<Channel, ChannelSender>>;
