/**
 * Tracker subscriptions and milestone reminders, the series' discussion channel, and the JSON routes
 * and commands for calls and tracker entries, over a catalogue synced from the local PyPI index.
 * Reminders go through the kernel outbox exactly once per milestone and subscriber, on the
 * milestone's day (FixedClock), listing what each package misses by the tracker's evidence.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommands } from "../../../test/cli.ts";
import * as eco from "../../../test/factories/ecosystem.ts";
import { type CatalogueTest, openCatalogueTest } from "../../../test/synced-catalogue.ts";
import { renderNotification } from "../../kernel/index.ts";
import { schema } from "../../platform/db/index.ts";
import { registerEcosystemCommands } from "../ecosystem.cli.ts";
import { sendTrackerReminders } from "./send-tracker-reminders.ts";
import { setSubscription } from "./subscribe.ts";
import { trackerReminderTemplate } from "./tracker-reminder.template.ts";

let world: CatalogueTest;

const { post, api, get } = eco.requestsTo({ request: (path, init) => world.app.request(path, init) });
const cli = (...args: string[]) => runCommands(world.services, [registerEcosystemCommands], args);

beforeAll(async () => {
  world = await openCatalogueTest({ limit: 20 });
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe("JSON routes and commands for calls and tracker entries", () => {
  it("found packages to test with", () => {
    expect(world.pkg).not.toBe("");
    expect(world.other).not.toBe("");
  });

  it("POST /api/packages/:name/maintainer-calls: its maintainers or the group; a mentee's call links the programmes", async () => {
    const body = { help: "Triage issues", skills: "Django", hoursPerWeek: 2, suitsMentee: true };
    expect((await api(null, `/api/packages/${world.pkg}/maintainer-calls`, body)).status).toBe(403);
    expect((await api(world.stranger, `/api/packages/${world.pkg}/maintainer-calls`, body)).status).toBe(403);
    const bad = await api(world.maintainer, `/api/packages/${world.pkg}/maintainer-calls`, {
      ...body,
      hoursPerWeek: 0,
    });
    expect(bad.status).toBe(422);
    const made = await api(world.maintainer, `/api/packages/${world.pkg}/maintainer-calls`, body);
    expect(made.status).toBe(201);
    expect(await made.json()).toMatchObject({
      package: world.pkg,
      state: "open",
      suitsMentee: true,
      calledAs: "maintainer",
    });
    expect((await api(world.maintainer, `/api/packages/${world.pkg}/maintainer-calls`, body)).status).toBe(
      409,
    );
    const wanted = (await (await get("/api/maintainers-wanted")).json()) as {
      items: Array<{ package: string; mentoring: Array<{ name: string }> }>;
    };
    expect(wanted.items.find((i) => i.package === world.pkg)?.mentoring.map((m) => m.name)).toEqual([
      "Google Summer of Code (through the Django Software Foundation)",
      "Djangonaut Space",
    ]);
    expect(await (await get(`/packages/${world.pkg}/maintainers`)).text()).toContain("Djangonaut Space");
  });

  it("POST /api/releases/:series/tracker/:name sets an entry and answers it as the tracker shows it", async () => {
    const path = `/api/releases/6.2/tracker/${world.pkg}`;
    expect((await api(world.stranger, path, { status: "not-started" })).status).toBe(403);
    const noLink = await api(world.maintainer, path, { status: "in-progress" });
    expect(noLink.status).toBe(422);
    const res = await api(world.maintainer, path, { status: "blocked", reason: "waiting on a dependency" });
    expect(res.status).toBe(200);
    const entry = (await res.json()) as { status: string; decidedBy: string; reason: string | null };
    if (entry.decidedBy === "metadata") expect(entry.status).toBe("ready");
    else
      expect(entry).toMatchObject({ status: "blocked", decidedBy: "set", reason: "waiting on a dependency" });
    expect(
      (await api(world.maintainer, `/api/releases/4.2/tracker/${world.pkg}`, { status: "not-started" }))
        .status,
    ).toBe(404);
  });

  it("the commands make calls and set entries, with --json, and refuse bad input in one line", async () => {
    const call = await cli(
      "maintainers",
      "call",
      world.other,
      "--needed",
      "Releases",
      "--skills",
      "CI",
      "--hours",
      "3",
      "--json",
    );
    expect(call.error).toBeNull();
    expect(JSON.parse(call.out)).toMatchObject({
      package: world.other,
      state: "open",
      hoursPerWeek: 3,
      suitsMentee: false,
    });
    const [row] = await world.database.db
      .select()
      .from(schema.maintainerCalls)
      .where(eq(schema.maintainerCalls.packageName, world.other));
    expect(row?.createdAs).toBe("Package Maintainers group (command line)");
    const wanted = await cli("maintainers", "wanted", "--json");
    expect(
      wanted.out
        .split("\n")
        .map((l) => (JSON.parse(l) as { package: string }).package)
        .sort(),
    ).toEqual([world.pkg, world.other].sort());
    const badHours = await cli(
      "maintainers",
      "call",
      world.pkg,
      "--needed",
      "x",
      "--skills",
      "y",
      "--hours",
      "0",
    );
    expect(String(badHours.error)).toContain("hoursPerWeek");
    const set = await cli(
      "tracker",
      "set",
      "6.2",
      world.other,
      "in-progress",
      "--link",
      "https://github.com/x/y/pull/1",
      "--json",
    );
    expect(set.error).toBeNull();
    const entry = JSON.parse(set.out) as { status: string; url: string };
    expect(["in-progress", "ready"]).toContain(entry.status);
    expect(entry.url).toBe(`http://guildhall.test/releases/6.2/tracker/${world.other}`);
    const noLink = await cli("tracker", "set", "6.2", world.other, "in-progress");
    expect(String(noLink.error)).toContain("link");
    const badStatus = await cli("tracker", "set", "6.2", world.other, "ready");
    expect(String(badStatus.error)).toContain("status");
  });
});

describe("the discussion channel and subscriptions", () => {
  it("the Package Maintainers group sets each series' channel; the tracker says where it comes from", async () => {
    const before = await (await get("/releases/6.2/tracker?top=5")).text();
    expect(before).toContain("Not set: the discussion channel is a setting of each series");
    const url = "https://forum.djangoproject.com/t/django-6-2-compatibility";
    expect((await post(world.maintainer, "/releases/6.2/channel", { url })).status).toBe(403);
    expect((await post(world.groupMember, "/releases/6.2/channel", { url: "not a url" })).status).toBe(422);
    expect((await post(world.groupMember, "/releases/6.2/channel", { url })).status).toBe(303);
    const json = (await (await get("/api/releases/6.2/tracker?top=1")).json()) as {
      channel: { url: string; setBy: string; source: string };
    };
    expect(json.channel).toMatchObject({ url, setBy: "PM" });
    expect(json.channel.source).toContain("Package Maintainers group");
    expect(await (await get("/releases/6.2/tracker?top=5")).text()).toContain(url);
  });

  it("a package's maintainers and the group subscribe and unsubscribe; nobody else", async () => {
    expect([401, 403]).toContain((await post(null, `/packages/${world.pkg}/subscription`)).status);
    expect((await post(world.stranger, `/packages/${world.pkg}/subscription`)).status).toBe(403);
    expect((await post(world.maintainer, `/packages/${world.pkg}/subscription`)).status).toBe(303);
    expect((await post(world.maintainer, `/packages/${world.pkg}/subscription`)).status).toBe(409);
    const page = await (await get(`/releases/6.2/tracker/${world.pkg}`, world.maintainer)).text();
    expect(page).toContain("Unsubscribe from reminders");
    expect((await post(world.groupMember, `/packages/${world.pkg}/subscription`)).status).toBe(303);
    expect((await post(world.groupMember, `/packages/${world.other}/subscription`)).status).toBe(303);
    expect((await post(world.stranger, `/packages/${world.other}/subscription/delete`)).status).toBe(403);
    expect((await post(world.groupMember, `/packages/${world.other}/subscription/delete`)).status).toBe(303);
    expect((await post(world.groupMember, `/packages/${world.other}/subscription/delete`)).status).toBe(409);
    expect((await post(world.groupMember, `/packages/${world.other}/subscription`)).status).toBe(303);
  });
});

describe("milestone reminders", () => {
  const reminders = () =>
    world.database.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.kind, "tracker.reminder"));

  it("go out once per subscriber on the alpha's day, and not the day before, again, or the days after", async () => {
    await eco.announceMilestone({ db: world.database.db, clock: world.clock }, "6.2", "alpha", "2027-01-18");
    world.clock.set("2027-01-17T00:20:00Z");
    expect((await sendTrackerReminders({ db: world.database.db, clock: world.clock })).written).toBe(0);
    world.clock.set("2027-01-18T00:20:00Z");
    const sent = await sendTrackerReminders({ db: world.database.db, clock: world.clock });
    expect(sent.due.map((d) => `${d.series} ${d.milestone} ${d.on}`)).toEqual(["6.2 alpha 2027-01-18"]);
    expect(sent.written).toBe(2);
    expect((await sendTrackerReminders({ db: world.database.db, clock: world.clock })).written).toBe(0);
    for (const day of ["2027-01-19", "2027-01-24", "2027-01-25"]) {
      world.clock.set(`${day}T00:20:00Z`);
      expect((await sendTrackerReminders({ db: world.database.db, clock: world.clock })).written, day).toBe(
        0,
      );
    }
    const rows = await reminders();
    expect(rows.map((r) => r.recipientUserId).sort()).toEqual(
      [world.maintainer.user.id, world.groupMember.user.id].sort(),
    );
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(
      [
        `tracker-reminder:6.2:alpha:user:${world.maintainer.user.id}`,
        `tracker-reminder:6.2:alpha:user:${world.groupMember.user.id}`,
      ].sort(),
    );
  });

  it("say what each package misses, with absolute links and the channel", async () => {
    const [row] = await world.database.db
      .select()
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.kind, "tracker.reminder"),
          eq(schema.notifications.recipientUserId, world.groupMember.user.id),
        ),
      );
    const data = row?.data as { packages: Array<{ name: string; missing: string }>; channel: string };
    expect(data.packages.map((p) => p.name).sort()).toEqual([world.pkg, world.other].sort());
    for (const p of data.packages) expect(p.missing.length).toBeGreaterThan(10);
    const msg = renderNotification({
      template: trackerReminderTemplate,
      data: row?.data,
      baseUrl: "https://guildhall.example",
    });
    expect(msg.subject).toBe("Django 6.2 alpha (feature freeze): 2 of your packages");
    expect(msg.text).toContain(`https://guildhall.example/releases/6.2/tracker/${world.pkg}`);
    expect(msg.text).toContain("Discussion: https://forum.djangoproject.com/t/django-6-2-compatibility");
    expect(msg.text).toContain("missing ");
  });

  it("the beta reminds again, once; an unsubscribed package is left out", async () => {
    // The clock has moved past the test tokens' lifetime: unsubscribe through the operation.
    await setSubscription({
      db: world.database.db,
      clock: world.clock,
      name: world.pkg,
      subscribed: false,
      by: { userId: world.maintainer.user.id, name: "owner" },
    });
    await eco.announceMilestone({ db: world.database.db, clock: world.clock }, "6.2", "beta", "2027-02-22");
    world.clock.set("2027-02-22T00:20:00Z");
    expect((await sendTrackerReminders({ db: world.database.db, clock: world.clock })).written).toBe(1);
    expect((await sendTrackerReminders({ db: world.database.db, clock: world.clock })).written).toBe(0);
    const remind = await cli("tracker", "remind", "--json");
    expect(JSON.parse(remind.out)).toMatchObject({ written: 0 });
    expect((await reminders()).length).toBe(3);
  });
});
