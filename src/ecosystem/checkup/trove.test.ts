/**
 * The shipped classifier list against Debian's python3-trove-classifiers, read by Python itself.
 * Not skipped when the Debian package is missing: it fails, so CI installs it.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ADDED_SINCE_DEBIAN, allClassifiers, classifierStatus } from "./trove.ts";

function debianClassifiers(): { classifiers: string[]; deprecated: Record<string, string[]> } {
  const r = spawnSync(
    "/usr/bin/python3",
    [
      "-c",
      "import json, trove_classifiers as t; print(json.dumps({'classifiers': sorted(t.classifiers), 'deprecated': t.deprecated_classifiers}))",
    ],
    { encoding: "utf8" },
  );
  if (r.status !== 0)
    throw new Error(
      `Debian's python3-trove-classifiers is needed (apt-get install python3-trove-classifiers): ${r.stderr}`,
    );
  return JSON.parse(r.stdout);
}

describe("classifier validity against Debian's trove-classifiers", () => {
  const debian = debianClassifiers();

  it("the shipped list is Debian's list plus the classifiers added since, nothing else", () => {
    const ours = allClassifiers();
    expect(ours.filter((c) => !debian.classifiers.includes(c)).sort()).toEqual(
      [...ADDED_SINCE_DEBIAN].sort(),
    );
    expect(debian.classifiers.filter((c) => !ours.includes(c))).toEqual([]);
  });

  it("every Debian classifier is valid, deprecated ones are flagged with their replacement, typos are unknown", () => {
    for (const c of debian.classifiers) expect([c, classifierStatus(c).status]).toEqual([c, "valid"]);
    for (const [c, replacements] of Object.entries(debian.deprecated))
      expect(classifierStatus(c)).toEqual({ status: "deprecated", replacements });
    for (const c of [
      "Framework :: Django :: 5.20",
      "Framework :: Django::4.2",
      "framework :: django",
      "Programming Language :: Python :: 3.1O",
    ])
      expect([c, classifierStatus(c).status, debian.classifiers.includes(c)]).toEqual([c, "unknown", false]);
  });
});
