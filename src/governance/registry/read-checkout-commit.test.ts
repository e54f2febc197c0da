import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSnapshotNote } from "./read-checkout-commit.ts";

describe("the commit a snapshot note names", () => {
  it("reads the shared snapshot's commit and date", () => {
    const note = readFileSync(
      path.resolve(import.meta.dirname, "../../../../shared/data/dsf-working-groups/SNAPSHOT.txt"),
      "utf8",
    );
    expect(parseSnapshotNote(note)).toEqual({
      sha: "ae29c583b7740c42f8f97d2e317b587665d16953",
      committedAt: new Date("2026-05-04T00:00:00Z"),
    });
  });

  it("names nothing when the note gives no commit or an impossible date", () => {
    expect(parseSnapshotNote("a copy of the charters")).toBeNull();
    expect(parseSnapshotNote("at commit zzzz (2026-05-04)")).toBeNull();
    expect(parseSnapshotNote("at commit abcdef1 (2026-13-45)")).toBeNull();
  });
});
