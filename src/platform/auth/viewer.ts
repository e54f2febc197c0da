/** Who made a request, as established by the auth middleware (no roles: the policy loads those). */
export interface Viewer {
  userId: number;
  name: string;
  /** How the request was authenticated: a session cookie or a personal access token. */
  method: "session" | "token";
  /** The token's scopes; null for a session, which may do whatever its user may. */
  scopes: readonly string[] | null;
  /** For a token: when it stops working (tokens it creates may not outlive it). */
  expiresAt?: Date;
}

/** Looks up the viewer behind a session cookie value or a bearer token; null when unknown or expired. */
export interface Authenticator {
  fromSession(sessionId: string): Promise<Viewer | null>;
  fromToken(token: string): Promise<Viewer | null>;
}

/** The pieces the HTTP app needs to authenticate requests and check CSRF tokens. */
export interface HttpAuth {
  authenticator: Authenticator;
  secret: string;
  cookieSecure: boolean;
}
