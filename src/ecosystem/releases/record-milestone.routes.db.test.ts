import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { TestBrowser } from "../../../test/browser.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createTestAccount } from "../../../test/factories/accounts.ts";
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { schema } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";

let database: Database;
let app: Hono<AppEnv>;
let clock: FixedClock;
let adminToken: string;
let memberToken: string;
let adminSession: string;

async function account(email: string, admin: boolean): Promise<{ token: string; session: string }> {
  const { token, sessionId } = await createTestAccount({ db: database.db, clock, email, admin });
  return { token, session: sessionId };
}

function post(token: string, json: unknown) {
  return app.request("/api/releases/milestones", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(json),
  });
}

async function milestone(series: string, kind: string) {
  const res = await app.request("/api/releases");
  const body = (await res.json()) as {
    series: Array<{ series: string; milestones: Record<string, { date: string; status: string }> }>;
  };
  return body.series.find((s) => s.series === series)?.milestones[kind];
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, clock } = await createTestApplication(database));
  ({ token: adminToken, session: adminSession } = await account("admin@example.org", true));
  ({ token: memberToken } = await account("member@example.org", false));
});
afterAll(async () => {
  await database?.close();
});

describe("recording announced release dates", () => {
  it("lets a site admin record a date through the API, which then counts as announced", async () => {
    expect((await milestone("6.2", "alpha"))?.status).toBe("projected");
    const res = await post(adminToken, {
      series: "6.2",
      milestone: "alpha",
      date: "2027-01-18",
      note: "blog",
    });
    expect(res.status).toBe(201);
    expect(await milestone("6.2", "alpha")).toMatchObject({ date: "2027-01-18", status: "announced" });
  });

  it("refuses anyone else and anonymous visitors, and stores nothing", async () => {
    const before = await database.db.select().from(schema.releaseMilestones);
    expect((await post(memberToken, { series: "6.2", milestone: "beta", date: "2027-02-20" })).status).toBe(
      403,
    );
    const anonymous = await app.request("/api/releases/milestones", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ series: "6.2", milestone: "beta", date: "2027-02-20" }),
    });
    // Refused before it reaches the policy (no CSRF token, no Bearer token) or by it (sign in).
    expect([401, 403]).toContain(anonymous.status);
    expect(await database.db.select().from(schema.releaseMilestones)).toHaveLength(before.length);
  });

  it("names the bad field and stores nothing", async () => {
    const before = await database.db.select().from(schema.releaseMilestones);
    const res = await post(adminToken, { series: "6.2", milestone: "beta", date: "2027-02-30" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { message: string; issues: Array<{ field: string }> } };
    expect(body.error.issues[0]?.field).toBe("date");
    expect((await post(adminToken, { series: "9.9", milestone: "beta", date: "2027-02-20" })).status).toBe(
      422,
    );
    expect(await database.db.select().from(schema.releaseMilestones)).toHaveLength(before.length);
  });

  it("shows admins a form on /releases that keeps what was typed when a field is wrong", async () => {
    const anonymousPage = await (await app.request("/releases")).text();
    expect(anonymousPage).not.toContain("Record an announced date");
    const browser = new TestBrowser((path, init) => app.request(path, init));
    browser.cookies.set("guildhall_session", adminSession);
    const page = await browser.page("/releases");
    expect(page.html).toContain("Record an announced date");
    const csrf = TestBrowser.csrfIn(page.html);
    const bad = await browser.submit(
      "/releases/milestones",
      { series: "6.2", milestone: "rc", date: "not-a-date", note: "release blog post" },
      { csrf },
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain(
      '<a href="#f-releases-milestones-date">Date (YYYY-MM-DD): must be a date written YYYY-MM-DD</a>',
    );
    expect(html).toMatch(/id="f-releases-milestones-date"[^>]*aria-invalid="true"/);
    expect(html).toContain('<option value="rc" selected="">');
    expect(html).toContain('value="release blog post"');
    const good = await browser.submit(
      "/releases/milestones",
      { series: "6.2", milestone: "rc", date: "2027-03-24" },
      { csrf },
    );
    expect(good.status).toBe(303);
    expect(await milestone("6.2", "rc")).toMatchObject({ date: "2027-03-24", status: "announced" });
  });
});
