/** An SMTP server (the smtp-server package) on loopback that keeps every message it receives. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "../src/platform/mail.ts";

/** One received message. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The body decoded from quoted-printable when so encoded. */
  text: string;
}

/** The running server and its mailbox. */
export interface SmtpCapture {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves with the next message (or one already waiting beyond `seen`). */
  next(seen?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/** Decodes a quoted-printable body. */
export function decodeQuotedPrintable(body: string): string {
  const bytes = body
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** Injected failures, each decided per message by `random` (seeded in tests, so runs repeat). */
export interface SmtpFaults {
  /** Share of messages refused with 451 (temporary) at the end of DATA, not kept. */
  rejectRate?: number;
  /** Share of messages kept but answered with 451, as when the reply is lost: the sender tries again. */
  keepThenRejectRate?: number;
  /** Recipients refused for good (550 at RCPT TO). */
  refuse?: string[];
  random?: () => number;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Starts the server on 127.0.0.1 and a free port, optionally failing some messages. */
export async function startSmtpCapture(faults: SmtpFaults = {}): Promise<SmtpCapture> {
  const random = faults.random ?? Math.random;
  const messages: ReceivedMail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (faults.refuse?.includes(address.address)) return callback(smtpError(550, "No such user here"));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const roll = random();
        const reject = roll < (faults.rejectRate ?? 0);
        const keepThenReject = !reject && roll < (faults.rejectRate ?? 0) + (faults.keepThenRejectRate ?? 0);
        if (reject) return callback(smtpError(451, "Try again later"));
        const raw = Buffer.concat(chunks).toString("utf8");
        const split = raw.indexOf("\r\n\r\n");
        const head = split >= 0 ? raw.slice(0, split) : raw;
        const body = split >= 0 ? raw.slice(split + 4) : "";
        const qp = /content-transfer-encoding:\s*quoted-printable/i.test(head);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          text: qp ? decodeQuotedPrintable(body) : body,
        });
        for (const w of waiters.splice(0)) w();
        if (keepThenReject) return callback(smtpError(451, "Try again later"));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: "127.0.0.1",
    port,
    messages,
    async next(seen = messages.length) {
      while (messages.length <= seen) await new Promise<void>((resolve) => waiters.push(resolve));
      const m = messages[seen];
      if (!m) throw new Error("no message");
      return m;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A mailer that sends to the capture server over SMTP. */
export function captureMailer(smtp: { host: string; port: number }, from = "guildhall@example.org"): Mailer {
  return createMailer({
    transport: "smtp",
    host: smtp.host,
    port: smtp.port,
    secure: false,
    user: undefined,
    password: undefined,
    from,
  });
}
