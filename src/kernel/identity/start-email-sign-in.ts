import { hashSecret, newSecret } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Mailer } from "../../platform/mail.ts";
import { deleteSignInLinksExpiredBefore, insertSignInLink } from "./identity.repo.ts";
import { EmailSchema, parseOrThrow } from "./schemas.ts";

/**
 * Sends a one-time sign-in link to an address. The same happens whether or not an account exists
 * (the account is created when the link is used), so the form reveals nothing about who has one.
 */
export async function startEmailSignIn(input: {
  db: Db;
  now: Date;
  mailer: Mailer;
  baseUrl: string;
  email: string;
  linkMinutes: number;
  /** Where to go once signed in (a checked local path); carried in the link. */
  next?: string;
}): Promise<{ email: string }> {
  const email = parseOrThrow(EmailSchema, input.email, "email");
  // Links expired for a day are dropped; recent ones stay so a late click gets a clear answer.
  await deleteSignInLinksExpiredBefore(input.db, new Date(input.now.getTime() - 86_400_000));
  const token = newSecret();
  await insertSignInLink(input.db, {
    tokenHash: hashSecret(token),
    email,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.linkMinutes * 60_000),
  });
  const next = input.next && input.next !== "/account" ? `&next=${encodeURIComponent(input.next)}` : "";
  const link = `${input.baseUrl.replace(/\/$/, "")}/sign-in/email/callback?token=${encodeURIComponent(token)}${next}`;
  await input.mailer.send({
    to: email,
    subject: "Your Guildhall sign-in link",
    text: [
      "Someone (hopefully you) asked to sign in to Guildhall with this address.",
      "",
      `Open this link within ${input.linkMinutes} minutes to sign in; it works once:`,
      link,
      "",
      "If you did not ask for it, ignore this message.",
    ].join("\n"),
  });
  return { email };
}
