import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
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
import { type AppEnv, createRouter, type Router } from "../../platform/http/app.tsx";
import { clientAddress } from "../../platform/http/client-address.ts";
import { renderPage } from "../../platform/http/layout.tsx";
import { localPath } from "../../platform/http/local-path.ts";
import { createMailer, type Mailer } from "../../platform/mail.ts";
import type { Services } from "../../platform/services.ts";
import { loadGroupResource } from "../policy/actor.repo.ts";
import { actorOf, authorize, can, requireViewer } from "../policy/authorize.ts";
import {
  type Action,
  decide,
  FOUNDATION_ROLE_LABELS,
  type FoundationRole,
  holdsOn,
} from "../policy/policy.ts";
import {
  AccountPage,
  CheckEmailPage,
  ClaimsPage,
  ConfirmEmailSignInPage,
  type EndFormState,
  GRANT_FIELDS,
  type GrantFormState,
  RolesPage,
  SignInPage,
} from "./accounts.pages.tsx";
import {
  type AuditActor,
  accountOverview,
  claimablePeople,
  type FoundationRoleListing,
  findUserById,
  listFoundationRoles,
  peekSignInLink,
  pendingClaims,
  type TokenRow,
  type UserRow,
} from "./accounts.repo.ts";
import { claimPerson } from "./claim-person.ts";
import { type CreatingToken, createToken } from "./create-token.ts";
import { decideClaim } from "./decide-claim.ts";
import { endFoundationRole } from "./end-foundation-role.ts";
import { finishEmailSignIn } from "./finish-email-sign-in.ts";
import { grantFoundationRole } from "./grant-foundation-role.ts";
import { renameUser } from "./rename-user.ts";
import { revokeToken } from "./revoke-token.ts";
import { dayOf, EmailSchema, FoundationRoleSchema } from "./schemas.ts";
import { signInWithGitHub } from "./sign-in-with-github.ts";
import { signOut } from "./sign-out.ts";
import { startEmailSignIn } from "./start-email-sign-in.ts";

/** Replacements for the mailer and GitHub client built from configuration. */
export interface AccountsRouterOptions {
  mailer?: Mailer;
  github?: GitHubClient;
}

/** The bearer token behind a request, which tokens it creates must stay within; none for a session. */
function creatingToken(viewer: Viewer): CreatingToken | undefined {
  return viewer.method === "token" && viewer.scopes !== null && viewer.expiresAt
    ? { scopes: viewer.scopes, expiresAt: viewer.expiresAt }
    : undefined;
}

function actorFor(user: { userId: number; name: string }): AuditActor {
  return { userId: user.userId, label: `user:${user.userId} (${user.name})` };
}

function tokenJson(t: TokenRow) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  };
}

function userJson(u: UserRow) {
  return { id: u.id, name: u.name, email: u.email, githubLogin: u.githubLogin, personId: u.personId };
}

function foundationRoleJson(r: FoundationRoleListing, today: string) {
  const row = r.role;
  return {
    id: row.id,
    role: row.role,
    label: FOUNDATION_ROLE_LABELS[row.role as FoundationRole] ?? row.role,
    startedOn: row.startedOn,
    endedOn: row.endedOn,
    termEndsOn: row.termEndsOn,
    reason: row.reason,
    decisionRef: row.decisionRef,
    current: holdsOn(row, today),
    createdAt: row.createdAt.toISOString(),
    user: r.user,
    person: r.person,
  };
}

/** The role list's filters (`?role=...&current=1`), from a page's form or an API query. */
function rolesFilter(c: Context<AppEnv>): { role: string; currentOnly: boolean } {
  const role = c.req.query("role")?.trim() ?? "";
  if (role !== "" && !FoundationRoleSchema.safeParse(role).success) {
    throw new AppError("validation", {
      message: `Invalid role filter: role: must be one of ${FoundationRoleSchema.options.join(", ")}`,
      issues: [{ field: "role", message: `must be one of ${FoundationRoleSchema.options.join(", ")}` }],
    });
  }
  const current = c.req.query("current")?.trim().toLowerCase() ?? "";
  return { role, currentOnly: ["1", "true", "on", "yes"].includes(current) };
}

/** A form or JSON value as text ("" when absent), and as an optional value (null when blank). */
const text = (v: unknown): string =>
  typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
const optional = (v: unknown): string | null => (text(v).trim() === "" ? null : text(v).trim());
/** A numeric id from the path; 0 (found nowhere) when it is not one. */
const idParam = (v: string): number => (/^\d{1,9}$/.test(v) ? Number(v) : 0);

const TokenBody = z.object({
  name: z.string(),
  scopes: z.union([z.string(), z.array(z.string())]).transform((s) => (Array.isArray(s) ? s : [s])),
  expiresInDays: z.union([z.string(), z.number()]),
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
  const router = createRouter();
  /** Only paths on this site are followed after signing in, never another site. */
  const safeNext = (value: unknown): string => localPath(value, config.baseUrl) ?? "/account";

  const layoutViewer = (c: Context<AppEnv>) =>
    c.var.viewer ? { name: c.var.viewer.name, csrfToken: c.var.csrfToken } : null;
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

  // ---- sign-in pages ----
  router.get("/sign-in", async (c) =>
    c.html(
      await renderPage(
        <SignInPage
          viewer={layoutViewer(c)}
          csrf={c.var.csrfToken}
          next={safeNext(c.req.query("next"))}
          github={github.enabled}
          email={mailer.enabled}
        />,
      ),
    ),
  );

  router.post("/sign-in/email", async (c) => {
    const body = await c.req.parseBody();
    const raw = typeof body.email === "string" ? body.email : "";
    const next = safeNext(body.next);
    limitIp(c);
    const email = EmailSchema.safeParse(raw);
    if (!email.success) {
      return c.html(
        await renderPage(
          <SignInPage
            viewer={layoutViewer(c)}
            csrf={c.var.csrfToken}
            next={next}
            github={github.enabled}
            email={mailer.enabled}
            errors={["Email address: must be an email address such as ada@example.org"]}
            emailValue={raw}
          />,
        ),
        422,
      );
    }
    limit(perEmail, `email:${email.data}`);
    await startEmailSignIn({
      db,
      now: clock.now(),
      mailer,
      baseUrl: config.baseUrl,
      email: email.data,
      linkMinutes: config.auth.signInLinkMinutes,
      next,
    });
    return c.html(await renderPage(<CheckEmailPage viewer={layoutViewer(c)} email={email.data} />));
  });

  router.get("/sign-in/email/callback", async (c) => {
    const token = c.req.query("token") ?? "";
    const email = token ? await peekSignInLink({ db, now: clock.now(), token }) : null;
    if (!email) {
      throw new AppError("not_found", {
        message: "This sign-in link is unknown, already used or expired. Ask for a new one at /sign-in.",
      });
    }
    return c.html(
      await renderPage(
        <ConfirmEmailSignInPage
          viewer={layoutViewer(c)}
          csrf={c.var.csrfToken}
          token={token}
          email={email}
          next={safeNext(c.req.query("next"))}
        />,
      ),
    );
  });

  router.post("/sign-in/email/callback", async (c) => {
    const body = await c.req.parseBody();
    limitIp(c);
    const token = typeof body.token === "string" ? body.token : "";
    const { sessionId } = await finishEmailSignIn({
      db,
      now: clock.now(),
      token,
      sessionDays: config.auth.sessionDays,
    });
    startSessionCookie(c, sessionId);
    return c.redirect(safeNext(body.next), 303);
  });

  router.get("/auth/github", (c) => {
    limitIp(c);
    const state = newSecret();
    const next = safeNext(c.req.query("next"));
    setCookie(c, names.oauthState, `${state}|${next}`, cookieOptions(config.auth.cookieSecure, 600));
    return c.redirect(github.authorizeUrl({ state, redirectUri }), 302);
  });

  router.get("/auth/github/callback", async (c) => {
    limitIp(c);
    const saved = getCookie(c, names.oauthState) ?? "";
    deleteCookie(c, names.oauthState, { path: "/", secure: config.auth.cookieSecure });
    const [state = "", next = "/account"] = saved.split("|");
    const sent = c.req.query("state") ?? "";
    if (!state || !sent || !safeEqual(state, sent)) {
      throw new AppError("bad_request", {
        message: "The GitHub sign-in could not be verified (state mismatch). Start again from /sign-in.",
      });
    }
    const error = c.req.query("error");
    if (error) throw new AppError("forbidden", { message: `GitHub sign-in was not completed: ${error}.` });
    const code = c.req.query("code");
    if (!code) throw new AppError("bad_request", { message: "GitHub sent no code." });
    try {
      const { sessionId } = await signInWithGitHub({
        db,
        now: clock.now(),
        github,
        code,
        redirectUri,
        sessionDays: config.auth.sessionDays,
      });
      startSessionCookie(c, sessionId);
      return c.redirect(safeNext(next), 303);
    } catch (e) {
      // A refused sign-in shows the sign-in page with GitHub's reason, not a redirect loop.
      if (!isAppError(e) || e.code !== "unauthenticated") throw e;
      return c.html(
        await renderPage(
          <SignInPage
            viewer={layoutViewer(c)}
            csrf={c.var.csrfToken}
            next={safeNext(next)}
            github={github.enabled}
            email={mailer.enabled}
            errors={[e.message]}
          />,
        ),
        401,
      );
    }
  });

  router.post("/sign-out", async (c) => {
    const sessionId = getCookie(c, names.session);
    if (sessionId) await signOut({ db, sessionId });
    deleteCookie(c, names.session, { path: "/", secure: config.auth.cookieSecure });
    return c.redirect("/", 303);
  });

  // ---- account page ----
  const renderAccount = async (
    c: Context<AppEnv>,
    extra: {
      newToken?: { token: string; name: string };
      errors?: string[];
      status?: 200 | 201 | 422 | 409;
    } = {},
  ) => {
    const { viewer, user } = await currentUser(c);
    const overview = await accountOverview(db, user);
    const claimable = user.personId === null ? await claimablePeople(db) : [];
    return c.html(
      await renderPage(
        <AccountPage
          viewer={{ name: viewer.name, csrfToken: c.var.csrfToken }}
          csrf={c.var.csrfToken}
          user={user}
          today={dayOf(clock.now())}
          roles={overview.roles}
          person={overview.person}
          claims={overview.claims}
          claimable={claimable}
          tokens={overview.tokens}
          newToken={extra.newToken}
          errors={extra.errors}
          administers={{
            roles: await can(c, services, "admin.roles"),
            claims: await can(c, services, "admin.claims"),
          }}
        />,
      ),
      extra.status ?? 200,
    );
  };
  /** Runs a form action; validation and conflict errors re-render the account page with the message. */
  const formAction = async (c: Context<AppEnv>, action: () => Promise<Response>) => {
    try {
      return await action();
    } catch (e) {
      if (isAppError(e) && (e.code === "validation" || e.code === "conflict")) {
        return renderAccount(c, { errors: [e.message], status: e.code === "validation" ? 422 : 409 });
      }
      throw e;
    }
  };

  router.get("/account", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.view", { kind: "account", userId: viewer.userId });
    return renderAccount(c);
  });

  router.post("/account/tokens", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.tokens", { kind: "account", userId: viewer.userId });
    const body = await c.req.parseBody({ all: true });
    return formAction(c, async () => {
      const parsed = TokenBody.safeParse({
        name: body.name ?? "",
        scopes: body.scopes ?? [],
        expiresInDays: body.expiresInDays ?? "",
      });
      const input = parsed.success ? parsed.data : { name: "", scopes: [], expiresInDays: "" };
      const { token, row } = await createToken({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        userId: viewer.userId,
        ...input,
        creator: creatingToken(viewer),
      });
      return renderAccount(c, { newToken: { token, name: row.name }, status: 201 });
    });
  });

  router.post("/account/tokens/:id/revoke", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.tokens", { kind: "account", userId: viewer.userId });
    await revokeToken({
      db,
      now: clock.now(),
      by: actorFor(viewer),
      userId: viewer.userId,
      tokenId: Number(c.req.param("id")) || 0,
    });
    return c.redirect("/account", 303);
  });

  router.post("/account/name", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.edit", { kind: "account", userId: viewer.userId });
    const body = await c.req.parseBody();
    return formAction(c, async () => {
      await renameUser({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        userId: viewer.userId,
        name: typeof body.name === "string" ? body.name : "",
      });
      return c.redirect("/account", 303);
    });
  });

  router.patch("/api/account", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.edit", { kind: "account", userId: viewer.userId });
    const body = await jsonBody(c);
    const user = await renameUser({
      db,
      now: clock.now(),
      by: actorFor(viewer),
      userId: viewer.userId,
      name: typeof body.name === "string" ? body.name : "",
    });
    return c.json({ user: userJson(user) });
  });

  router.post("/account/claim", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.claim", { kind: "account", userId: viewer.userId });
    const body = await c.req.parseBody();
    return formAction(c, async () => {
      await claimPerson({
        db,
        now: clock.now(),
        userId: viewer.userId,
        personSlug: typeof body.person === "string" ? body.person : "",
        note: typeof body.note === "string" ? body.note : "",
      });
      return c.redirect("/account", 303);
    });
  });

  // ---- administration ----
  router.get("/admin/claims", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.claims");
    const claims = await pendingClaims(db);
    return c.html(
      await renderPage(
        <ClaimsPage
          viewer={{ name: viewer.name, csrfToken: c.var.csrfToken }}
          csrf={c.var.csrfToken}
          claims={claims}
        />,
      ),
    );
  });

  for (const outcome of ["confirm", "reject"] as const) {
    router.post(`/admin/claims/:id/${outcome}`, async (c) => {
      const viewer = requireViewer(c);
      await authorize(c, services, "admin.claims");
      await decideClaim({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        claimId: Number(c.req.param("id")) || 0,
        outcome: outcome === "confirm" ? "confirmed" : "rejected",
      });
      return c.redirect("/admin/claims", 303);
    });
  }

  // Foundation roles: the same operations as `guildhall users grant` and `users end-role`.
  /** After a redirect (`?granted=<id>` or `?ended=<id>`): what was done, from the stored row. */
  const doneMessage = async (c: Context<AppEnv>, today: string): Promise<string | undefined> => {
    for (const key of ["granted", "ended"] as const) {
      const id = idParam(c.req.query(key) ?? "");
      const [done] = id === 0 ? [] : await listFoundationRoles(db, { day: today, id });
      if (!done) continue;
      const { label, startedOn, endedOn } = foundationRoleJson(done, today);
      const holder = done.user?.name ?? done.person?.name ?? "";
      return key === "granted"
        ? `Granted: ${label} to ${holder} from ${startedOn}.`
        : `Ended: ${label} of ${holder} on ${endedOn ?? ""}.`;
    }
    return undefined;
  };
  const renderRoles = async (
    c: Context<AppEnv>,
    viewer: { name: string },
    extra: { grant?: GrantFormState; end?: EndFormState; status?: 200 | 422 } = {},
  ) => {
    const today = dayOf(clock.now());
    const filter = extra.grant || extra.end ? { role: "", currentOnly: false } : rolesFilter(c);
    const rows = await listFoundationRoles(db, {
      day: today,
      role: filter.role,
      currentOnly: filter.currentOnly,
    });
    const message = extra.grant || extra.end ? undefined : await doneMessage(c, today);
    return c.html(
      await renderPage(
        <RolesPage
          viewer={{ name: viewer.name, csrfToken: c.var.csrfToken }}
          csrf={c.var.csrfToken}
          today={today}
          rows={rows}
          filter={filter}
          status={message}
          grant={extra.grant}
          end={extra.end}
        />,
      ),
      extra.status ?? 200,
    );
  };

  router.get("/admin/roles", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.roles");
    return renderRoles(c, viewer);
  });

  // A bad field re-shows the page with what was typed and the problems named.
  router.post("/admin/roles", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.roles");
    const body = await c.req.parseBody();
    const values = Object.fromEntries(GRANT_FIELDS.map((f) => [f, text(body[f])]));
    try {
      const row = await grantFoundationRole({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        who: text(body.who),
        role: text(body.role),
        startedOn: text(body.startedOn).trim(),
        endedOn: optional(body.endedOn),
        termEndsOn: optional(body.termEndsOn),
        reason: text(body.reason),
        decisionRef: optional(body.decisionRef),
      });
      return c.redirect(`/admin/roles?granted=${row.id}`, 303);
    } catch (e) {
      if (!isAppError(e) || e.code !== "validation") throw e;
      return renderRoles(c, viewer, { grant: { values, issues: e.issues }, status: 422 });
    }
  });

  router.post("/admin/roles/:id/end", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.roles");
    const id = idParam(c.req.param("id"));
    const body = await c.req.parseBody();
    const values = { endedOn: text(body.endedOn), reason: text(body.reason) };
    try {
      await endFoundationRole({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        roleId: id,
        endedOn: values.endedOn.trim(),
        reason: values.reason,
        decisionRef: optional(body.decisionRef),
      });
      return c.redirect(`/admin/roles?ended=${id}`, 303);
    } catch (e) {
      if (!isAppError(e) || e.code !== "validation") throw e;
      return renderRoles(c, viewer, { end: { id, values, issues: e.issues }, status: 422 });
    }
  });

  // ---- JSON API (Bearer tokens, or the session cookie with the x-csrf-token header) ----
  router.get("/api/account", async (c) => {
    const { viewer, user } = await currentUser(c);
    await authorize(c, services, "account.view", { kind: "account", userId: viewer.userId });
    const overview = await accountOverview(db, user);
    return c.json({
      user: userJson(user),
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
      tokens: overview.tokens.map(tokenJson),
    });
  });

  router.get("/api/account/tokens", async (c) => {
    const { viewer, user } = await currentUser(c);
    await authorize(c, services, "account.view", { kind: "account", userId: viewer.userId });
    const overview = await accountOverview(db, user);
    return c.json({ tokens: overview.tokens.map(tokenJson) });
  });

  router.post("/api/account/tokens", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.tokens", { kind: "account", userId: viewer.userId });
    const body = await jsonBody(c);
    const { token, row } = await createToken({
      db,
      now: clock.now(),
      by: actorFor(viewer),
      userId: viewer.userId,
      name: typeof body.name === "string" ? body.name : "",
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [],
      expiresInDays: typeof body.expiresInDays === "number" ? body.expiresInDays : Number.NaN,
      creator: creatingToken(viewer),
    });
    return c.json({ token, ...tokenJson(row) }, 201);
  });

  router.delete("/api/account/tokens/:id", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.tokens", { kind: "account", userId: viewer.userId });
    const row = await revokeToken({
      db,
      now: clock.now(),
      by: actorFor(viewer),
      userId: viewer.userId,
      tokenId: Number(c.req.param("id")) || 0,
    });
    return c.json(tokenJson(row));
  });

  router.post("/api/account/claim", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "account.claim", { kind: "account", userId: viewer.userId });
    const body = await jsonBody(c);
    const claim = await claimPerson({
      db,
      now: clock.now(),
      userId: viewer.userId,
      personSlug: typeof body.person === "string" ? body.person : "",
      note: typeof body.note === "string" ? body.note : "",
    });
    return c.json({ id: claim.id, status: claim.status, personId: claim.personId }, 201);
  });

  router.get("/api/admin/claims", async (c) => {
    requireViewer(c);
    await authorize(c, services, "admin.claims");
    const claims = await pendingClaims(db);
    return c.json({
      claims: claims.map(({ claim, user, person }) => ({
        id: claim.id,
        note: claim.note,
        createdAt: claim.createdAt.toISOString(),
        user,
        person,
      })),
    });
  });

  for (const outcome of ["confirm", "reject"] as const) {
    router.post(`/api/admin/claims/:id/${outcome}`, async (c) => {
      const viewer = requireViewer(c);
      await authorize(c, services, "admin.claims");
      const claim = await decideClaim({
        db,
        now: clock.now(),
        by: actorFor(viewer),
        claimId: Number(c.req.param("id")) || 0,
        outcome: outcome === "confirm" ? "confirmed" : "rejected",
      });
      return c.json({ id: claim.id, status: claim.status, personId: claim.personId, userId: claim.userId });
    });
  }

  router.get("/api/admin/foundation-roles", async (c) => {
    requireViewer(c);
    await authorize(c, services, "admin.roles");
    const today = dayOf(clock.now());
    const filter = rolesFilter(c);
    const rows = await listFoundationRoles(db, { day: today, ...filter });
    return c.json({ on: today, foundationRoles: rows.map((r) => foundationRoleJson(r, today)) });
  });

  /** The role as listed, after a grant or an end. */
  const roleJsonById = async (id: number) => {
    const today = dayOf(clock.now());
    const [listed] = await listFoundationRoles(db, { day: today, id });
    if (!listed) throw new Error(`foundation role ${id} vanished`);
    return foundationRoleJson(listed, today);
  };

  router.post("/api/admin/foundation-roles", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.roles");
    const body = await jsonBody(c);
    const now = clock.now();
    const row = await grantFoundationRole({
      db,
      now,
      by: actorFor(viewer),
      who: text(body.who),
      role: text(body.role),
      startedOn: body.startedOn === undefined ? dayOf(now) : text(body.startedOn),
      endedOn: optional(body.endedOn),
      termEndsOn: optional(body.termEndsOn),
      reason: text(body.reason),
      decisionRef: optional(body.decisionRef),
    });
    return c.json(await roleJsonById(row.id), 201);
  });

  router.post("/api/admin/foundation-roles/:id/end", async (c) => {
    const viewer = requireViewer(c);
    await authorize(c, services, "admin.roles");
    const body = (await c.req.text()).trim() === "" ? {} : await jsonBody(c);
    const now = clock.now();
    const row = await endFoundationRole({
      db,
      now,
      by: actorFor(viewer),
      roleId: idParam(c.req.param("id")),
      endedOn: body.endedOn === undefined ? dayOf(now) : text(body.endedOn),
      reason: text(body.reason),
      decisionRef: optional(body.decisionRef),
    });
    return c.json(await roleJsonById(row.id));
  });

  // What the viewer may do in a group, as the policy decides today (for scripts and for the pages).
  router.get("/api/groups/:slug/permissions", async (c) => {
    const group = await loadGroupResource(db, { slug: c.req.param("slug") });
    if (!group) throw new AppError("not_found", { message: `No group "${c.req.param("slug")}".` });
    const actor = await actorOf(c, services);
    const today = dayOf(clock.now());
    const permissions = Object.fromEntries(
      GROUP_ACTIONS.map((action) => [action, decide(actor, action, group, today).allowed]),
    );
    return c.json({
      group: c.req.param("slug"),
      membershipModel: group.membershipModel,
      on: today,
      permissions,
    });
  });

  return router;
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

/** The JSON object body, or a 400 naming the problem. */
async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (e) {
    throw new AppError("bad_request", { message: "The request body must be a JSON object.", cause: e });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("bad_request", { message: "The request body must be a JSON object." });
  }
  return body as Record<string, unknown>;
}
