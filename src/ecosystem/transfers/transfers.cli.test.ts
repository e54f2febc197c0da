/** The new commands' help: each says what it does and offers --json (run as users run it). */
import { describe, expect, it } from "vitest";
import { runGuildhallSync } from "../../../test/guildhall-cli.ts";

describe("transfer, tracker and maintainers commands", () => {
  for (const [args, says] of [
    [["maintainers", "call", "--help"], "Make a call for maintainers"],
    [["maintainers", "wanted", "--help"], "Open calls for maintainers"],
    [["tracker", "set", "--help"], "Set a package's status"],
    [["tracker", "channel", "--help"], "discussion channel"],
    [["tracker", "remind", "--help"], "reminders to the outbox"],
    [["transfers", "--help"], "Ownership transfers"],
    [["transfers", "show", "--help"], "checklist"],
    [["contact-log", "--help"], "PEP 541"],
  ] as const) {
    it(`guildhall ${args.join(" ")}`, () => {
      const r = runGuildhallSync([...args]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(says);
      expect(r.stdout).toContain("--json");
    });
  }

  it("a missing required flag is a usage error naming the command's help", () => {
    const r = runGuildhallSync(["maintainers", "call", "django-x", "--skills", "y", "--hours", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--needed");
  });
});
