import { describe, expect, it } from "vitest";
import {
  type AgendaContext,
  type AgendaMemo,
  agendaSections,
  defineAgendaSection,
  loadAgendaSections,
  shared,
} from "./agenda.ts";

const context = {
  day: "2026-12-03",
  lastMeetingOn: "2026-11-19",
  since: "2026-11-19",
  nextMeetingOn: null,
  viewerPersonId: null,
} as unknown as AgendaContext;

describe("agenda sections", () => {
  it("loads registered sections by order, then key, with what their loaders return", async () => {
    defineAgendaSection({
      key: "test-late",
      title: "Late",
      order: 1000,
      source: "test",
      empty: "Nothing late.",
      load: async (c) => [{ text: `since ${c.since}`, href: null, facts: [], day: c.day }],
    });
    defineAgendaSection({
      key: "test-early",
      title: "Early",
      order: -1000,
      source: "test",
      empty: "Nothing early.",
      load: async () => [],
    });
    const keys = agendaSections().map((s) => s.key);
    expect(keys.indexOf("test-early")).toBeLessThan(keys.indexOf("test-late"));
    const loaded = (await loadAgendaSections(context)).filter((s) => s.key.startsWith("test-"));
    expect(loaded.map((s) => [s.key, s.items])).toEqual([
      ["test-early", []],
      ["test-late", [{ text: "since 2026-11-19", href: null, facts: [], day: "2026-12-03" }]],
    ]);
  });

  it("refuses a key registered twice and a malformed key", () => {
    const section = { title: "T", order: 1, source: "s", empty: "e", load: async () => [] };
    defineAgendaSection({ key: "test-once", ...section });
    expect(() => defineAgendaSection({ key: "test-once", ...section })).toThrow(/already registered/);
    expect(() => defineAgendaSection({ key: "Bad Key", ...section })).toThrow(/lower-case/);
    expect(() => defineAgendaSection({ key: "test-nan", ...section, order: Number.NaN })).toThrow(/finite/);
  });
});

describe("shared inputs of one agenda", () => {
  it("loads a key once per memo, again for another memo or without one", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const memo: AgendaMemo = new Map();
    expect(await shared(memo, "k", load)).toBe(1);
    expect(await shared(memo, "k", load)).toBe(1);
    expect(await shared(memo, "other", load)).toBe(2);
    expect(await shared(new Map(), "k", load)).toBe(3);
    expect(await shared(undefined, "k", load)).toBe(4);
  });

  it("gives every section of one load the same memo", async () => {
    const seen: Array<AgendaMemo | undefined> = [];
    for (const key of ["memo-test-a", "memo-test-b"]) {
      defineAgendaSection({
        key,
        title: key,
        order: 1000,
        source: "test",
        empty: "none",
        load: async (c) => {
          seen.push(c.memo);
          return [];
        },
      });
    }
    await loadAgendaSections(context);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeInstanceOf(Map);
    expect(seen[1]).toBe(seen[0]);
  });
});
