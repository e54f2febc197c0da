/** The PyPI documents a sync reads: real core metadata files, JSON API shapes, faults. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import {
  DocumentProblem,
  parseJsonApi,
  parseSimpleIndex,
  parseSimpleProject,
  readCoreMetadataFields,
} from "./pypi-documents.ts";

const CORE = sharedData("core-metadata");

const doc = {
  info: {
    name: "Django-Example",
    version: "2.0",
    summary: "",
    classifiers: ["Framework :: Django :: 5.2"],
    requires_dist: ["Django>=4.2,<6.0"],
    requires_python: ">=3.10",
    project_urls: { Homepage: "https://example.org" },
    yanked: false,
  },
  last_serial: 42,
  releases: {
    "1.0": [{ filename: "a.tar.gz", upload_time_iso_8601: "2024-01-02T03:04:05.000000Z", yanked: true }],
    "2.0": [
      { filename: "b.whl", upload_time_iso_8601: "2025-06-01T10:00:00.000000Z", requires_python: ">=3.10" },
      { filename: "b.tar.gz", upload_time: "2025-06-01T09:00:00" },
    ],
    "3.0.dev0": [],
  },
  ownership: { roles: [{ role: "Owner", user: "alice" }], organization: null },
};

describe("core metadata files", () => {
  const files = readdirSync(CORE).filter((f) => f.endsWith(".METADATA"));
  it("reads every real file in the shared data, keeping each Classifier and Requires-Dist line", () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(path.join(CORE, f), "utf8");
      const fields = readCoreMetadataFields(text);
      const header = text.split(/\r?\n\r?\n/)[0] ?? "";
      const count = (name: string) => header.split(/\r?\n/).filter((l) => l.startsWith(`${name}:`)).length;
      expect(fields["Name"]?.length, f).toBe(1);
      expect(fields["Classifier"]?.length ?? 0, f).toBe(count("Classifier"));
      expect(fields["Requires-Dist"]?.length ?? 0, f).toBe(count("Requires-Dist"));
      expect(fields["Description"]).toBeUndefined();
    }
  });

  it("rejects a file without Metadata-Version", () => {
    expect(() => readCoreMetadataFields("Name: x\nVersion: 1\n")).toThrow(DocumentProblem);
  });
});

describe("JSON API document", () => {
  it("reduces to catalogue fields with release upload times and yanked flags", () => {
    const r = parseJsonApi(JSON.stringify(doc));
    expect(r.name).toBe("django-example");
    expect(r.displayName).toBe("Django-Example");
    expect(r.summary).toBeNull();
    expect(r.latestReleaseAt?.toISOString()).toBe("2025-06-01T09:00:00.000Z");
    expect(r.releases.map((x) => [x.version, x.yanked])).toEqual([
      ["3.0.dev0", false],
      ["1.0", true],
      ["2.0", false],
    ]);
    expect(r.releases.find((x) => x.version === "2.0")?.requiresPython).toBe(">=3.10");
    expect(r.ownership.roles).toEqual([{ role: "Owner", user: "alice" }]);
    expect(r.lastSerial).toBe(42);
  });

  it("names the missing field of a document of the wrong shape", () => {
    const bad = { ...doc, info: { ...doc.info, version: undefined } };
    try {
      parseJsonApi(JSON.stringify(bad));
      throw new Error("expected a problem");
    } catch (e) {
      expect(e).toBeInstanceOf(DocumentProblem);
      expect((e as DocumentProblem).kind).toBe("malformed");
      expect((e as DocumentProblem).message).toContain("info.version");
    }
  });

  it("tells a body cut short from one that is not JSON", () => {
    const text = JSON.stringify(doc);
    expect(() => parseJsonApi(text.slice(0, text.length / 2))).toThrow(
      expect.objectContaining({ kind: "truncated" }),
    );
    expect(() => parseJsonApi('{"info": {"name": "x", "version": }')).toThrow(
      expect.objectContaining({ kind: "malformed" }),
    );
  });
});

describe("simple API", () => {
  it("normalises listed names and keeps the highest serial of duplicates", () => {
    const r = parseSimpleIndex(
      JSON.stringify({
        meta: { "_last-serial": 9 },
        projects: [
          { name: "Django_Foo", "_last-serial": 3 },
          { name: "django.foo", "_last-serial": 7 },
          { name: "bar", "_last-serial": 1 },
        ],
      }),
    );
    expect(r.projects).toEqual([
      { name: "django-foo", serial: 7 },
      { name: "bar", serial: 1 },
    ]);
    expect(r.lastSerial).toBe(9);
  });

  it("sees PEP 658 core metadata under both keys and resolves relative file URLs", () => {
    const files = parseSimpleProject(
      JSON.stringify({
        name: "x",
        files: [
          { filename: "x-1.whl", url: "../../packages/x-1.whl", "core-metadata": { sha256: "ab" } },
          { filename: "x-1.tar.gz", url: "https://files.example/x-1.tar.gz", "dist-info-metadata": false },
          { filename: "x-0.whl", url: "x-0.whl", "dist-info-metadata": true },
        ],
      }),
      "https://index.example/simple/x/",
    );
    expect(files).toEqual([
      { filename: "x-1.whl", url: "https://index.example/packages/x-1.whl", hasMetadata: true },
      { filename: "x-1.tar.gz", url: "https://files.example/x-1.tar.gz", hasMetadata: false },
      { filename: "x-0.whl", url: "https://index.example/simple/x/x-0.whl", hasMetadata: true },
    ]);
  });
});
