import { describe, expect, it } from "vitest";
import { type AuditNames, auditWords } from "./audit-words.ts";
import type { AuditEntry } from "./list-group-audit.ts";

const names: AuditNames = {
  people: new Map([
    [7, "Ada Lovelace"],
    [8, "Grace Hopper"],
  ]),
  votes: new Map([[3, { title: "Admit Grace Hopper" }]]),
  applications: new Map([[5, { personId: 8 }]]),
  rolePeriods: new Map([[11, { personId: 8, role: "member", title: "" }]]),
};

function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    occurredAt: "2026-12-03T14:00:00.000Z",
    actor: "user:1 (Ada Lovelace)",
    action: "",
    subjectType: "vote",
    subjectId: "3",
    before: null,
    after: null,
    cause: "",
    ...over,
  };
}

describe("auditWords", () => {
  it("says who cast a ballot, and the choice only when the log holds it (open ballots)", () => {
    expect(auditWords(entry({ action: "vote.ballot-cast", after: { personId: 7 } }), names)).toBe(
      "Ada Lovelace cast a ballot",
    );
    expect(
      auditWords(entry({ action: "vote.ballot-cast", after: { personId: 8, choice: "no" } }), names),
    ).toBe("Grace Hopper cast a ballot: no");
  });

  it("says how a vote closed, with the count", () => {
    const closed = entry({
      actor: "system",
      action: "vote.closed",
      after: { status: "closed", outcome: "passed", yes: 3, no: 1, abstain: 0, reason: "deadline" },
    });
    expect(auditWords(closed, names)).toBe('The vote "Admit Grace Hopper" closed: carried 3-1');
    const early = entry({
      action: "vote.closed",
      after: { outcome: "failed", yes: 1, no: 2, abstain: 1, reason: "decided" },
    });
    expect(auditWords(early, names)).toBe(
      'Ada Lovelace closed the vote "Admit Grace Hopper": not carried 1-2, 1 abstaining (decided before its closing time)',
    );
  });

  it("names applicants and role holders from the ids, with readable days", () => {
    expect(
      auditWords(
        entry({ action: "application.submitted", subjectType: "membership_application", subjectId: "5" }),
        names,
      ),
    ).toBe("Grace Hopper applied to join");
    expect(
      auditWords(
        entry({
          action: "role-period.renewed",
          subjectType: "role_period",
          subjectId: "11",
          after: { termEndsOn: "2027-12-03" },
        }),
        names,
      ),
    ).toBe("Grace Hopper renewed their term as member to 3 December 2027");
  });

  it("never shows raw JSON, and says when a person cannot be named", () => {
    const words = auditWords(entry({ action: "vote.ballot-cast", after: { personId: 99 } }), names);
    expect(words).toBe("someone (person #99, not found) cast a ballot");
    expect(auditWords(entry({ action: "something.new", after: { x: 1 } }), names)).toBe(
      "Ada Lovelace: something new",
    );
  });
});
