import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import {
  type AuditActor,
  type CreatingToken,
  createToken,
  dayOf,
  decide,
  endFoundationRole,
  FOUNDATION_ROLES,
  findUserById,
  finishEmailSignIn,
  grantFoundationRole,
  listFoundationRoles,
  MAX_TOKEN_DAYS,
  NameSchema,
  peekSignInLink,
  renameUser,
  revokeToken,
  ScopesSchema,
  signInWithGitHub,
  signOut,
  startEmailSignIn,
} from "../../kernel/index.ts";
import {
  cookieNames,
  cookieOptions,
  createGitHubClient,
  type GitHubClient,
  newSecret,
  RateLimiter,
  safeEqual,
  type Viewer,
} from "../../platform/auth/index.ts";
import { AppError, isAppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { clientAddress } from "../../platform/http/client-address.ts";
import { renderPage } from "../../platform/http/layout.tsx";
import { localPath } from "../../platform/http/local-path.ts";
import { createMailer, type Mailer } from "../../platform/mail.ts";
import type { Services } from "../../platform/services.ts";
import {
  Email,
  Flag,
  Id,
  OptionalDay,
  optionalOneOf,
  optionalText,
  Slug,
  text,
} from "../../platform/validation.ts";
import { MEMBER_API_SCHEMAS as API } from "../directory/member-api-schemas.ts";
import type { Action } from "../governance.policy.ts";
import { loadGroupResource } from "../policy/actor.repo.ts";
import { actorOf, can, requireViewer } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import {
  presentDecidedClaim,
  presentFiledClaim,
  presentFoundationRole,
  presentPendingClaim,
  presentToken,
  presentUser,
} from "./accounts.presenters.ts";
import { accountOverview, claimablePeople, isPrivateApplicant, pendingClaims } from "./accounts.repo.ts";
import {
  AccountPage,
  CheckEmailPage,
  ClaimsPage,
  ConfirmEmailSignInPage,
  RolesPage,
  SignInPage,
} from "./accounts.views.tsx";
import { ClaimInputSchema, claimPerson } from "./claim-person.ts";
import { decideClaim } from "./decide-claim.ts";

/** Replacements for the mailer and GitHub client built from configuration. */
export interface AccountsRouterOptions {
  mailer?: Mailer;
  github?: GitHubClient;
}

/** Only local paths are followed after signing in, never another site. */
/** The bearer token behind a request, which tokens it creates must stay within; none for a session. */
function creatingToken(viewer: Viewer): CreatingToken | undefined {
  return viewer.method === "token" && viewer.scopes !== null && viewer.expiresAt
    ? { scopes: viewer.scopes, expiresAt: viewer.expiresAt }
    : undefined;
}

function actorFor(user: { userId: number; name: string }): AuditActor {
  return { userId: user.userId, label: `user:${user.userId} (${user.name})` };
}

/** Where to go after signing in: a bad value (control characters, too long) is dropped, not refused. */
const Next = optionalText({ max: 2000 }).catch(null);
const IdParams = (what: string) => z.object({ id: Id.describe(`The ${what}'s numeric id.`) });
const TokenParams = IdParams("token");
const ClaimParams = IdParams("claim");
const RoleParams = IdParams("foundation role period");

/** The role list's filters (`?role=...&current=1`), from a page's form or an API query. */
const RolesQuery = z.object({
  role: optionalOneOf(FOUNDATION_ROLES).describe("Only this role."),
  current: Flag.describe("`true` (or `1`) for the roles held today only."),
});

/** A new token: a form sends the scopes as repeated checkboxes, JSON as a list. */
const TokenBody = z.object({
  name: text({ max: 100, required: "must not be empty" }),
  scopes: z
    .union([z.string(), z.array(z.string())], { message: "choose at least one scope" })
    .optional()
    .transform((s) => (s === undefined ? [] : Array.isArray(s) ? s : [s]))
    .pipe(ScopesSchema),
  expiresInDays: z
    .union([z.number(), z.string()], {
      message: `must be a whole number of days from 1 to ${MAX_TOKEN_DAYS}`,
    })
    .describe(`Lifetime in days, 1 to ${MAX_TOKEN_DAYS}.`),
});

/** A day the grant operation checks (a real day, in range) together with the holder. */
const DayText = optionalText({ max: 10 }).meta({ format: "date" });

/** A grant, as the page's form and the API send it (the operation checks the holder and dates). */
const GrantBody = z.object({
  who: text({
    max: 254,
    required: "say who holds the role: an account's email, or a person's slug or id",
  }).describe("The holder: an account's email, or a charter person's slug (as on /people) or numeric id."),
  // Checked by the operation, together with the holder, so that every bad field is named at once.
  role: text({ max: 100, required: `must be one of ${FOUNDATION_ROLES.join(", ")}` }).describe(
    `One of ${FOUNDATION_ROLES.join(", ")}.`,
  ),
  startedOn: DayText.describe("First day the role is held (YYYY-MM-DD; default: today)."),
  endedOn: DayText.describe("First day the role is no longer held (YYYY-MM-DD)."),
  termEndsOn: DayText.describe("End of the elected term (Board members; YYYY-MM-DD)."),
  reason: optionalText({ max: 2000 }),
  decisionRef: optionalText({ max: 500 }).describe(
    "The decision behind it (a Board resolution, an election).",
  ),
});

/** Ending a role: the day (default today), why, and the decision behind it. */
const EndBody = z.object({
  endedOn: OptionalDay.describe("First day the role is no longer held (default: today)."),
  reason: optionalText({ max: 2000 }),
  decisionRef: optionalText({ max: 500 }),
});

/** Pages and JSON API of sign-in, the account, tokens and claims. */
export function createAccountsRouter(services: Services, options: AccountsRouterOptions = {}): Router {
  const { config, clock } = services;
  const db = services.database.db;
  const mailer = options.mailer ?? createMailer(config.mail);
  const github = options.github ?? createGitHubClient({ config: config.auth, http: services.http });
  const names = cookieNames(config.auth.cookieSecure);
  const limits = config.auth.rateLimit;
  const perIp = new RateLimiter({ limit: limits.perIp, windowMs: limits.windowMs, clock });
  const perEmail = new RateLimiter({ limit: limits.perEmail, windowMs: limits.windowMs, clock });
  const redirectUri = `${config.baseUrl.replace(/\/$/, "")}/auth/github/callback`;
  const router = createRoomRouter(services);

  const limit = (limiter: RateLimiter, key: string) => {
    const result = limiter.hit(key);
    if (!result.ok) {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      throw new AppError("rate_limited", {
        message: `Too many sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
        retryAfterSeconds: seconds,
      });
    }
  };
  const limitIp = (c: Context<AppEnv>) => limit(perIp, `ip:${clientAddress(c, config.auth.trustProxy)}`);
  const startSessionCookie = (c: Context<AppEnv>, sessionId: string) => {
    setCookie(
      c,
      names.session,
      sessionId,
      cookieOptions(config.auth.cookieSecure, config.auth.sessionDays * 86_400),
    );
  };
  const currentUser = async (c: Context<AppEnv>) => {
    const viewer = requireViewer(c);
    const user = await findUserById(db, viewer.userId);
    if (!user) throw new AppError("unauthenticated", { message: "Sign in first." });
    return { viewer, user };
  };
  /** What an operation on the viewer's own account needs: the database, the time, who acts, whose account. */
  /** Only paths on this site are followed after signing in, never another site. */
  const safeNext = (value: unknown): string => localPath(value, config.baseUrl) ?? "/account";
  const own = (c: Context<AppEnv>) => {
    const viewer = requireViewer(c);
    return { db, now: clock.now(), by: actorFor(viewer), userId: viewer.userId };
  };
  /** The viewer's own account: what the account actions are decided on. */
  const ownAccount = (c: Context<AppEnv>) => ({
    kind: "account" as const,
    userId: c.var.viewer?.userId ?? 0,
  });

  // ---- sign-in pages ----
  const signInPage = async (c: Context<AppEnv>, next: string, problem?: string, status: 200 | 401 = 200) =>
    c.html(
      await renderPage(
        <SignInPage next={next} github={github.enabled} email={mailer.enabled} problem={problem} />,
      ),
      status,
    );
  router.get("/sign-in", {
    query: z.object({ next: Next }),
    handler: (c, { query }) => signInPage(c, safeNext(query.next)),
  });

  router.post("/sign-in/email", {
    form: z.object({ email: Email, next: Next }),
    action: "session.sign-in",
    page: async (c) => signInPage(c, safeNext((await c.req.parseBody()).next)),
    handler: async (c, { body }) => {
      limitIp(c);
      limit(perEmail, `email:${body.email}`);
      await startEmailSignIn({
        db,
        now: clock.now(),
        mailer,
        baseUrl: config.baseUrl,
        email: body.email,
        linkMinutes: config.auth.signInLinkMinutes,
        next: safeNext(body.next),
      });
      return c.html(await renderPage(<CheckEmailPage email={body.email} />));
    },
  });

  router.get("/sign-in/email/callback", {
    query: z.object({ token: optionalText({ max: 200 }).catch(null), next: Next }),
    handler: async (c, { query }) => {
      const token = query.token ?? "";
      const email = token ? await peekSignInLink({ db, now: clock.now(), token }) : null;
      if (!email) {
        throw new AppError("not_found", {
          message: "This sign-in link is unknown, already used or expired. Ask for a new one at /sign-in.",
        });
      }
      return c.html(
        await renderPage(<ConfirmEmailSignInPage token={token} email={email} next={safeNext(query.next)} />),
      );
    },
  });

  router.post("/sign-in/email/callback", {
    form: z.object({ token: text({ max: 200 }), next: Next }),
    action: "session.sign-in",
    handler: async (c, { body }) => {
      limitIp(c);
      const { sessionId } = await finishEmailSignIn({
        db,
        now: clock.now(),
        token: body.token,
        sessionDays: config.auth.sessionDays,
      });
      startSessionCookie(c, sessionId);
      return c.redirect(safeNext(body.next), 303);
    },
  });

  router.get("/auth/github", {
    query: z.object({ next: Next }),
    handler: (c, { query }) => {
      limitIp(c);
      const state = newSecret();
      const next = safeNext(query.next);
      setCookie(c, names.oauthState, `${state}|${next}`, cookieOptions(config.auth.cookieSecure, 600));
      return c.redirect(github.authorizeUrl({ state, redirectUri }), 302);
    },
  });

  router.get("/auth/github/callback", {
    query: z.object({
      state: optionalText({ max: 200 }),
      code: optionalText({ max: 200 }),
      error: optionalText({ max: 200 }),
    }),
    handler: async (c, { query }) => {
      limitIp(c);
      const saved = getCookie(c, names.oauthState) ?? "";
      deleteCookie(c, names.oauthState, { path: "/", secure: config.auth.cookieSecure });
      const [state = "", next = "/account"] = saved.split("|");
      const sent = query.state ?? "";
      if (!state || !sent || !safeEqual(state, sent)) {
        throw new AppError("bad_request", {
          message: "The GitHub sign-in could not be verified (state mismatch). Start again from /sign-in.",
        });
      }
      if (query.error)
        throw new AppError("forbidden", { message: `GitHub sign-in was not completed: ${query.error}.` });
      if (!query.code) throw new AppError("bad_request", { message: "GitHub sent no code." });
      try {
        const { sessionId } = await signInWithGitHub({
          db,
          now: clock.now(),
          github,
          code: query.code,
          redirectUri,
          sessionDays: config.auth.sessionDays,
        });
        startSessionCookie(c, sessionId);
        return c.redirect(safeNext(next), 303);
      } catch (e) {
        // A refused sign-in shows the sign-in page with GitHub's reason, not a redirect loop.
        if (!isAppError(e) || e.code !== "unauthenticated") throw e;
        return signInPage(c, safeNext(next), e.message, 401);
      }
    },
  });

  router.post("/sign-out", {
    action: "session.sign-out",
    handler: async (c) => {
      const sessionId = getCookie(c, names.session);
      if (sessionId) await signOut({ db, sessionId });
      deleteCookie(c, names.session, { path: "/", secure: config.auth.cookieSecure });
      return c.redirect("/", 303);
    },
  });

  // ---- account page ----
  const accountPage = async (
    c: Context<AppEnv>,
    extra: { newToken?: { token: string; name: string } } = {},
  ) => {
    const { user } = await currentUser(c);
    const overview = await accountOverview(db, user);
    // A person made when the account applied (not yet a member) may still be replaced by a claim.
    const applicant = user.personId !== null && (await isPrivateApplicant(db, user.personId));
    const claimable = user.personId === null || applicant ? await claimablePeople(db) : [];
    return c.html(
      await renderPage(
        <AccountPage
          user={user}
          today={dayOf(clock.now())}
          roles={overview.roles}
          person={overview.person && { ...overview.person, applicant }}
          claims={overview.claims}
          claimable={claimable}
          tokens={overview.tokens}
          newToken={extra.newToken}
          administers={{
            roles: await can(c, services, "admin.roles"),
            claims: await can(c, services, "admin.claims"),
          }}
        />,
      ),
      extra.newToken ? 201 : 200,
    );
  };

  router.get("/account", {
    action: "account.view",
    resource: ownAccount,
    handler: (c) => accountPage(c),
  });

  router.post("/account/tokens", {
    form: TokenBody,
    action: "account.tokens",
    resource: ownAccount,
    page: (c) => accountPage(c),
    handler: async (c, { body }) => {
      const { token, row } = await createToken({
        ...own(c),
        ...body,
        creator: creatingToken(requireViewer(c)),
      });
      return accountPage(c, { newToken: { token, name: row.name } });
    },
  });

  router.post("/account/tokens/:id/revoke", {
    params: TokenParams,
    form: z.object({}),
    action: "account.tokens",
    resource: ownAccount,
    page: (c) => accountPage(c),
    handler: async (c, { params }) => {
      await revokeToken({ ...own(c), tokenId: params.id });
      return c.redirect("/account", 303);
    },
  });

  router.post("/account/name", {
    form: z.object({ name: NameSchema }),
    action: "account.edit",
    resource: ownAccount,
    page: (c) => accountPage(c),
    handler: async (c, { body }) => {
      await renameUser({ ...own(c), name: body.name });
      return c.redirect("/account", 303);
    },
  });

  router.patch("/api/account", {
    summary: "Rename your account (scope account).",
    operationId: "renameAccount",
    json: z.object({ name: NameSchema }),
    action: "account.edit",
    resource: ownAccount,
    response: { description: "Renamed.", schema: API.AccountUser, name: "AccountUser" },
    handler: async (c, { body }) => {
      const user = await renameUser({ ...own(c), name: body.name });
      return c.json({ user: presentUser(user) });
    },
  });

  router.post("/account/claim", {
    form: ClaimInputSchema,
    action: "account.claim",
    resource: ownAccount,
    page: (c) => accountPage(c),
    handler: async (c, { body }) => {
      await claimPerson({ ...own(c), personSlug: body.person, note: body.note });
      return c.redirect("/account", 303);
    },
  });

  // ---- administration ----
  const claimsPage = async (c: Context<AppEnv>) =>
    c.html(await renderPage(<ClaimsPage claims={await pendingClaims(db)} />));
  router.get("/admin/claims", { action: "admin.claims", handler: (c) => claimsPage(c) });

  for (const outcome of ["confirm", "reject"] as const) {
    router.post(`/admin/claims/:id/${outcome}`, {
      params: ClaimParams,
      form: z.object({}),
      action: "admin.claims",
      page: (c) => claimsPage(c),
      handler: async (c, { params }) => {
        await decideClaim({
          db,
          now: clock.now(),
          by: actorFor(requireViewer(c)),
          claimId: params.id,
          outcome: outcome === "confirm" ? "confirmed" : "rejected",
        });
        return c.redirect("/admin/claims", 303);
      },
    });
  }

  // Foundation roles: the same operations as `guildhall users grant` and `users end-role`.
  /** After a redirect (`?granted=<id>` or `?ended=<id>`): what was done, from the stored row. */
  const doneMessage = async (today: string, done: { granted?: number; ended?: number }) => {
    for (const key of ["granted", "ended"] as const) {
      const id = done[key];
      const [row] = id === undefined ? [] : await listFoundationRoles(db, { day: today, id });
      if (!row) continue;
      const { label, startedOn, endedOn } = presentFoundationRole(row, today);
      const holder = row.user?.name ?? row.person?.name ?? "";
      return key === "granted"
        ? `Granted: ${label} to ${holder} from ${startedOn}.`
        : `Ended: ${label} of ${holder} on ${endedOn ?? ""}.`;
    }
    return undefined;
  };
  const RolesPageQuery = RolesQuery.extend({
    granted: Id.optional().catch(undefined),
    ended: Id.optional().catch(undefined),
  });
  type RolesPageQuery = z.output<typeof RolesPageQuery>;
  const rolesPage = async (c: Context<AppEnv>, query: Partial<RolesPageQuery> = {}) => {
    const today = dayOf(clock.now());
    const filter = { role: query.role ?? "", currentOnly: query.current ?? false };
    const rows = await listFoundationRoles(db, {
      day: today,
      role: query.role ?? null,
      currentOnly: filter.currentOnly,
    });
    const message = await doneMessage(today, query);
    return c.html(await renderPage(<RolesPage today={today} rows={rows} filter={filter} status={message} />));
  };

  /** Grants a role as the page and the API send it (start defaults to today). */
  const grant = (c: Context<AppEnv>, body: z.output<typeof GrantBody>) => {
    const now = clock.now();
    return grantFoundationRole({
      db,
      now,
      by: actorFor(requireViewer(c)),
      ...body,
      startedOn: body.startedOn ?? dayOf(now),
      reason: body.reason ?? "",
    });
  };
  /** Ends a role as the page and the API send it (the day defaults to today). */
  const end = (c: Context<AppEnv>, roleId: number, body: z.output<typeof EndBody>) =>
    endFoundationRole({
      db,
      now: clock.now(),
      by: actorFor(requireViewer(c)),
      roleId,
      endedOn: body.endedOn ?? dayOf(clock.now()),
      reason: body.reason ?? "",
      decisionRef: body.decisionRef,
    });

  router.get("/admin/roles", {
    query: RolesPageQuery,
    action: "admin.roles",
    handler: (c, { query }) => rolesPage(c, query),
  });

  // A bad field re-shows the page with what was typed and the problems named.
  router.post("/admin/roles", {
    form: GrantBody,
    action: "admin.roles",
    page: (c) => rolesPage(c),
    handler: async (c, { body }) => c.redirect(`/admin/roles?granted=${(await grant(c, body)).id}`, 303),
  });

  router.post("/admin/roles/:id/end", {
    params: RoleParams,
    form: EndBody,
    action: "admin.roles",
    page: (c) => rolesPage(c),
    handler: async (c, { params, body }) => {
      await end(c, params.id, body);
      return c.redirect(`/admin/roles?ended=${params.id}`, 303);
    },
  });

  // ---- JSON API (Bearer tokens, or the session cookie with the x-csrf-token header) ----
  router.get("/api/account", {
    summary: "Your account: foundation roles, person, claims and tokens.",
    operationId: "getAccount",
    action: "account.view",
    resource: ownAccount,
    response: { description: "Your account.", schema: API.Account, name: "Account" },
    handler: async (c) => {
      const { user } = await currentUser(c);
      const overview = await accountOverview(db, user);
      return c.json({
        user: presentUser(user),
        foundationRoles: overview.roles.map((r) => ({
          id: r.id,
          role: r.role,
          startedOn: r.startedOn,
          endedOn: r.endedOn,
          termEndsOn: r.termEndsOn,
          reason: r.reason,
          decisionRef: r.decisionRef,
        })),
        person: overview.person,
        claims: overview.claims.map(({ claim, person }) => ({
          id: claim.id,
          status: claim.status,
          person,
          createdAt: claim.createdAt.toISOString(),
        })),
        tokens: overview.tokens.map(presentToken),
      });
    },
  });

  router.get("/api/account/tokens", {
    summary: "Your personal access tokens (never their secret).",
    operationId: "listTokens",
    action: "account.view",
    resource: ownAccount,
    response: { description: "Tokens.", schema: API.TokenList, name: "TokenList" },
    handler: async (c) => {
      const { user } = await currentUser(c);
      const overview = await accountOverview(db, user);
      return c.json({ tokens: overview.tokens.map(presentToken) });
    },
  });

  router.post("/api/account/tokens", {
    summary: "Create a token; its secret is shown only in this response (scope account).",
    operationId: "createToken",
    json: TokenBody,
    action: "account.tokens",
    resource: ownAccount,
    response: { status: 201, description: "Created.", schema: API.TokenCreated, name: "TokenCreated" },
    handler: async (c, { body }) => {
      const { token, row } = await createToken({
        ...own(c),
        ...body,
        creator: creatingToken(requireViewer(c)),
      });
      return c.json({ token, ...presentToken(row) }, 201);
    },
  });

  router.delete("/api/account/tokens/:id", {
    summary: "Revoke one of your tokens (scope account).",
    operationId: "revokeToken",
    params: TokenParams,
    action: "account.tokens",
    resource: ownAccount,
    response: { description: "Revoked.", schema: API.Token, name: "Token" },
    handler: async (c, { params }) => {
      const row = await revokeToken({ ...own(c), tokenId: params.id });
      return c.json(presentToken(row));
    },
  });

  router.post("/api/account/claim", {
    summary: "Say which person from the charters you are; an administrator confirms (scope account).",
    operationId: "claimPerson",
    json: ClaimInputSchema,
    action: "account.claim",
    resource: ownAccount,
    response: { status: 201, description: "Filed.", schema: API.ClaimFiled, name: "ClaimFiled" },
    errors: { 409: "Your account is linked already, the person is, or a claim is waiting." },
    handler: async (c, { body }) => {
      const claim = await claimPerson({ ...own(c), personSlug: body.person, note: body.note });
      return c.json(presentFiledClaim(claim), 201);
    },
  });

  router.get("/api/admin/claims", {
    summary: "Pending person claims (administrators).",
    operationId: "listPendingClaims",
    action: "admin.claims",
    response: { description: "Pending claims.", schema: API.PendingClaims, name: "PendingClaims" },
    handler: async (c) => {
      const claims = await pendingClaims(db);
      return c.json({ claims: claims.map(presentPendingClaim) });
    },
  });

  for (const outcome of ["confirm", "reject"] as const) {
    router.post(`/api/admin/claims/:id/${outcome}`, {
      summary:
        outcome === "confirm"
          ? "Confirm a claim: the account is linked to the person (administrators)."
          : "Reject a claim (administrators).",
      operationId: outcome === "confirm" ? "confirmClaim" : "rejectClaim",
      params: ClaimParams,
      action: "admin.claims",
      response: {
        description: outcome === "confirm" ? "Confirmed." : "Rejected.",
        schema: API.ClaimDecided,
        name: "ClaimDecided",
      },
      errors: { 409: "The claim was decided already." },
      handler: async (c, { params }) => {
        const claim = await decideClaim({
          db,
          now: clock.now(),
          by: actorFor(requireViewer(c)),
          claimId: params.id,
          outcome: outcome === "confirm" ? "confirmed" : "rejected",
        });
        return c.json(presentDecidedClaim(claim));
      },
    });
  }

  router.get("/api/admin/foundation-roles", {
    summary: "Foundation role holders, current first, then past and future (administrators, scope admin).",
    operationId: "listFoundationRoles",
    query: RolesQuery,
    action: "admin.roles",
    response: { description: "Role holders.", schema: API.FoundationRoleList, name: "FoundationRoleList" },
    handler: async (c, { query }) => {
      const today = dayOf(clock.now());
      const rows = await listFoundationRoles(db, {
        day: today,
        role: query.role ?? null,
        currentOnly: query.current,
      });
      return c.json({ on: today, foundationRoles: rows.map((r) => presentFoundationRole(r, today)) });
    },
  });

  /** The role as listed, after a grant or an end. */
  const roleJsonById = async (id: number) => {
    const today = dayOf(clock.now());
    const [listed] = await listFoundationRoles(db, { day: today, id });
    if (!listed) throw new Error(`foundation role ${id} vanished`);
    return presentFoundationRole(listed, today);
  };

  router.post("/api/admin/foundation-roles", {
    summary:
      "Grant a foundation role for a period, as `guildhall users grant` does; recorded in the audit log (administrators, scope admin).",
    operationId: "grantFoundationRole",
    json: GrantBody,
    action: "admin.roles",
    response: { status: 201, description: "Granted.", schema: API.FoundationRole, name: "FoundationRole" },
    handler: async (c, { body }) => c.json(await roleJsonById((await grant(c, body)).id), 201),
  });

  router.post("/api/admin/foundation-roles/:id/end", {
    summary:
      "End a foundation role on a day, as `guildhall users end-role` does; recorded in the audit log (administrators, scope admin).",
    operationId: "endFoundationRole",
    params: RoleParams,
    json: EndBody,
    action: "admin.roles",
    response: { description: "Ended.", schema: API.FoundationRole, name: "FoundationRole" },
    handler: async (c, { params, body }) => c.json(await roleJsonById((await end(c, params.id, body)).id)),
  });

  // What the viewer may do in a group, as the policy decides today (for scripts and for the pages).
  router.get("/api/groups/:slug/permissions", {
    summary: "What the viewer (anonymous or signed in) may do in the group today, as the policy decides.",
    operationId: "getGroupPermissions",
    params: z.object({ slug: Slug.describe("The group's slug (its charter file name).") }),
    response: { description: "Allowed actions.", schema: API.GroupPermissions, name: "GroupPermissions" },
    handler: async (c, { params }) => {
      const group = await loadGroupResource(db, { slug: params.slug });
      if (!group) throw new AppError("not_found", { message: `No group "${params.slug}".` });
      const actor = await actorOf(c, services);
      const today = dayOf(clock.now());
      const permissions = Object.fromEntries(
        GROUP_ACTIONS.map((action) => [action, decide(actor, action, group, today).allowed]),
      );
      return c.json({ group: params.slug, membershipModel: group.membershipModel, on: today, permissions });
    },
  });

  return router.app;
}

const GROUP_ACTIONS = [
  "group.view",
  "group.view-private",
  "group.apply",
  "group.leave",
  "group.manage-applications",
  "group.decide-membership",
  "group.edit-arrangements",
  "group.propose-change",
  "group.report",
  "group.record-roles",
] as const satisfies readonly Action[];
