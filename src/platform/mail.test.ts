import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { createMailer } from "./mail.ts";

describe("mail transport", () => {
  it("defaults to the log in development, to nothing in production, and to SMTP when a host is set", () => {
    expect(loadConfig({ NODE_ENV: "development" }).mail.transport).toBe("log");
    expect(loadConfig({ NODE_ENV: "production", GUILDHALL_SESSION_SECRET: "s" }).mail.transport).toBe("off");
    expect(loadConfig({ NODE_ENV: "test" }).mail.transport).toBe("off");
    expect(
      loadConfig({
        NODE_ENV: "production",
        GUILDHALL_SESSION_SECRET: "s",
        GUILDHALL_SMTP_HOST: "mail.example.org",
      }).mail.transport,
    ).toBe("smtp");
    expect(loadConfig({ NODE_ENV: "development", GUILDHALL_MAIL_TRANSPORT: "off" }).mail.transport).toBe(
      "off",
    );
    expect(() => loadConfig({ GUILDHALL_MAIL_TRANSPORT: "pigeon" })).toThrow(/GUILDHALL_MAIL_TRANSPORT/);
  });

  it("writes each message, link included, to the log when the transport is log", async () => {
    const lines: string[] = [];
    const mailer = createMailer({ ...loadConfig({ NODE_ENV: "development" }).mail }, (t) => lines.push(t));
    expect(mailer.enabled).toBe(true);
    await mailer.send({
      to: "ada@example.org",
      subject: "Sign in",
      text: "http://127.0.0.1:3000/x?token=abc",
    });
    expect(lines.join("")).toMatch(
      /To: ada@example\.org\nSubject: Sign in\n\nhttp:\/\/127\.0\.0\.1:3000\/x\?token=abc/,
    );
  });

  it("is disabled and refuses to send when off", async () => {
    const mailer = createMailer(loadConfig({ NODE_ENV: "production", GUILDHALL_SESSION_SECRET: "s" }).mail);
    expect(mailer.enabled).toBe(false);
    await expect(mailer.send({ to: "a@example.org", subject: "s", text: "t" })).rejects.toThrow(
      /not configured/,
    );
  });
});
