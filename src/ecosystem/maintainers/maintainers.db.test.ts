/**
 * Calls for maintainers over HTTP against a catalogue synced from the local PyPI index: who may make
 * a call (a package's maintainers, the Package Maintainers group), every state of calls and offers,
 * the badge, filter, API, CSV and Atom feed (read back with Python's feedparser), and a volunteer
 * shown as co-maintainer once PyPI lists them as an owner after a second sync.
 */
import { execFileSync } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../../test/factories/accounts.ts";
import * as eco from "../../../test/factories/ecosystem.ts";
import { type CatalogueTest, openCatalogueTest } from "../../../test/synced-catalogue.ts";
import { schema } from "../../platform/db/index.ts";

let world: CatalogueTest;
let volunteer: TestAccount;
/** Another synced package, whose call the group makes. */
let other = "";

const SCOPES = eco.ECOSYSTEM_SCOPES;
const { post, get } = eco.requestsTo({ request: (path, init) => world.app.request(path, init) });

const CALL = {
  help: "Review pull requests and cut releases",
  skills: "Django, packaging",
  hoursPerWeek: "3",
};

beforeAll(async () => {
  world = await openCatalogueTest({ limit: 40 });
  // Any other synced package will do here: the group's right to make its call does not depend on its owner.
  other = world.rows.find((r) => r.name !== world.pkg)?.name ?? "";
  volunteer = await createTestAccount({
    db: world.database.db,
    clock: world.clock,
    email: "volunteer@example.org",
    name: "Val Unteer",
    scopes: SCOPES,
  });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const callsOf = (name: string) =>
  world.database.db.select().from(schema.maintainerCalls).where(eq(schema.maintainerCalls.packageName, name));

describe("calls for maintainers", () => {
  it("found a personally owned package to test with", () => {
    expect(world.pkg).not.toBe("");
    expect(other).not.toBe("");
  });

  it("only the package's maintainers and the Package Maintainers group make a call", async () => {
    expect([401, 403]).toContain((await post(null, `/packages/${world.pkg}/maintainer-calls`, CALL)).status);
    expect((await post(world.stranger, `/packages/${world.pkg}/maintainer-calls`, CALL)).status).toBe(403);
    expect((await post(volunteer, `/packages/${world.pkg}/maintainer-calls`, CALL)).status).toBe(403);
    expect(await callsOf(world.pkg)).toEqual([]);
    const made = await post(world.maintainer, `/packages/${world.pkg}/maintainer-calls`, CALL);
    expect(made.status).toBe(303);
    expect(made.headers.get("location")).toBe(`/packages/${world.pkg}/maintainers`);
    const [call] = await callsOf(world.pkg);
    expect(call).toMatchObject({ state: "open", hoursPerWeek: 3, createdAs: "maintainer", closedAt: null });
    // The maintainer's repository is not the other package's: only the group may call there.
    expect((await post(world.maintainer, `/packages/${other}/maintainer-calls`, CALL)).status).toBe(403);
    expect((await post(world.groupMember, `/packages/${other}/maintainer-calls`, CALL)).status).toBe(303);
    expect((await callsOf(other))[0]?.createdAs).toBe("Package Maintainers group");
  });

  it("refuses a second open call and bad fields, re-showing the form", async () => {
    const again = await post(world.maintainer, `/packages/${world.pkg}/maintainer-calls`, CALL);
    expect(again.status).toBe(409);
    const bad = await post(world.groupMember, `/packages/${world.pkg}/maintainer-calls`, {
      ...CALL,
      hoursPerWeek: "0",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("whole number of hours from 1 to 80");
  });

  it("shows the badge, the filter, the API, the CSV and the feed", async () => {
    const page = await (await get(`/packages/${world.pkg}`)).text();
    expect(page).toContain("Maintainers wanted");
    const plain = await (
      await get(`/packages/${world.pypi.names.find((n) => n !== world.pkg && n !== other)}`)
    ).text();
    expect(plain).not.toContain('class="flag warn" href');
    const list = (await (await get("/api/packages?wanted=1&per_page=500")).json()) as {
      total: number;
      items: Array<{ name: string; maintainersWanted: boolean }>;
    };
    expect(list.items.map((i) => i.name).sort()).toEqual([world.pkg, other].sort());
    expect(list.items.every((i) => i.maintainersWanted)).toBe(true);
    const all = (await (await get("/api/packages?per_page=500&sort=name")).json()) as {
      items: Array<{ name: string; maintainersWanted: boolean }>;
    };
    expect(all.items.filter((i) => i.maintainersWanted).length).toBe(2);
    expect(all.items.some((i) => !i.maintainersWanted)).toBe(true);
    const html = await (await get("/packages?wanted=1")).text();
    expect(html).toContain(`/packages/${world.pkg}`);
    const csv = await (await get("/packages.csv?wanted=1")).text();
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header?.split(",")).toContain("maintainersWanted");
    expect(lines.length).toBe(2);
    const api = (await (await get("/api/maintainers-wanted")).json()) as {
      items: Array<{ package: string; hoursPerWeek: number }>;
    };
    expect(api.items.map((i) => i.package).sort()).toEqual([world.pkg, other].sort());
    expect(api.items.find((i) => i.package === world.pkg)?.hoursPerWeek).toBe(3);
  });

  it("writes an Atom feed feedparser reads", async () => {
    const res = await get("/maintainers-wanted.atom");
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = await res.text();
    const script = [
      "import json, sys, feedparser",
      "d = feedparser.parse(sys.stdin.read())",
      "print(json.dumps({'bozo': d.bozo, 'version': d.version, 'title': d.feed.get('title'),",
      " 'entries': [{'title': e.title, 'link': e.link, 'id': e.id, 'updated': e.get('updated')} for e in d.entries]}))",
    ].join("\n");
    const out = JSON.parse(
      execFileSync("/usr/bin/python3", ["-c", script], { input: xml, encoding: "utf8" }),
    ) as {
      bozo: boolean;
      version: string;
      title: string;
      entries: Array<{ title: string; link: string; id: string; updated: string | null }>;
    };
    expect(out.bozo).toBe(false);
    expect(out.version).toBe("atom10");
    expect(out.entries).toHaveLength(2);
    const mine = out.entries.find((e) => e.link.endsWith(`/packages/${world.pkg}/maintainers`));
    expect(mine?.link.startsWith("http://guildhall.test/")).toBe(true);
    expect(mine?.title).toContain("maintainers wanted");
    expect(mine?.updated).toBeTruthy();
  });

  it("takes offers, lets the call's owner accept one, and shows the co-maintainer once PyPI lists them after a sync", async () => {
    const [call] = await callsOf(world.pkg);
    if (!call) throw new Error("no call");
    expect([401, 403]).toContain(
      (await post(null, `/maintainer-calls/${call.id}/offers`, { pypiUser: "val-unteer" })).status,
    );
    const bad = await post(volunteer, `/maintainer-calls/${call.id}/offers`, { pypiUser: "not a name" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('value="not a name"');
    expect(
      (
        await post(volunteer, `/maintainer-calls/${call.id}/offers`, {
          pypiUser: "val-unteer",
          message: "I use it daily",
        })
      ).status,
    ).toBe(303);
    expect(
      (await post(volunteer, `/maintainer-calls/${call.id}/offers`, { pypiUser: "val-unteer" })).status,
    ).toBe(409);
    const [offer] = await world.database.db
      .select()
      .from(schema.maintainerOffers)
      .where(eq(schema.maintainerOffers.callId, call.id));
    if (!offer) throw new Error("no offer");
    expect(offer.state).toBe("offered");
    // The volunteer cannot accept their own offer, nor can a stranger.
    expect((await post(volunteer, `/maintainer-offers/${offer.id}/accept`)).status).toBe(403);
    expect((await post(world.stranger, `/maintainer-offers/${offer.id}/accept`)).status).toBe(403);
    expect((await post(world.maintainer, `/maintainer-offers/${offer.id}/accept`)).status).toBe(303);
    expect((await post(world.maintainer, `/maintainer-offers/${offer.id}/accept`)).status).toBe(409);
    let page = await (await get(`/packages/${world.pkg}`)).text();
    expect(page).toContain("waiting for PyPI to list them as an owner");
    expect(page).not.toContain("New co-maintainers");
    // Accepted but not yet an owner on PyPI: not a maintainer yet.
    expect(
      (await post(volunteer, `/releases/6.2/tracker/${world.pkg}`, { status: "not-started" })).status,
    ).toBe(403);
    world.pypi.addOwner(world.pkg, "val-unteer");
    await world.sync();
    page = await (await get(`/packages/${world.pkg}`)).text();
    expect(page).toContain("New co-maintainers");
    expect(page).toContain("Val Unteer");
    expect(page).toContain("val-unteer");
    // Now PyPI lists them, they are one of the package's maintainers.
    expect(
      (await post(volunteer, `/releases/6.2/tracker/${world.pkg}`, { status: "not-started" })).status,
    ).toBe(303);
  }, 120_000);

  it("fills and withdraws calls; a closed call takes no offer and cannot close again", async () => {
    const [call] = await callsOf(world.pkg);
    const [theirs] = await callsOf(other);
    if (!call || !theirs) throw new Error("no calls");
    expect((await post(world.stranger, `/maintainer-calls/${call.id}/filled`)).status).toBe(403);
    expect((await post(world.maintainer, `/maintainer-calls/${call.id}/filled`)).status).toBe(303);
    expect((await post(world.maintainer, `/maintainer-calls/${call.id}/withdrawn`)).status).toBe(409);
    expect((await post(world.groupMember, `/maintainer-calls/${theirs.id}/withdrawn`)).status).toBe(303);
    const states = Object.fromEntries(
      (await world.database.db.select().from(schema.maintainerCalls)).map((c) => [c.packageName, c.state]),
    );
    expect(states).toEqual({ [world.pkg]: "filled", [other]: "withdrawn" });
    expect(
      (await post(world.stranger, `/maintainer-calls/${call.id}/offers`, { pypiUser: "late" })).status,
    ).toBe(409);
    const api = (await (await get("/api/maintainers-wanted")).json()) as { items: unknown[] };
    expect(api.items).toEqual([]);
    expect(await (await get(`/packages/${world.pkg}`)).text()).not.toContain('class="flag warn" href');
    // A new call may be made once the last one is closed.
    expect((await post(world.maintainer, `/packages/${world.pkg}/maintainer-calls`, CALL)).status).toBe(303);
    const audit = await world.database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.subjectType, "maintainer-call"),
          eq(schema.auditLog.subjectId, String(call.id)),
        ),
      );
    expect(audit.map((a) => a.action)).toEqual([
      "maintainers.call",
      "maintainers.offer",
      "maintainers.accept",
      "maintainers.call-filled",
    ]);
  });

  it("lists possibly dormant packages with the reason and the data's date", async () => {
    const html = await (await get("/maintainers-wanted/dormant?limit=50")).text();
    expect(html).toContain("Possibly dormant packages");
    expect(html).toMatch(/no release for 12 months|no release within 6 months of Django/);
    expect(html).toContain("snapshot of 2026-11");
    expect((await get("/maintainers-wanted/dormant?limit=0")).status).toBe(422);
  });
});
