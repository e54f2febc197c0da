/**
 * /admin/roles and /api/admin/foundation-roles: site administrators list, grant and end foundation
 * roles in the web site and the JSON API, through the same operations as `guildhall users grant`.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, createTestApplication } from "../../../test/app.ts";
import { signedInBrowser, TestBrowser } from "../../../test/browser.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount, type TestAccount } from "../../../test/factories/accounts.ts";
import { insertGroup } from "../../../test/factories/governance.ts";
import { auditFor } from "../../kernel/index.ts";
import type { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let app: Hono<AppEnv>;
let admin: TestAccount;
let member: TestAccount;
let newbie: TestAccount;
let liaisonId = 0;
let clock: FixedClock;

interface RoleJson {
  id: number;
  role: string;
  startedOn: string;
  endedOn: string | null;
  termEndsOn: string | null;
  reason: string;
  decisionRef: string | null;
  current: boolean;
  user: { id: number; name: string; email: string | null } | null;
  person: { id: number; name: string; slug: string } | null;
}

function adminBrowser(): TestBrowser {
  return signedInBrowser(app, admin.sessionId);
}

const api = (token: string | null, path: string, init: { method?: string; json?: unknown } = {}) =>
  bearerRequest(app, token, path, init);

async function rolesOf(where: { userId?: number; personId?: number }) {
  const rows = await database.db.select().from(schema.foundationRoles);
  return rows.filter(
    (r) =>
      (where.userId === undefined || r.userId === where.userId) &&
      (where.personId === undefined || r.personId === where.personId),
  );
}

/** The newest audit entry about Nell Newbie's account is `action`, by the administrator, for `cause`. */
async function expectNewbieAudit(action: string, cause: string) {
  const audit = await auditFor(database.db, "user", newbie.user.id);
  expect(audit[0]).toMatchObject({ action, actorUserId: admin.user.id, cause });
}

async function liaisonProblem() {
  const res = await api(admin.token, "/api/board");
  expect(res.status).toBe(200);
  const board = (await res.json()) as {
    liaisonProblems: Array<{ group: { slug: string }; kind: string; boardTermEndsOn: string | null }>;
  };
  return board.liaisonProblems.find((p) => p.group.slug === "website");
}

beforeAll(async () => {
  database = await createTestDatabase();
  const built = await createTestApplication(database);
  app = built.app;
  clock = built.clock;
  const db = database.db;
  const group = await insertGroup(db, {
    slug: "website",
    chairs: ["Wren Chair"],
    boardLiaisons: ["Lee Liaison"],
    members: ["Mo Member"],
  });
  liaisonId = group.people.get("Lee Liaison") ?? 0;
  admin = await createTestAccount({ db, clock, email: "admin@example.org", name: "Ada Admin", admin: true });
  member = await createTestAccount({ db, clock, email: "member@example.org", name: "Mo Member" });
  newbie = await createTestAccount({ db, clock, email: "newbie@example.org", name: "Nell Newbie" });
});

afterAll(async () => {
  await database?.close();
});

describe("/admin/roles", () => {
  it("grants a role from the form: listed, with a status message, and written to the audit log", async () => {
    const b = adminBrowser();
    const page = await b.page("/admin/roles");
    expect(page.res.status).toBe(200);
    expect(page.html).toContain("Grant a role");
    expect(page.html).toContain("Site administrator");
    const res = await b.submit(
      "/admin/roles",
      {
        who: "Newbie@Example.org",
        role: "dsf-member",
        startedOn: "2026-01-01",
        endedOn: "",
        termEndsOn: "",
        reason: "joined the DSF",
        decisionRef: "membership form 42",
      },
      { csrf: TestBrowser.csrfIn(page.html) },
    );
    expect(res.status).toBe(303);
    const [row] = await rolesOf({ userId: newbie.user.id });
    expect(row).toMatchObject({
      role: "dsf-member",
      startedOn: "2026-01-01",
      endedOn: null,
      reason: "joined the DSF",
      decisionRef: "membership form 42",
      personId: null,
    });
    expect(res.headers.get("location")).toBe(`/admin/roles?granted=${row?.id}`);
    const after = await b.page(res.headers.get("location") ?? "");
    expect(after.html).toContain("Granted: DSF Individual Member to Nell Newbie from 2026-01-01.");
    expect(after.html).toContain("Nell Newbie &lt;newbie@example.org&gt;");
    expect(after.html).toContain("membership form 42");
    await expectNewbieAudit("foundation-role.grant", "membership form 42");
  });

  it("makes a charter person a Board member, whose Board term the Board overview then uses", async () => {
    expect(await liaisonProblem()).toMatchObject({ kind: "off-board" });
    const b = adminBrowser();
    const res = await b.submit(
      "/admin/roles",
      {
        who: "lee-liaison",
        role: "board-member",
        startedOn: "2026-01-01",
        termEndsOn: "2026-12-15",
        reason: "elected",
        decisionRef: "2025 Board election",
      },
      { csrf: await b.csrf("/admin/roles") },
    );
    expect(res.status).toBe(303);
    const [row] = await rolesOf({ personId: liaisonId });
    expect(row).toMatchObject({ role: "board-member", termEndsOn: "2026-12-15", userId: null });
    // The liaison is on the Board now, with a term ending within the warning window.
    expect(await liaisonProblem()).toMatchObject({ kind: "ending-soon", boardTermEndsOn: "2026-12-15" });
    const board = await b.page("/board");
    expect(board.res.status).toBe(200);
    expect(board.html).toContain("Board term ends on 15 December 2026");
    const listed = await b.page("/admin/roles?role=board-member&current=1");
    expect(listed.html).toContain('<a href="/people/lee-liaison">Lee Liaison</a>');
    expect(listed.html).toContain("2026-12-15");
    expect(listed.html).not.toContain("Nell Newbie");
    expect(listed.html).toContain('<option value="board-member" selected="">');
    expect((await auditFor(database.db, "person", liaisonId))[0]?.action).toBe("foundation-role.grant");
  });

  it("ends a role from the row's form; past roles come after current ones and drop out of 'current only'", async () => {
    const b = adminBrowser();
    const [row] = await rolesOf({ userId: newbie.user.id });
    const res = await b.submit(
      `/admin/roles/${row?.id}/end`,
      { endedOn: "2026-11-21", reason: "resigned" },
      { csrf: await b.csrf("/admin/roles") },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/roles?ended=${row?.id}`);
    const [ended] = await rolesOf({ userId: newbie.user.id });
    expect(ended?.endedOn).toBe("2026-11-21");
    const page = await b.page(res.headers.get("location") ?? "");
    expect(page.html).toContain("Ended: DSF Individual Member of Nell Newbie on 2026-11-21.");
    expect(page.html.indexOf("Lee Liaison")).toBeLessThan(page.html.indexOf("Nell Newbie &lt;"));
    expect(page.html).not.toContain(`action="/admin/roles/${row?.id}/end"`);
    expect((await b.page("/admin/roles?current=1")).html).not.toContain("Nell Newbie");
    await expectNewbieAudit("foundation-role.end", "resigned");
  });

  it("re-shows the form with what was typed and names the bad field", async () => {
    const b = adminBrowser();
    const csrf = await b.csrf("/admin/roles");
    const before = (await database.db.select().from(schema.foundationRoles)).length;
    const endBeforeStart = await b.submit(
      "/admin/roles",
      {
        who: "member@example.org",
        role: "fellow",
        startedOn: "2026-06-01",
        endedOn: "2026-05-01",
        reason: "typed reason",
        decisionRef: "typed decision",
      },
      { csrf },
    );
    expect(endBeforeStart.status).toBe(422);
    const html = await endBeforeStart.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain(
      '<a href="#f-admin-roles-endedOn">End date (first day no longer held; optional): must be after the start date</a>',
    );
    expect(html).toMatch(/id="f-admin-roles-endedOn"[^>]*aria-invalid="true"/);
    for (const kept of [
      'value="member@example.org"',
      'value="2026-06-01"',
      'value="2026-05-01"',
      'value="typed reason"',
      'value="typed decision"',
    ]) {
      expect(html).toContain(kept);
    }
    expect(html).toContain('<option value="fellow" selected="">');

    const unknown = await b.submit(
      "/admin/roles",
      { who: "nobody@example.org", role: "fellow", startedOn: "2026-02-30", reason: "kept" },
      { csrf },
    );
    expect(unknown.status).toBe(422);
    const unknownHtml = await unknown.text();
    expect(unknownHtml).toMatch(/Who: [^<]*: no account has the email nobody@example.org<\/a>/);
    expect(unknownHtml).toMatch(/Start date \(first day held\): is not a real date[^<]*<\/a>/);
    expect(unknownHtml).toContain('value="nobody@example.org"');
    expect(unknownHtml).toContain('value="2026-02-30"');

    const [board] = await rolesOf({ personId: liaisonId });
    const badEnd = await b.submit(
      `/admin/roles/${board?.id}/end`,
      { endedOn: "2025-12-01", reason: "term over" },
      { csrf },
    );
    expect(badEnd.status).toBe(422);
    const badEndHtml = await badEnd.text();
    expect(badEndHtml).toContain(
      `<a href="#f-admin-roles-${board?.id}-end-endedOn">End on: must be after 2026-01-01</a>`,
    );
    expect(badEndHtml).toContain('value="term over"');
    expect(badEndHtml).toContain('value="2025-12-01"');
    expect((await database.db.select().from(schema.foundationRoles)).length).toBe(before);
    expect((await rolesOf({ personId: liaisonId }))[0]?.endedOn).toBeNull();
  });

  it("refuses non-admins (403), sends anonymous visitors to sign in, and refuses a form without its CSRF token", async () => {
    const anonymous = new TestBrowser((path, init) => app.request(path, init));
    const page = await anonymous.request("/admin/roles");
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/sign-in?next=%2Fadmin%2Froles");
    const nonAdmin = signedInBrowser(app, member.sessionId);
    expect((await nonAdmin.request("/admin/roles")).status).toBe(403);
    const csrf = await nonAdmin.csrf("/account");
    const refused = await nonAdmin.submit(
      "/admin/roles",
      { who: "member@example.org", role: "site-admin", startedOn: "2026-01-01" },
      { csrf },
    );
    expect(refused.status).toBe(403);
    expect(await rolesOf({ userId: member.user.id })).toEqual([]);

    const b = adminBrowser();
    const noCsrf = await b.submit(
      "/admin/roles",
      { who: "member@example.org", role: "fellow", startedOn: "2026-01-01" },
      { csrf: false },
    );
    expect(noCsrf.status).toBe(403);
    const [board] = await rolesOf({ personId: liaisonId });
    const endNoCsrf = await b.submit(
      `/admin/roles/${board?.id}/end`,
      { endedOn: "2026-11-21" },
      { csrf: false },
    );
    expect(endNoCsrf.status).toBe(403);
    expect(await rolesOf({ userId: member.user.id })).toEqual([]);
    expect((await rolesOf({ personId: liaisonId }))[0]?.endedOn).toBeNull();
  });
});

describe("/account", () => {
  it("links site administrators to the administration pages, and no one else", async () => {
    const adminPage = await adminBrowser().page("/account");
    expect(adminPage.html).toContain('id="administration"');
    expect(adminPage.html).toContain('href="/admin/roles"');
    expect(adminPage.html).toContain('href="/admin/claims"');
    const other = signedInBrowser(app, member.sessionId);
    const memberPage = await other.page("/account");
    expect(memberPage.res.status).toBe(200);
    expect(memberPage.html).not.toContain('id="administration"');
    expect(memberPage.html).not.toContain('href="/admin/roles"');
  });
});

describe("/api/admin/foundation-roles", () => {
  it("grants, lists and ends with an administrator's token", async () => {
    const granted = await api(admin.token, "/api/admin/foundation-roles", {
      method: "POST",
      json: {
        who: String(liaisonId),
        role: "steering-council-member",
        startedOn: "2026-01-01",
        termEndsOn: "2027-01-01",
        reason: "elected",
        decisionRef: "SC election 2026",
      },
    });
    expect(granted.status).toBe(201);
    const row = (await granted.json()) as RoleJson;
    expect(row).toMatchObject({
      role: "steering-council-member",
      startedOn: "2026-01-01",
      endedOn: null,
      termEndsOn: "2027-01-01",
      current: true,
      user: null,
      person: { id: liaisonId, name: "Lee Liaison", slug: "lee-liaison" },
    });

    const list = await api(
      admin.token,
      "/api/admin/foundation-roles?role=steering-council-member&current=true",
    );
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { on: string; foundationRoles: RoleJson[] };
    expect(listed.on).toBe("2026-11-21");
    expect(listed.foundationRoles.map((r) => r.id)).toEqual([row.id]);
    const all = (await (await api(admin.token, "/api/admin/foundation-roles")).json()) as {
      foundationRoles: RoleJson[];
    };
    const currentFlags = all.foundationRoles.map((r) => r.current);
    expect(currentFlags).toEqual([...currentFlags].sort((a, b) => Number(b) - Number(a)));
    expect(all.foundationRoles.some((r) => r.user?.email === "newbie@example.org" && !r.current)).toBe(true);

    const ended = await api(admin.token, `/api/admin/foundation-roles/${row.id}/end`, {
      method: "POST",
      json: { endedOn: "2026-11-21", reason: "stepped down" },
    });
    expect(ended.status).toBe(200);
    expect((await ended.json()) as RoleJson).toMatchObject({
      id: row.id,
      endedOn: "2026-11-21",
      current: false,
    });
    const now = (await (
      await api(admin.token, "/api/admin/foundation-roles?role=steering-council-member&current=1")
    ).json()) as { foundationRoles: RoleJson[] };
    expect(now.foundationRoles).toEqual([]);
    const audit = await auditFor(database.db, "person", liaisonId);
    expect(audit.slice(0, 2).map((a) => a.action)).toEqual(["foundation-role.end", "foundation-role.grant"]);
  });

  it("answers with the standard error shape: 422 naming the field, 404 for an unknown role", async () => {
    const bad = await api(admin.token, "/api/admin/foundation-roles", {
      method: "POST",
      json: { who: "nobody@example.org", role: "emperor", startedOn: "2026-01-01" },
    });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; issues: Array<{ field: string }> } };
    expect(body.error.code).toBe("validation");
    expect(body.error.issues.map((i) => i.field)).toEqual(["who", "role"]);
    const badFilter = await api(admin.token, "/api/admin/foundation-roles?role=emperor");
    expect(badFilter.status).toBe(422);
    const missing = await api(admin.token, "/api/admin/foundation-roles/999999/end", {
      method: "POST",
      json: { endedOn: "2026-11-21" },
    });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("refuses non-admins, tokens without the admin scope and anonymous callers", async () => {
    expect((await api(member.token, "/api/admin/foundation-roles")).status).toBe(403);
    const grant = { who: "member@example.org", role: "site-admin", startedOn: "2026-01-01" };
    expect(
      (await api(member.token, "/api/admin/foundation-roles", { method: "POST", json: grant })).status,
    ).toBe(403);
    expect((await api(null, "/api/admin/foundation-roles")).status).toBe(401);
    const readOnly = await createTestAccount({
      db: database.db,
      clock,
      email: "readonly-admin@example.org",
      admin: true,
      scopes: ["read"],
    });
    expect((await api(readOnly.token, "/api/admin/foundation-roles")).status).toBe(403);
    expect(
      (await api(readOnly.token, "/api/admin/foundation-roles", { method: "POST", json: grant })).status,
    ).toBe(403);
    expect(await rolesOf({ userId: member.user.id })).toEqual([]);
  });
});
