/**
 * Ownership transfers and PEP 541 contact logs over HTTP, against a catalogue synced from the local
 * PyPI index: the roster of roadies and their load, who may open and work a transfer, every state of
 * its steps and of the transfer, the PyPI roles step verifying itself when the index changes owners
 * between two syncs, and every state of a contact log with the support request it produces.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAccount, type TestAccount } from "../../../test/factories/accounts.ts";
import * as eco from "../../../test/factories/ecosystem.ts";
import { type CatalogueTest, openCatalogueTest } from "../../../test/synced-catalogue.ts";
import { schema } from "../../platform/db/index.ts";

let world: CatalogueTest;
let roadieA: TestAccount;
let roadieB: TestAccount;

const { post, api, get } = eco.requestsTo({ request: (path, init) => world.app.request(path, init) });

interface TransferJson {
  id: number;
  state: string;
  roadie: { userId: number; name: string } | null;
  complete: boolean;
  from: { label: string };
  to: { label: string };
  steps: Array<{ step: string; state: string; why: string; owner: string; note: string }>;
}
const transfer = async (id: number) => (await (await get(`/api/transfers/${id}`)).json()) as TransferJson;
const stepOf = (t: TransferJson, step: string) => t.steps.find((s) => s.step === step);

beforeAll(async () => {
  world = await openCatalogueTest({ limit: 30 });
  const roadie = (email: string, name: string) =>
    createTestAccount({
      db: world.database.db,
      clock: world.clock,
      email,
      name,
      scopes: eco.ECOSYSTEM_SCOPES,
    });
  roadieA = await roadie("roadie-a@example.org", "Roadie A");
  roadieB = await roadie("roadie-b@example.org", "Roadie B");
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe("the roster of roadies", () => {
  it("found a personally owned package", () => {
    expect(world.pkg).not.toBe("");
    expect(world.other).not.toBe("");
  });

  it("anyone signed in joins with a capacity; the roster shows each load and who is suggested next", async () => {
    expect([401, 403]).toContain((await post(null, "/roadies", { capacity: "1" })).status);
    const bad = await post(roadieA, "/roadies", { capacity: "11" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("from 1 to 10");
    expect((await post(roadieA, "/roadies", { capacity: "1", note: "Django Commons" })).status).toBe(303);
    expect((await post(roadieB, "/roadies", { capacity: "2" })).status).toBe(303);
    const list = (await (await get("/api/transfers")).json()) as {
      roadies: Array<{ userId: number; capacity: number; open: number }>;
      suggestedRoadie: number;
    };
    expect(list.roadies.map((r) => [r.userId, r.capacity, r.open])).toEqual([
      [roadieA.user.id, 1, 0],
      [roadieB.user.id, 2, 0],
    ]);
    expect(list.suggestedRoadie).toBe(roadieB.user.id);
    const page = await (await get("/transfers", roadieA)).text();
    expect(page).toContain("Roadie B (next suggested)");
    expect(page).toContain("Change your capacity");
  });
});

let first = 0;
let second = 0;

describe("ownership transfers", () => {
  const FORM = {
    fromKind: "person",
    fromName: "",
    toKind: "django-commons",
    toName: "",
    addPypiOwners: "commons-bot",
    removePypiOwners: "",
  };

  it("only the package's maintainers and the group open one; bad fields are refused and re-shown", async () => {
    const form = { ...FORM, fromName: world.owner, removePypiOwners: world.owner };
    expect([401, 403]).toContain((await post(null, `/packages/${world.pkg}/transfers`, form)).status);
    expect((await post(world.stranger, `/packages/${world.pkg}/transfers`, form)).status).toBe(403);
    expect((await post(roadieA, `/packages/${world.pkg}/transfers`, form)).status).toBe(403);
    const noName = await post(world.maintainer, `/packages/${world.pkg}/transfers`, {
      ...form,
      toKind: "person",
    });
    expect(noName.status).toBe(422);
    expect(await noName.text()).toContain("name who takes the package");
    const badUser = await post(world.maintainer, `/packages/${world.pkg}/transfers`, {
      ...form,
      addPypiOwners: "a b!c",
    });
    expect(badUser.status).toBe(422);
    expect(await badUser.text()).toContain('value="a b!c"');
    const made = await post(world.maintainer, `/packages/${world.pkg}/transfers`, form);
    expect(made.status).toBe(303);
    first = Number(made.headers.get("location")?.split("/").pop());
    const t = await transfer(first);
    expect(t).toMatchObject({
      state: "open",
      complete: false,
      from: { label: world.owner },
      to: { label: "Django Commons" },
    });
    // The roadie with the most room was given the transfer.
    expect(t.roadie?.userId).toBe(roadieB.user.id);
    expect(t.steps.map((s) => [s.step, s.owner, s.state])).toEqual([
      ["pypi-roles", "from", "waiting-for-sync"],
      ["repository", "from", "to-do"],
      ["documentation", "to", "to-do"],
      ["ci-secrets", "to", "to-do"],
      ["readme-badges", "to", "to-do"],
      ["announcement", "roadie", "to-do"],
    ]);
    expect((await post(world.maintainer, `/packages/${world.pkg}/transfers`, form)).status).toBe(409);
  });

  it("the group opens one through the API naming a roadie; Jazzband is shown closing", async () => {
    const body = {
      fromKind: "jazzband",
      toKind: "person",
      toName: "Val",
      addPypiOwners: ["val"],
      removePypiOwners: ["jazzband"],
      roadieUserId: roadieA.user.id,
    };
    expect((await api(world.maintainer, `/api/packages/${world.other}/transfers`, body)).status).toBe(403);
    const notRoadie = await api(world.groupMember, `/api/packages/${world.other}/transfers`, {
      ...body,
      roadieUserId: world.stranger.user.id,
    });
    expect(notRoadie.status).toBe(422);
    const res = await api(world.groupMember, `/api/packages/${world.other}/transfers`, body);
    expect(res.status).toBe(201);
    const t = (await res.json()) as TransferJson;
    second = t.id;
    expect(t.from.label).toBe("Jazzband (closing)");
    expect(t.roadie?.userId).toBe(roadieA.user.id);
    const page = await (await get(`/transfers/${second}`)).text();
    expect(page).toContain("Jazzband is winding down");
    const list = (await (await get("/api/transfers")).json()) as {
      roadies: Array<{ userId: number; open: number }>;
      suggestedRoadie: number | null;
    };
    expect(list.roadies.map((r) => r.open)).toEqual([1, 1]);
    // Roadie A is full (1 of 1); roadie B has one more place.
    expect(list.suggestedRoadie).toBe(roadieB.user.id);
  });

  it("the transfer's roadie, the maintainers and the group work the steps; nobody else", async () => {
    const step = `/transfers/${first}/steps/repository`;
    expect((await post(world.stranger, step, { owner: "from", state: "done" })).status).toBe(403);
    expect((await post(roadieA, step, { owner: "from", state: "done" })).status).toBe(403);
    expect(
      (await post(roadieB, step, { owner: "from", state: "in-progress", note: "invited the org" })).status,
    ).toBe(303);
    expect(stepOf(await transfer(first), "repository")).toMatchObject({
      state: "in-progress",
      note: "invited the org",
    });
    expect((await post(world.maintainer, step, { owner: "roadie", state: "done" })).status).toBe(303);
    expect(stepOf(await transfer(first), "repository")).toMatchObject({ state: "done", owner: "roadie" });
    const verified = await post(world.groupMember, `/transfers/${first}/steps/pypi-roles`, {
      owner: "from",
      state: "done",
    });
    expect(verified.status).toBe(422);
    expect(await verified.text()).toContain("verified from PyPI");
    expect(
      (await post(roadieB, `/transfers/${first}/steps/nonsense`, { owner: "from", state: "done" })).status,
    ).toBe(404);
  });

  it("verifies the PyPI roles step itself when a later sync lists the new owner and not the old one", async () => {
    world.clock.advance(3_600_000);
    expect(stepOf(await transfer(first), "pypi-roles")?.why).toContain("PyPI does not list commons-bot yet");
    world.pypi.addOwner(world.pkg, "commons-bot");
    await world.sync();
    const half = stepOf(await transfer(first), "pypi-roles");
    expect(half?.state).toBe("waiting-for-sync");
    expect(half?.why).toContain(`PyPI still lists ${world.owner}`);
    world.pypi.removeOwner(world.pkg, world.owner);
    await world.sync();
    const done = stepOf(await transfer(first), "pypi-roles");
    expect(done?.state).toBe("verified");
    expect(done?.why).toContain("verified by the sync of");
    expect(await (await get(`/transfers/${first}`)).text()).toContain("Verified");
  }, 120_000);

  it("completes only when every step is done, verified or not needed, then takes no change", async () => {
    const early = await post(roadieB, `/transfers/${first}/done`);
    expect(early.status).toBe(409);
    expect(await early.text()).toContain("documentation (to-do)");
    for (const [step, state] of [
      ["documentation", "done"],
      ["ci-secrets", "not-needed"],
      ["readme-badges", "done"],
      ["announcement", "done"],
    ] as const) {
      const res = await api(roadieB, `/api/transfers/${first}/steps/${step}`, { owner: "to", state });
      expect(res.status, step).toBe(200);
    }
    expect((await transfer(first)).complete).toBe(true);
    expect((await post(world.stranger, `/transfers/${first}/done`)).status).toBe(403);
    expect((await post(roadieB, `/transfers/${first}/done`)).status).toBe(303);
    expect((await transfer(first)).state).toBe("done");
    expect((await post(roadieB, `/transfers/${first}/done`)).status).toBe(409);
    expect(
      (await api(roadieB, `/api/transfers/${first}/steps/announcement`, { owner: "to", state: "to-do" }))
        .status,
    ).toBe(409);
  });

  it("cancels, frees the roadies, and audits every change", async () => {
    expect((await post(roadieB, `/transfers/${second}/cancelled`)).status).toBe(403);
    expect((await post(roadieA, `/transfers/${second}/cancelled`)).status).toBe(303);
    expect((await transfer(second)).state).toBe("cancelled");
    const list = (await (await get("/api/transfers")).json()) as { roadies: Array<{ open: number }> };
    expect(list.roadies.map((r) => r.open)).toEqual([0, 0]);
    // A new transfer may be opened once the last one closed.
    expect(
      (
        await api(world.groupMember, `/api/packages/${world.other}/transfers`, {
          fromKind: "organisation",
          fromName: "Acme",
          toKind: "wagtail-nest",
        })
      ).status,
    ).toBe(201);
    const audit = await world.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.subjectType, "transfer"), eq(schema.auditLog.subjectId, String(first))));
    expect(audit.map((a) => a.action)).toEqual([
      "transfer.open",
      "transfer.step",
      "transfer.step",
      "transfer.step",
      "transfer.step",
      "transfer.step",
      "transfer.step",
      "transfer.done",
    ]);
    expect((await post(roadieA, "/roadies/leave")).status).toBe(303);
    expect((await post(roadieA, "/roadies/leave")).status).toBe(409);
  });
});

describe("the PEP 541 contact log", () => {
  const attempt = (attemptedOn: string, outcome = "no-reply", channel = "email") => ({
    attemptedOn,
    channel,
    detail: channel === "email" ? "owner@example.org" : "",
    outcome,
  });
  interface LogJson {
    process: { state: string; why: string };
    attempts: unknown[];
    supportRequest: string | null;
  }
  const log = async (name: string) =>
    (await (await get(`/api/packages/${name}/contact-log`)).json()) as LogJson;

  it("only the package's maintainers and the group record attempts; a future day is refused", async () => {
    expect((await log(world.pkg)).process.state).toBe("not-started");
    expect([401, 403]).toContain(
      (await post(null, `/packages/${world.pkg}/contact-attempts`, attempt("2026-09-01"))).status,
    );
    expect(
      (await post(world.stranger, `/packages/${world.pkg}/contact-attempts`, attempt("2026-09-01"))).status,
    ).toBe(403);
    const future = await post(
      world.groupMember,
      `/packages/${world.pkg}/contact-attempts`,
      attempt("2027-01-01"),
    );
    expect(future.status).toBe(422);
    expect(await future.text()).toContain("must not be in the future");
    expect(
      (await post(world.groupMember, `/packages/${world.pkg}/contact-attempts`, attempt("2026-09-01")))
        .status,
    ).toBe(303);
    expect((await log(world.pkg)).process.state).toBe("in-progress");
  });

  it("waits for six weeks, then is exhausted and produces the support request", async () => {
    expect(
      (
        await api(
          world.groupMember,
          `/api/packages/${world.pkg}/contact-attempts`,
          attempt("2026-09-20", "bounced"),
        )
      ).status,
    ).toBe(201);
    const third = await api(
      world.maintainer,
      `/api/packages/${world.pkg}/contact-attempts`,
      attempt("2026-10-05", "no-reply", "issue"),
    );
    expect(third.status).toBe(201);
    const waiting = (await third.json()) as LogJson;
    expect(waiting.process.state).toBe("waiting");
    expect(waiting.supportRequest).toBeNull();
    expect(
      (await api(world.groupMember, `/api/packages/${world.pkg}/contact-attempts`, attempt("2026-10-20")))
        .status,
    ).toBe(201);
    const done = await log(world.pkg);
    expect(done.process.state).toBe("exhausted");
    expect(done.supportRequest).toContain(`PEP 541 request: ${world.pkg}`);
    expect(done.supportRequest).toContain("- 2026-09-01: email (owner@example.org), no-reply, by PM");
    expect(done.supportRequest).toContain("4 times over 49 days");
    const page = await (await get(`/packages/${world.pkg}/contact-log`, world.groupMember)).text();
    expect(page).toContain("PyPI support request");
    expect(page).toContain("Requested by: PM");
  });

  it("ends when the owners reply", async () => {
    await api(world.groupMember, `/api/packages/${world.other}/contact-attempts`, attempt("2026-10-01"));
    await api(
      world.groupMember,
      `/api/packages/${world.other}/contact-attempts`,
      attempt("2026-10-10", "replied", "chat"),
    );
    const l = await log(world.other);
    expect(l.process.state).toBe("reached");
    expect(l.supportRequest).toBeNull();
  });
});
