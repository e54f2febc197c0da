import { and, eq, sql } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { insertPerson } from "../../../test/factories/governance.ts";
import { csrfTokenFor } from "../../platform/auth/index.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import type { Services } from "../../platform/services.ts";
import { CLI_ACTOR } from "../audit/audit.repo.ts";
import { createToken } from "./create-token.ts";
import { createUser } from "./create-user.ts";
import { grantFoundationRole } from "./grant-foundation-role.ts";
import { startSession } from "./start-session.ts";

let database: Database;
let app: Hono<AppEnv>;
let clock: FixedClock;
let services: Services;

async function tokenFor(email: string, scopes: string[], days = 30): Promise<string> {
  const db = database.db;
  const user =
    (await db.select().from(schema.users).where(eq(schema.users.email, email)))[0] ??
    (await createUser({ db, now: clock.now(), by: CLI_ACTOR, email, name: email.split("@")[0] ?? email }));
  return (
    await createToken({
      db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: user.id,
      name: "t",
      scopes,
      expiresInDays: days,
    })
  ).token;
}

/** Creates the account `email` named `name` and makes it a site administrator from 2026-01-01. */
async function siteAdmin(email: string, name: string) {
  const db = database.db;
  const user = await createUser({ db, now: clock.now(), by: CLI_ACTOR, email, name });
  await grantFoundationRole({
    db,
    now: clock.now(),
    by: CLI_ACTOR,
    userId: user.id,
    role: "site-admin",
    startedOn: "2026-01-01",
  });
  return user;
}

const api = (token: string | null, path: string, init: { method?: string; json?: unknown } = {}) =>
  bearerRequest(app, token, path, init);

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, clock, services } = await createTestApplication(database));
});
afterAll(async () => {
  await database?.close();
});

describe("personal access tokens", () => {
  it("authenticate API requests with Authorization: Bearer, without CSRF tokens", async () => {
    const token = await tokenFor("bot@example.org", ["read", "account"]);
    const me = await api(token, "/api/account");
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: { email: string }; tokens: Array<{ prefix: string }> };
    expect(body.user.email).toBe("bot@example.org");
    expect(token.startsWith(body.tokens[0]?.prefix ?? "-")).toBe(true);

    const created = await api(token, "/api/account/tokens", {
      method: "POST",
      json: { name: "deploy", scopes: ["read"], expiresInDays: 7 },
    });
    expect(created.status).toBe(201);
    const made = (await created.json()) as { token: string; id: number; expiresAt: string };
    expect(made.token).toMatch(/^guildhall_pat_/);
    expect(made.expiresAt).toBe("2026-11-28T12:00:00.000Z");
    expect((await api(made.token, "/api/account")).status).toBe(200);
  });

  it("stores only a hash of the token", async () => {
    const token = await tokenFor("hash@example.org", ["read"]);
    const rows = await database.db.select().from(schema.accessTokens);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("enforce scopes: a read-only token reads but cannot change the account", async () => {
    const token = await tokenFor("reader@example.org", ["read"]);
    expect((await api(token, "/api/account")).status).toBe(200);
    const denied = await api(token, "/api/account/tokens", {
      method: "POST",
      json: { name: "more", scopes: ["admin"], expiresInDays: 7 },
    });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { message: string } }).error.message).toContain(
      '"account" scope',
    );
  });

  it("give an admin token admin rights only with the admin scope", async () => {
    await siteAdmin("root@example.org", "Root");
    expect((await api(await tokenFor("root@example.org", ["read"]), "/api/admin/claims")).status).toBe(403);
    expect((await api(await tokenFor("root@example.org", ["admin"]), "/api/admin/claims")).status).toBe(200);
    // The admin scope on a non-admin's token gives nothing.
    expect((await api(await tokenFor("reader@example.org", ["admin"]), "/api/admin/claims")).status).toBe(
      403,
    );
  });

  it("a token creates tokens only within its own scopes and lifetime; a browser session may create any", async () => {
    const db = database.db;
    const owner = await siteAdmin("minter@example.org", "Minter");
    // An account-only token that expires in 30 days, as in the attack.
    const token = await tokenFor("minter@example.org", ["account"], 30);
    const mint = (scopes: string[], expiresInDays: number) =>
      api(token, "/api/account/tokens", { method: "POST", json: { name: "minted", scopes, expiresInDays } });
    const everything = await mint(["read", "account", "groups", "votes", "admin"], 366);
    expect(everything.status).toBe(403);
    expect(((await everything.json()) as { error: { message: string } }).error.message).toContain(
      "lacks read, groups, votes, admin",
    );
    expect((await mint(["admin"], 1)).status).toBe(403);
    const longer = await mint(["account"], 31);
    expect(longer.status).toBe(422);
    expect(((await longer.json()) as { error: { message: string } }).error.message).toContain(
      "expiresInDays: must be at most 30 days",
    );
    // The page's form, driven with the bearer token, is held to the same rule.
    const form = await app.request("/account/tokens", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([
        ["name", "minted"],
        ["scopes", "admin"],
        ["expiresInDays", "1"],
      ]).toString(),
    });
    expect(form.status).toBe(403);
    // Within it: the same scope, the same expiry.
    expect((await mint(["account"], 30)).status).toBe(201);
    const kept = await db.select().from(schema.accessTokens).where(eq(schema.accessTokens.userId, owner.id));
    expect(kept.map((t) => t.scopes)).toEqual([["account"], ["account"]]);
    expect(Math.max(...kept.map((t) => t.expiresAt.getTime()))).toBe(clock.now().getTime() + 30 * 86_400_000);

    // A signed-in browser session creates whatever its user may hold, up to the longest lifetime.
    const { sessionId } = await startSession({
      db,
      userId: owner.id,
      method: "email",
      now: clock.now(),
      days: 1,
    });
    const secret = services.config.auth.secret;
    const res = await app.request("/api/account/tokens", {
      method: "POST",
      headers: {
        cookie: `guildhall_csrf=c; guildhall_session=${sessionId}`,
        "x-csrf-token": csrfTokenFor(secret, "c", sessionId),
        "content-type": "application/json",
      },
      body: JSON.stringify({ name: "by session", scopes: ["read", "admin"], expiresInDays: 366 }),
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { scopes: string[] }).scopes).toEqual(["read", "admin"]);
  });

  it("expire", async () => {
    const token = await tokenFor("short@example.org", ["read"], 1);
    expect((await api(token, "/api/account")).status).toBe(200);
    clock.advance(86_400_000);
    const res = await api(token, "/api/account");
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("invalid_token");
    clock.advance(-86_400_000);
  });

  it("can be revoked through the API and stop working at once", async () => {
    const token = await tokenFor("revoker@example.org", ["read", "account"]);
    const other = await tokenFor("revoker@example.org", ["read"]);
    const list = (await (await api(token, "/api/account/tokens")).json()) as {
      tokens: Array<{ id: number }>;
    };
    const otherId = list.tokens[0]?.id;
    const res = await api(token, `/api/account/tokens/${otherId}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect((await api(other, "/api/account")).status).toBe(401);
    // Someone else's token id is "not found", and nothing changes.
    const stranger = await tokenFor("stranger@example.org", ["read", "account"]);
    expect((await api(stranger, `/api/account/tokens/${otherId}`, { method: "DELETE" })).status).toBe(404);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "token.revoke"));
    expect(audit.length).toBe(1);
  });

  it("refuse bad input naming the field, creating nothing", async () => {
    const token = await tokenFor("picky@example.org", ["read", "account"]);
    const before = (await database.db.select().from(schema.accessTokens)).length;
    for (const json of [
      { name: "", scopes: ["read"], expiresInDays: 7 },
      { name: "x", scopes: ["root"], expiresInDays: 7 },
      { name: "x", scopes: ["read"], expiresInDays: 4000 },
    ]) {
      const res = await api(token, "/api/account/tokens", { method: "POST", json });
      expect(res.status).toBe(422);
    }
    const res = await api(token, "/api/account/tokens", {
      method: "POST",
      json: { name: "x", scopes: [], expiresInDays: 7 },
    });
    expect(
      ((await res.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]?.field,
    ).toBe("scopes");
    expect((await database.db.select().from(schema.accessTokens)).length).toBe(before);
  });

  it("rename the account through the API, refusing an empty name", async () => {
    const token = await tokenFor("renamed@example.org", ["read", "account"]);
    const res = await api(token, "/api/account", { method: "PATCH", json: { name: "  Grace Hopper " } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { name: string } }).user.name).toBe("Grace Hopper");
    const bad = await api(token, "/api/account", { method: "PATCH", json: { name: " " } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      "Invalid request body: name: must not be empty",
    );
    const me = (await (await api(token, "/api/account")).json()) as { user: { name: string } };
    expect(me.user.name).toBe("Grace Hopper");
  });

  it("an unknown or malformed bearer token is a 401, not an anonymous visit", async () => {
    expect((await api("guildhall_pat_nope", "/api/account")).status).toBe(401);
    // /healthz and the stylesheet are served before authentication; every other route checks the token.
    expect((await api("nonsense", "/api/groups")).status).toBe(401);
  });
});

describe("claims: a person from the charters linked to an account", () => {
  it("is claimed by the person, confirmed by an admin, and recorded in the audit log", async () => {
    const db = database.db;
    const person = await insertPerson(db, { name: "Karen Claimant" });
    const token = await tokenFor("karen@example.org", ["read", "account"]);
    const claim = await api(token, "/api/account/claim", {
      method: "POST",
      json: { person: person.slug, note: "it is me" },
    });
    expect(claim.status).toBe(201);
    const { id } = (await claim.json()) as { id: number };
    // A second claim while one is pending is refused.
    expect(
      (await api(token, "/api/account/claim", { method: "POST", json: { person: person.slug } })).status,
    ).toBe(409);
    // The claimant cannot confirm it.
    expect((await api(token, `/api/admin/claims/${id}/confirm`, { method: "POST" })).status).toBe(403);

    const adminToken = await tokenFor("root@example.org", ["read", "admin"]);
    const pending = (await (await api(adminToken, "/api/admin/claims")).json()) as {
      claims: Array<{ id: number }>;
    };
    expect(pending.claims.map((c) => c.id)).toContain(id);
    const confirmed = await api(adminToken, `/api/admin/claims/${id}/confirm`, { method: "POST" });
    expect(confirmed.status).toBe(200);
    const me = (await (await api(token, "/api/account")).json()) as { person: { slug: string } | null };
    expect(me.person?.slug).toBe(person.slug);

    const audit = await db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.subjectType, "person"), eq(schema.auditLog.subjectId, String(person.id))),
      );
    expect(audit.map((a) => a.action).sort()).toEqual(["claim.confirm", "claim.create"]);
    const confirm = audit.find((a) => a.action === "claim.confirm");
    expect(confirm?.actor).toContain("Root");
    expect(confirm?.before).toMatchObject({ status: "pending" });
    expect(confirm?.after).toMatchObject({ status: "confirmed" });
  });

  it("the audit log refuses updates and deletes", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    expect((await database.db.select().from(schema.auditLog)).length).toBeGreaterThan(0);
  });
});
