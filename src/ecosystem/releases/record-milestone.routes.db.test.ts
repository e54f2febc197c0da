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

function del(token: string, series: string, kind: string, json?: unknown) {
  return app.request(`/api/releases/milestones/${series}/${kind}`, {
    method: "DELETE",
    headers: {
      authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
}

async function rows() {
  return database.db.select().from(schema.releaseMilestones);
}

describe("milestone order", () => {
  it("refuses a date out of milestone order with a field error naming the clashing milestone", async () => {
    const before = await rows();
    // 6.2's beta is projected for 2027-02-24; a release candidate before it is out of order.
    const res = await post(adminToken, { series: "6.2", milestone: "rc", date: "2027-02-01" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as {
      error: { message: string; issues: Array<{ field: string; message: string }> };
    };
    expect(body.error.issues).toEqual([
      {
        field: "date",
        message: expect.stringContaining("on or after the beta of Django 6.2 (2027-02-24, projected)"),
      },
    ]);
    // Support cannot end before the release.
    const end = await post(adminToken, { series: "6.2", milestone: "end-mainstream", date: "2027-01-01" });
    expect(end.status).toBe(422);
    expect(await rows()).toHaveLength(before.length);
  });

  it("checks against recorded dates: a beta before a recorded alpha is refused", async () => {
    expect((await post(adminToken, { series: "2028", milestone: "alpha", date: "2027-10-20" })).status).toBe(
      201,
    );
    const res = await post(adminToken, { series: "2028", milestone: "beta", date: "2027-10-19" });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain("the alpha of Django 2028 (2027-10-20, recorded)");
  });

  it("re-shows the page form with the order error beside the date and the typed values", async () => {
    const browser = new TestBrowser((path, init) => app.request(path, init));
    browser.cookies.set("guildhall_session", adminSession);
    const csrf = TestBrowser.csrfIn((await browser.page("/releases")).html);
    const bad = await browser.submit(
      "/releases/milestones",
      { series: "6.2", milestone: "final", date: "2027-01-01", note: "typed note" },
      { csrf },
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('id="f-releases-milestones-date-error"');
    expect(html).toMatch(
      /id="f-releases-milestones-date-error" class="field-error">must be on or after the release candidate/,
    );
    expect(html).toContain('value="typed note"');
    expect(html).toContain('value="2027-01-01"');
  });
});

describe("removing a recorded date", () => {
  it("removes through the API, falls back to the projection, and keeps both rows as history", async () => {
    expect((await post(adminToken, { series: "2029", milestone: "final", date: "2029-01-17" })).status).toBe(
      201,
    );
    expect(await milestone("2029", "final")).toMatchObject({ date: "2029-01-17", status: "announced" });
    const res = await del(adminToken, "2029", "final", { note: "typo" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      removed: { action: string; recordedBy: string; note: string };
      series: { milestones: Record<string, { date: string; status: string }> };
      links: { calendar: string };
    };
    expect(body.removed).toMatchObject({ action: "remove", note: "typo" });
    expect(body.series.milestones.final).toMatchObject({ date: "2029-01-10", status: "projected" });
    expect(body.links.calendar).toBe("/releases#series-2029");
    expect(await milestone("2029", "final")).toMatchObject({ date: "2029-01-10", status: "projected" });
    const history = (await rows()).filter((r) => r.series === "2029" && r.milestone === "final");
    expect(history.map((r) => [r.action, r.date, r.note])).toEqual([
      ["record", "2029-01-17", null],
      ["remove", null, "typo"],
    ]);
  });

  it("refuses to remove what is not recorded, anyone but a site admin, and changes nothing", async () => {
    const before = await rows();
    const none = await del(adminToken, "6.0", "alpha");
    expect(none.status).toBe(422);
    expect(
      ((await none.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]?.field,
    ).toBe("milestone");
    expect((await del(adminToken, "9.9", "alpha")).status).toBe(422);
    // A milestone that does not exist is not a resource: the path does not match (404).
    expect((await del(adminToken, "6.2", "gamma")).status).toBe(404);
    expect((await post(adminToken, { series: "2030", milestone: "rc", date: "2029-12-12" })).status).toBe(
      201,
    );
    expect((await del(memberToken, "2030", "rc")).status).toBe(403);
    expect(await rows()).toHaveLength(before.length + 1);
  });

  it("refuses a removal that would bring back a date out of order", async () => {
    // Record an early alpha and a beta before the projected alpha; removing the alpha would put
    // the projected alpha (2030-10-09) after the recorded beta.
    expect((await post(adminToken, { series: "2031", milestone: "alpha", date: "2030-09-25" })).status).toBe(
      201,
    );
    expect((await post(adminToken, { series: "2031", milestone: "beta", date: "2030-10-01" })).status).toBe(
      201,
    );
    const res = await del(adminToken, "2031", "alpha");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("out of order with the beta (2030-10-01, recorded)");
    expect(await milestone("2031", "alpha")).toMatchObject({ date: "2030-09-25" });
  });

  it("lists recorded dates on /releases with a remove button; removing shows where the user lands", async () => {
    const browser = new TestBrowser((path, init) => app.request(path, init));
    browser.cookies.set("guildhall_session", adminSession);
    const page = await browser.page("/releases");
    expect(page.html).toContain('action="/releases/milestones/2030/rc/remove"');
    const csrf = TestBrowser.csrfIn(page.html);
    const res = await browser.submit(
      "/releases/milestones/2030/rc/remove",
      { note: "wrong series" },
      { csrf },
    );
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toBe("/releases?removed=2030&milestone=rc#series-2030");
    const landed = (await browser.page(location)).html;
    expect(landed).toMatch(
      /role="status">Removed the recorded date: the release candidate of Django 2030 is now 2029-12-12 \(projected\)/,
    );
    expect(landed).toContain('<a href="#series-2030">See Django 2030 in the calendar</a>');
    expect(landed).toContain('<tr id="series-2030">');
    // Removing it again is refused on the page, not with a bare error page.
    const again = await browser.submit("/releases/milestones/2030/rc/remove", { note: "" }, { csrf });
    expect(again.status).toBe(422);
    const refusedPage = await again.text();
    expect(refusedPage).toContain("no recorded date for the release candidate of Django 2030");
    expect(refusedPage).toContain('<tr id="series-2030">');
  });

  it("confirms a record with the calendar's state, not text from the address", async () => {
    const browser = new TestBrowser((path, init) => app.request(path, init));
    browser.cookies.set("guildhall_session", adminSession);
    const csrf = TestBrowser.csrfIn((await browser.page("/releases")).html);
    const res = await browser.submit(
      "/releases/milestones",
      { series: "6.2", milestone: "final", date: "2027-04-14", note: "https://example.org/62" },
      { csrf },
    );
    expect(res.headers.get("location")).toBe("/releases?recorded=6.2&milestone=final#series-6.2");
    const landed = (await browser.page(res.headers.get("location") ?? "")).html;
    expect(landed).toContain("Recorded: the final release of Django 6.2 is now 2027-04-14 (recorded).");
    const forged = (await browser.page("/releases?recorded=<b>9.9</b>&milestone=alpha")).html;
    expect(forged).not.toContain("Recorded:");
  });

  it("keeps the history append-only: the database refuses to rewrite or delete it", async () => {
    await expect(database.db.delete(schema.releaseMilestones)).rejects.toThrow();
    await expect(database.db.update(schema.releaseMilestones).set({ note: "rewritten" })).rejects.toThrow();
  });
});

describe("bad input and records at the same time", () => {
  it("refuses a note with a NUL byte or too long, naming the note, and stores nothing", async () => {
    const before = await rows();
    const nul = await post(adminToken, {
      series: "2030",
      milestone: "final",
      date: "2030-01-09",
      note: "a\u0000b",
    });
    expect(nul.status).toBe(422);
    expect(
      ((await nul.json()) as { error: { issues: Array<{ field: string }> } }).error.issues[0]?.field,
    ).toBe("note");
    const long = await post(adminToken, {
      series: "2030",
      milestone: "final",
      date: "2030-01-09",
      note: "x".repeat(501),
    });
    expect(long.status).toBe(422);
    expect((await del(adminToken, "2031", "beta", { note: "\u0000" })).status).toBe(422);
    expect(await rows()).toHaveLength(before.length);
  });

  it("two records that are each in order but not together: one is stored, the other refused", async () => {
    // 2029's alpha is projected for 2028-10-11 and its beta for 2028-11-08. Each of these passes
    // against the projection; together the beta would come before the alpha.
    const [a, b] = await Promise.all([
      post(adminToken, { series: "2029", milestone: "alpha", date: "2028-11-01" }),
      post(adminToken, { series: "2029", milestone: "beta", date: "2028-10-20" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    const alpha = await milestone("2029", "alpha");
    const beta = await milestone("2029", "beta");
    expect((alpha?.date ?? "") <= (beta?.date ?? "")).toBe(true);
  });
});
