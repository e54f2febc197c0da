/** PEP 541's contact process: every state, and the support request's text once exhausted. */
import { describe, expect, it } from "vitest";
import { type Attempt, contactProcess, supportRequestText } from "./contact-process.ts";

const a = (
  attemptedOn: string,
  outcome: Attempt["outcome"] = "no-reply",
  channel: Attempt["channel"] = "email",
): Attempt => ({
  attemptedOn,
  channel,
  detail: channel === "email" ? "owner@example.org" : "",
  outcome,
  byName: "Pat",
});
const facts = {
  packageName: "django-sleepy",
  owners: ["sleepy"],
  ownersAsOf: "2026-11-21T12:00:00.000Z",
  latestVersion: "1.2",
  lastRelease: "2024-05-01",
  requester: "Pat",
};

describe("the contact process", () => {
  it("has not started without attempts", () => {
    expect(contactProcess([])).toMatchObject({ state: "not-started", attempts: 0, exhaustibleFrom: null });
  });

  it("is in progress below three attempts", () => {
    const p = contactProcess([a("2026-09-01"), a("2026-09-20")]);
    expect(p).toMatchObject({ state: "in-progress", attempts: 2, exhaustibleFrom: "2026-10-13" });
    expect(p.why).toBe("2 of 3 attempts; PEP 541 asks for 3 over at least six weeks");
  });

  it("waits when three attempts span less than six weeks, saying when the next may count", () => {
    const p = contactProcess([a("2026-09-01"), a("2026-09-10"), a("2026-10-12")]);
    expect(p.state).toBe("waiting");
    expect(p.why).toContain("41 days");
    expect(p.why).toContain("on or after 2026-10-13");
  });

  it("is exhausted after three attempts over at least 42 days (in any order)", () => {
    const p = contactProcess([
      a("2026-10-13", "bounced"),
      a("2026-09-01"),
      a("2026-09-15", "no-reply", "issue"),
    ]);
    expect(p).toMatchObject({ state: "exhausted", attempts: 3, firstOn: "2026-09-01", lastOn: "2026-10-13" });
  });

  it("ends when the owners reply, however many attempts", () => {
    const p = contactProcess([a("2026-09-01"), a("2026-09-15", "replied"), a("2026-11-01")]);
    expect(p.state).toBe("reached");
    expect(p.why).toContain("replied on 2026-09-15");
  });
});

describe("the support request", () => {
  it("is produced only when exhausted", () => {
    const attempts = [a("2026-09-01"), a("2026-09-10")];
    expect(supportRequestText(contactProcess(attempts), attempts, facts)).toBeNull();
  });

  it("cites the owners, the last release and every attempt", () => {
    const attempts = [a("2026-10-13", "bounced"), a("2026-09-01"), a("2026-09-15", "no-reply", "issue")];
    const text = supportRequestText(contactProcess(attempts), attempts, facts) ?? "";
    expect(text).toContain("PEP 541 request: django-sleepy");
    expect(text).toContain("https://pypi.org/project/django-sleepy/");
    expect(text).toContain("Current owners on PyPI: sleepy (as of 2026-11-21T12:00:00.000Z)");
    expect(text).toContain("Latest release: 1.2 (2024-05-01)");
    expect(text).toContain("3 times over 42 days");
    const lines = text.split("\n").filter((l) => l.startsWith("- "));
    expect(lines).toEqual([
      "- 2026-09-01: email (owner@example.org), no-reply, by Pat",
      "- 2026-09-15: issue, no-reply, by Pat",
      "- 2026-10-13: email (owner@example.org), bounced, by Pat",
    ]);
    expect(text).toContain("Requested by: Pat");
  });
});
