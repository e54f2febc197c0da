/**
 * The blog's pages, feed and export kept rendered for anonymous visitors until content items
 * change. Migration 0030's trigger notifies `guildhall_blog_changed` on every write to
 * `marketing_items`; the embedded database delivers it in-process before the write returns, so a
 * cache hit costs no query and the next request after a publication sees it. On a PostgreSQL
 * server the notification would travel on another connection, so there nothing is cached.
 */
import type { Database } from "../../platform/db/index.ts";
import { type EncodedBody, encodeBody } from "../../platform/http/encoded-body.ts";

/** The channel migration 0030's trigger notifies. */
export const BLOG_CHANNEL = "guildhall_blog_changed";

/** A rendered response: its body and content type. */
export interface CachedResponse {
  body: string;
  contentType: string;
}

/** A rendered response kept encoded (UTF-8 and gzip), so a hit is not encoded again. */
export interface EncodedResponse {
  body: EncodedBody;
  contentType: string;
}

/** Rendered responses by path, dropped whenever content items change. */
export interface BlogCache {
  /** The cached response for `key`, or renders it with `render` (and keeps it when it may). */
  get(key: string, render: () => Promise<CachedResponse | null>): Promise<EncodedResponse | null>;
}

/** A cache over `database` holding at most `limit` responses. */
export function createBlogCache(database: Database, limit = 1000): BlogCache {
  let version = 0;
  let listening = false;
  const entries = new Map<string, { version: number; response: EncodedResponse }>();
  const pglite = database.driver === "pglite" ? database.pglite : undefined;
  if (pglite) {
    pglite
      .listen(BLOG_CHANNEL, () => {
        version++;
        entries.clear();
      })
      .then(
        () => {
          // Writes between creation and now were not seen: start from a fresh version.
          version++;
          entries.clear();
          listening = true;
        },
        () => {
          listening = false;
        },
      );
  }
  return {
    async get(key, render) {
      const encoded = async () => {
        const r = await render();
        return r ? { body: encodeBody(r.body), contentType: r.contentType } : null;
      };
      if (!listening) return encoded();
      const hit = entries.get(key);
      if (hit && hit.version === version) return hit.response;
      const before = version;
      const response = await encoded();
      // A write while rendering may have changed what was read: keep the answer only if none came.
      if (response && before === version) {
        entries.set(key, { version, response });
        if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      }
      return response;
    },
  };
}
