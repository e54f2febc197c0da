/**
 * Response bodies encoded once when cached, not on every request: UTF-8 bytes and their gzip form,
 * chosen per request from Accept-Encoding (browsers always offer gzip).
 */
import { gzipSync } from "node:zlib";

/** A cached body in the encodings we serve. */
export interface EncodedBody {
  identity: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

const utf8 = new TextEncoder();

/** Encodes a text body once: UTF-8, and gzip of that. */
export function encodeBody(text: string): EncodedBody {
  const identity = utf8.encode(text) as Uint8Array<ArrayBuffer>;
  return { identity, gzip: Uint8Array.from(gzipSync(identity)) };
}

/** True when an Accept-Encoding header accepts gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(",")) {
    const [coding = "", ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** The bytes and headers to send for a cached body. */
export function pickEncoding(
  body: EncodedBody,
  acceptEncoding: string | undefined,
): { bytes: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  if (acceptsGzip(acceptEncoding)) {
    return { bytes: body.gzip, headers: { "content-encoding": "gzip", vary: "accept-encoding" } };
  }
  return { bytes: body.identity, headers: { vary: "accept-encoding" } };
}
