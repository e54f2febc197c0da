import { describe, expect, it } from "vitest";
import { looksDjangoRelated, planScope, resolveScope, type StoredProject } from "./sync-scope.ts";

const indexed = (serial: number, delisted = false): StoredProject => ({ serial, source: "index", delisted });
const snapshot: StoredProject = { serial: null, source: "snapshot", delisted: false };

describe("sync scope", () => {
  it("syncs every listed project into an empty catalogue and only the catalogue after that, unless told", () => {
    expect(resolveScope("auto", 0)).toBe("listed");
    expect(resolveScope("auto", 1)).toBe("catalogue");
    expect(resolveScope("listed", 25_000)).toBe("listed");
    expect(resolveScope("catalogue", 0)).toBe("catalogue");
  });

  it("recognises Django packages by name", () => {
    for (const name of ["django", "django-filter", "djangorestframework", "wagtail-seo", "dj-database-url"])
      expect(looksDjangoRelated(name), name).toBe(true);
    for (const name of ["requests", "flask-dj", "adjust", "numpy"])
      expect(looksDjangoRelated(name), name).toBe(false);
  });

  it("fetches new and changed projects within the scope and counts what it leaves out", () => {
    const listing = [
      { name: "django-a", serial: 10 }, // unchanged
      { name: "django-b", serial: 12 }, // changed
      { name: "from-snapshot", serial: 5 }, // catalogued from a snapshot: fetched
      { name: "django-new", serial: 20 }, // new, Django-named
      { name: "left-pad", serial: 21 }, // new, not Django-named
      { name: "failed-before", serial: 22 }, // new, failed last run
    ];
    const stored = new Map<string, StoredProject>([
      ["django-a", indexed(10)],
      ["django-b", indexed(11)],
      ["from-snapshot", snapshot],
    ]);
    const retry = new Set(["failed-before"]);
    const catalogue = planScope({ listing, stored, retry, scope: "catalogue" });
    expect(catalogue.items.map((i) => i.name)).toEqual([
      "django-b",
      "from-snapshot",
      "django-new",
      "failed-before",
    ]);
    expect(catalogue.outOfScope).toBe(1);
    const listed = planScope({ listing, stored, retry, scope: "listed" });
    expect(listed.items.map((i) => i.name)).toContain("left-pad");
    expect(listed.outOfScope).toBe(0);
  });

  it("marks synced projects the listing dropped, once, and unmarks those it lists again", () => {
    const stored = new Map<string, StoredProject>([
      ["django-gone", indexed(3)],
      ["django-already-marked", indexed(4, true)],
      ["django-back", indexed(5, true)],
      ["snapshot-only", snapshot],
      ["django-kept", indexed(6)],
    ]);
    const plan = planScope({
      listing: [
        { name: "django-back", serial: 5 },
        { name: "django-kept", serial: 6 },
      ],
      stored,
      retry: new Set(),
      scope: "catalogue",
    });
    expect(plan.delist).toEqual(["django-gone"]);
    expect(plan.relist).toEqual(["django-back"]);
    // Unchanged serial: a project listed again is not fetched only for that.
    expect(plan.items).toEqual([]);
  });
});
