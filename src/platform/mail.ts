import nodemailer from "nodemailer";
import type { MailConfig } from "./config.ts";
import { AppError } from "./errors.ts";

/** One outgoing message in plain text. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
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
          `--- mail (GUILDHALL_MAIL_TRANSPORT=log) ---\nFrom: ${config.from}\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n---\n`,
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
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
  });
  return {
    enabled: true,
    async send(message) {
      try {
        await transport.sendMail({ from: config.from, ...message });
      } catch (e) {
        throw new AppError("upstream", { message: `Could not send email to ${message.to}.`, cause: e });
      }
    },
  };
}
