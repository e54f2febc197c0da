import { describe, expect, it } from "vitest";
import { stillNeedsOwner } from "./open-items.ts";
import { defineOpenItemSource, openItemSource, openItemSources, registerOpenItemSource } from "./sources.ts";

const none = async () => [];
const source = (kind: string) =>
  defineOpenItemSource({
    kind,
    label: "Test item",
    listOpenByOwner: none,
    listOpenForGroup: none,
    reassign: async () => {},
  });

describe("open item sources", () => {
  it("refuses a kind that is not hyphenated lower-case words, and an empty label", () => {
    expect(() => source("Meeting Item")).toThrow(/lower-case/);
    expect(() => source("item-")).toThrow(/lower-case/);
    expect(() => defineOpenItemSource({ ...source("x-item"), label: " " })).toThrow(/label/);
  });

  it("registers each kind once: the same source again is harmless, another with its kind throws", () => {
    const a = source("test-alpha");
    registerOpenItemSource(a);
    registerOpenItemSource(a);
    expect(openItemSource("test-alpha")).toBe(a);
    expect(() => registerOpenItemSource(source("test-alpha"))).toThrow(/twice/);
    registerOpenItemSource(source("test-aardvark"));
    const kinds = openItemSources().map((s) => s.kind);
    expect(kinds.indexOf("test-aardvark")).toBeLessThan(kinds.indexOf("test-alpha"));
    expect(openItemSource("test-unknown")).toBeUndefined();
  });
});

describe("stillNeedsOwner", () => {
  const flag = { sourceKind: "k", itemId: "1", leaverPersonId: 7, clearedAt: null };
  const item = { id: "1", title: "t", ownerPersonId: 7, href: "/x", dueOn: null };
  it("holds while the item is open, uncleared and still the leaver's", () => {
    expect(stillNeedsOwner(flag, item)).toBe(true);
    expect(stillNeedsOwner({ ...flag, clearedAt: new Date() }, item)).toBe(false);
    expect(stillNeedsOwner(flag, undefined)).toBe(false);
    expect(stillNeedsOwner(flag, { ...item, ownerPersonId: 8 })).toBe(false);
  });
});
