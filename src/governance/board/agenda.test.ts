import { describe, expect, it } from "vitest";
import { type AgendaContext, agendaSections, defineAgendaSection, loadAgendaSections } from "./agenda.ts";

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
