import { z } from "zod";
import { blankAsNull, Day, Id, optionalOneOf, Slug, wholeNumber } from "../../platform/validation.ts";
import { groupSettings, loadGroup, recordAudit } from "./decisions.repo.ts";
import { type DecisionCall, parseInput } from "./deps.ts";
import { upsertDecisionSettings } from "./votes.repo.ts";

/** Input of setDecisionSettings: any field left out keeps its value. */
export const DecisionSettingsInputSchema = z.object({
  group: z.union([Id, Slug]),
  baseRule: optionalOneOf(["electorate", "cast"]),
  secrecy: optionalOneOf(["open", "secret"]),
  /** Blank or null clears the recorded meeting; absent keeps it. */
  nextMeetingOn: z.preprocess(blankAsNull, Day.nullable().optional()),
  /** Longest a vote may run, opening to closing, extensions included; applies to votes opened from now on. */
  maxVoteDays: z.preprocess(
    blankAsNull,
    wholeNumber({ min: 1, max: 365, message: "must be a whole number of days from 1 to 365" }).optional(),
  ),
});

/** Records a group's vote rules (base, default secrecy, longest vote) and its next meeting date. */
export async function setDecisionSettings(call: DecisionCall & { input: unknown }) {
  const input = parseInput("settings", DecisionSettingsInputSchema, call.input);
  return call.deps.database.db.transaction(async (tx) => {
    const now = call.deps.clock.now();
    const group = await loadGroup(tx, input.group);
    const before = await groupSettings(tx, group.id);
    const after = {
      baseRule: input.baseRule ?? before.baseRule,
      secrecy: input.secrecy ?? before.secrecy,
      nextMeetingOn: input.nextMeetingOn === undefined ? before.nextMeetingOn : input.nextMeetingOn,
      maxVoteDays: input.maxVoteDays ?? before.maxVoteDays,
    };
    await upsertDecisionSettings(tx, group.id, after, now);
    await recordAudit(tx, {
      by: call.actor,
      at: now,
      action: "group.decision-settings",
      subjectType: "group",
      subjectId: group.id,
      before,
      after,
      cause: "",
    });
    return after;
  });
}
