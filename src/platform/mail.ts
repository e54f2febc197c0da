import nodemailer from "nodemailer";
import type { MailConfig } from "./config.ts";
import { AppError } from "./errors.ts";

/** One outgoing message: plain text, with an optional HTML alternative. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The Message-ID header (`<...@...>`); a retried message keeps its id so a duplicate can be recognised. */
  messageId?: string;
}

/** The SMTP reply code of a failed send (4xx: try again later; 5xx: refused for good), when there was one. */
export function smtpResponseCode(e: unknown): number | undefined {
  const cause = e instanceof Error && e.cause !== undefined ? e.cause : e;
  if (typeof cause === "object" && cause !== null && "responseCode" in cause) {
    const code = (cause as { responseCode: unknown }).responseCode;
    if (typeof code === "number") return code;
  }
  return undefined;
}

/** Sends mail over SMTP (or to the log in development); `enabled` is false when mail is off. */
export interface Mailer {
  enabled: boolean;
  send(message: MailMessage): Promise<void>;
}

/** Creates the mailer from configuration: SMTP (nodemailer), the log, or none. */
export function createMailer(
  config: MailConfig,
  log: (text: string) => void = (text) => process.stderr.write(text),
): Mailer {
  if (config.transport === "log") {
    return {
      enabled: true,
      async send(message) {
        log(
          `--- mail (GUILDHALL_MAIL_TRANSPORT=log) ---\nFrom: ${config.from}\nTo: ${message.to}\n${message.messageId ? `Message-ID: ${message.messageId}\n` : ""}Subject: ${message.subject}\n\n${message.text}\n---\n`,
        );
      },
    };
  }
  const host = config.host;
  if (config.transport === "off" || !host) {
    return {
      enabled: false,
      send: async () => {
        throw new AppError("bad_request", {
          message: "Email sign-in is not configured (GUILDHALL_SMTP_HOST is not set).",
        });
      },
    };
  }
  const transport = nodemailer.createTransport({
    host,
    port: config.port,
    secure: config.secure,
    // Bounded, so a delivery's claim on its outbox row (see kernel/notifications) outlasts a send.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
  });
  return {
    enabled: true,
    async send(message) {
      try {
        const { messageId, ...rest } = message;
        await transport.sendMail({ from: config.from, ...rest, ...(messageId ? { messageId } : {}) });
      } catch (e) {
        throw new AppError("upstream", { message: `Could not send email to ${message.to}.`, cause: e });
      }
    },
  };
}
