/**
 * A change to an active group's charter (README.md:73-79), given as the whole new charter text
 * (the form starts from the stored charter as markdown). Classified by comparing the structured
 * charters: meeting and communication arrangements, and wording, apply at once when the Chair or
 * Co-Chair makes them (README.md:77: "aren't considered substantive"); substantive changes wait
 * for the Board's vote (README.md:79); membership is decided as the charter says (README.md:75),
 * so a change to who is in the group is refused here.
 */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { optionalText, text } from "../../platform/validation.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import { type DecisionCall, parseInput } from "../decisions/deps.ts";
import { classifyCharterChange } from "./classify-change.ts";
import { asLines, MAX_CHARTER_CHARS } from "./draft-proposal.ts";
import { type ChangeRow, insertCharterChange, loadChange } from "./lifecycle.repo.ts";
import { applyCharter, lifecycleAudit } from "./lifecycle-subjects.ts";

/** The new charter text and a one-line summary. */
export const CharterChangeInputSchema = z.object({
  markdown: text({ multiline: true, max: MAX_CHARTER_CHARS })
    .transform(asLines)
    .describe("The whole charter after the change."),
  summary: optionalText({ max: 200 }).describe("The change in one line (the pull request's title)."),
});

/** The stored charter of a group as the markdown a change starts from. */
export function currentMarkdown(charter: Parameters<typeof renderCharterMarkdown>[0]): string {
  return renderCharterMarkdown(charter);
}

/** Records (and, when it may apply directly, applies) the change; returns it. */
export async function proposeCharterChange(
  call: DecisionCall & {
    slug: string;
    input: unknown;
    /** The proposer may change arrangements directly (the policy's group.edit-arrangements). */
    mayApplyDirectly: boolean;
  },
): Promise<ChangeRow> {
  const input = parseInput("charter change", CharterChangeInputSchema, call.input);
  const now = call.deps.clock.now();
  return call.deps.database.db.transaction(async (tx) => {
    const group = await loadGroup(tx, call.slug);
    if (group.status !== "active") {
      throw new AppError("conflict", {
        message: `${group.name} is ${group.status}; only an active group's charter changes here.`,
      });
    }
    const before = currentMarkdown(group.charter);
    const after = parseCharter({ markdown: input.markdown, slug: group.slug, status: group.status });
    const classification = classifyCharterChange(group.charter, after);
    const refuse = (message: string) =>
      new AppError("validation", {
        message: `Invalid charter change: markdown: ${message}`,
        issues: [{ field: "markdown", message }],
      });
    if (input.markdown.trim() === before.trim()) throw refuse("nothing changed");
    if (classification.class === "membership") {
      throw refuse(
        `it changes who is in the group (${classification.fields.map((f) => f.label).join(", ")}): membership is decided as the charter says (README.md:75), through the group's membership decisions`,
      );
    }
    const direct = !classification.needsBoardVote;
    if (direct && !call.mayApplyDirectly) {
      throw new AppError("forbidden", {
        message:
          "This change applies directly (README.md:77), and only the group's Chair, Co-Chair or an administrator makes it.",
      });
    }
    const summary =
      input.summary ??
      (classification.fields.length
        ? `Change ${classification.fields.map((f) => f.label.toLowerCase()).join(", ")}`
        : "Reword the charter");
    const row = await insertCharterChange(tx, {
      groupId: group.id,
      status: direct ? "applied" : "proposed",
      class: classification.class,
      fields: classification.fields,
      summary,
      beforeMarkdown: before,
      afterMarkdown: input.markdown,
      afterCharter: after,
      proposedByPersonId: call.actor.personId,
      proposedByUserId: call.actor.userId,
      createdAt: now,
      decidedAt: direct ? now : null,
    });
    if (!row) throw new AppError("internal", { message: "The change was not saved." });
    if (direct) await applyCharter(tx, group.id, after, now);
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: direct ? "charter-change.applied" : "charter-change.proposed",
      subjectType: "charter_change",
      subjectId: row.id,
      after: {
        groupId: group.id,
        class: classification.class,
        fields: classification.fields.map((f) => f.field),
      },
      cause: classification.reason,
    });
    return loadChange(tx, row.id);
  });
}
