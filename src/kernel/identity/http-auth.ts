import type { HttpAuth } from "../../platform/auth/index.ts";
import type { Services } from "../../platform/services.ts";
import { createAuthenticator } from "./authenticate.ts";

/** What createHttpApp needs to authenticate requests: sessions and tokens from the database, CSRF secret. */
export function createHttpAuth(services: Services): HttpAuth {
  return {
    authenticator: createAuthenticator({ db: services.database.db, clock: services.clock }),
    secret: services.config.auth.secret,
    cookieSecure: services.config.auth.cookieSecure,
  };
}
