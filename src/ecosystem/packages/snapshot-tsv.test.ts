/** Snapshot lines: valid rows, the header, and every kind of malformed row named by line. */
import { describe, expect, it } from "vitest";
import { normalizeName } from "./normalize-name.ts";
import { parseSnapshotLine, snapshotDateFromName } from "./snapshot-tsv.ts";

describe("snapshot lines", () => {
  it("skips the header and blank lines", () => {
    expect(parseSnapshotLine("name\tversion\tlast_release_month\tdownload_rank\tsummary", 1)).toBeNull();
    expect(parseSnapshotLine("   ", 7)).toBeNull();
  });

  it("reads a full row and a facts-only row", () => {
    expect(parseSnapshotLine("Django_Foo\t1.2.3\t2024-05\t17\tA thing\r", 2)).toEqual({
      row: {
        name: "django-foo",
        displayName: "Django_Foo",
        latestVersion: "1.2.3",
        latestReleaseAt: new Date("2024-05-01T00:00:00Z"),
        downloadRank: 17,
        summary: "A thing",
      },
    });
    const facts = parseSnapshotLine("bar\t0.1\t2019-12\t", 3);
    expect(facts && "row" in facts && facts.row.downloadRank).toBeNull();
  });

  it.each([
    ["onlyname", "expected 3 to 5 tab-separated columns, found 1"],
    ["a\tb\tc\td\te\tf", "expected 3 to 5 tab-separated columns, found 6"],
    ["-bad-\t1.0\t2020-01\t\t", 'name: "-bad-" is not a valid project name'],
    ["ok\t\t2020-01\t\t", "version: is empty"],
    ["ok\t1.0\t2020-13\t\t", 'month: "2020-13" is not YYYY-MM'],
    ["ok\t1.0\tJan 2020\t\t", 'month: "Jan 2020" is not YYYY-MM'],
    ["ok\t1.0\t2020-01\tfirst\t", 'download rank: "first" is not a positive integer'],
    ["ok\t1.0\t2020-01\t0\t", 'download rank: "0" is not a positive integer'],
  ])("rejects %j with a message naming the field", (line, message) => {
    expect(parseSnapshotLine(line, 12)).toEqual({ problem: { line: 12, message } });
  });

  it("normalises names as PEP 503 does", () => {
    expect(normalizeName("Django.Rest__Framework-")).toBe("django-rest-framework-");
    expect(normalizeName("zope.interface")).toBe("zope-interface");
  });
});

describe("snapshot date from the file name", () => {
  it("reads YYYY-MM or YYYY-MM-DD just before .tsv or .tsv.gz, and nothing else", () => {
    expect(snapshotDateFromName("data/packages-2026-11.tsv.gz")).toBe("2026-11");
    expect(snapshotDateFromName("/x/pypi-django-2026-11.tsv")).toBe("2026-11");
    expect(snapshotDateFromName("x-2026-11-20.tsv")).toBe("2026-11-20");
    expect(snapshotDateFromName("packages.tsv")).toBeNull();
    expect(snapshotDateFromName("packages-2026-13.tsv")).toBeNull();
    expect(snapshotDateFromName("packages-2026-11.csv")).toBeNull();
    expect(snapshotDateFromName("12026-11.tsv")).toBeNull();
  });
});
