import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new unguessable secret (256 bits, base64url), optionally prefixed so its kind is recognisable. */
export function newSecret(prefix = ""): string {
  return `${prefix}${randomBytes(32).toString("base64url")}`;
}

/** SHA-256 of a high-entropy secret, hex: what the database stores instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** HMAC-SHA-256 of `value` under `key`, base64url. */
export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** Compares two strings in constant time (for the same length). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
