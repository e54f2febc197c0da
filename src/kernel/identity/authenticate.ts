import type { Authenticator } from "../../platform/auth/index.ts";
import { hashSecret } from "../../platform/auth/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/index.ts";
import { TOKEN_PREFIX } from "./create-token.ts";
import { findLiveSession, findLiveToken, touchToken } from "./identity.repo.ts";

/** Resolves session cookies and bearer tokens to viewers, by the hashes stored in the database. */
export function createAuthenticator(deps: { db: Db; clock: Clock }): Authenticator {
  return {
    async fromSession(sessionId) {
      const user = await findLiveSession(deps.db, hashSecret(sessionId), deps.clock.now());
      return user ? { userId: user.id, name: user.name, method: "session", scopes: null } : null;
    },
    async fromToken(token) {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const now = deps.clock.now();
      const found = await findLiveToken(deps.db, hashSecret(token), now);
      if (!found) return null;
      // "Last used" to the minute is enough, and saves a write on every request.
      const last = found.token.lastUsedAt?.getTime() ?? 0;
      if (now.getTime() - last >= 60_000) await touchToken(deps.db, found.token.id, now);
      return {
        userId: found.user.id,
        name: found.user.name,
        method: "token",
        scopes: found.token.scopes,
        expiresAt: found.token.expiresAt,
      };
    },
  };
}
