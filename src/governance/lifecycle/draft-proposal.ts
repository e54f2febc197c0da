/**
 * Drafts a proposal for a new working group or team (README.md:28-32): from the given text, or
 * from the template's layout with the name and kind filled in and every other field still to do.
 * Anyone signed in may draft; the draft is revision 1.
 */
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { oneOf, optionalText, Slug, text } from "../../platform/validation.ts";
import { parseCharter } from "../charter/parse-charter.ts";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import { blankCharter } from "../charter/types.ts";
import type { DecisionCall } from "../decisions/deps.ts";
import { parseInput } from "../decisions/deps.ts";
import {
  findGroupRowBySlug,
  insertDraftProposal,
  loadProposal,
  type ProposalWithText,
} from "./lifecycle.repo.ts";
import { lifecycleAudit } from "./lifecycle-subjects.ts";

/** The longest charter text accepted (the longest real charter is about 9,000 characters). */
export const MAX_CHARTER_CHARS = 60_000;

/** Text with the line ends a file in the repository has (a form's textarea sends CRLF). */
export const asLines = (text: string): string => text.replace(/\r\n?/g, "\n");

/** A new proposal, as its author gives it. */
export const DraftProposalInputSchema = z.object({
  slug: Slug.describe("The charter file's name without .md (proposals/<slug>.md)."),
  name: text({ max: 200 }).describe("The group's name."),
  kind: oneOf(["working-group", "team"]).describe("working-group or team."),
  markdown: optionalText({ multiline: true, max: MAX_CHARTER_CHARS })
    .transform((t) => (t === null ? null : asLines(t)))
    .describe("The charter text (markdown); empty: start from the template."),
});

/**
 * The template's layout for a new group: its headings and the name, every other field "todo"
 * (README.md:32: "you're welcome to leave some fields as todo").
 */
export function templateMarkdown(input: { slug: string; name: string; kind: "working-group" | "team" }) {
  return renderCharterMarkdown(
    blankCharter({ slug: input.slug, name: input.name, kind: input.kind, status: "proposed" }),
  )
    .replace(/: $/gm, ": todo")
    .replace(/^(## [^\n]+)\n(?=\n## |\n*(?![\s\S]))/gm, "$1\n\ntodo\n");
}

/** Saves the draft and its first revision; a slug already in use by an active, draft or archived group is refused. */
export async function draftProposal(call: DecisionCall & { input: unknown }): Promise<ProposalWithText> {
  const input = parseInput("proposal", DraftProposalInputSchema, call.input);
  const now = call.deps.clock.now();
  const markdown = input.markdown ?? templateMarkdown(input);
  const charter = parseCharter({ markdown, slug: input.slug, status: "proposed" });
  return call.deps.database.db.transaction(async (tx) => {
    const existing = await findGroupRowBySlug(tx, input.slug);
    if (existing && existing.status !== "proposed") {
      throw new AppError("conflict", {
        message: `The slug "${input.slug}" is taken: ${existing.name} is ${existing.status}. Choose another, or change that group's charter.`,
      });
    }
    const row = await insertDraftProposal(tx, {
      proposal: {
        slug: input.slug,
        source: "guildhall",
        authorUserId: call.actor.userId,
        authorPersonId: call.actor.personId,
      },
      firstRevision: {
        markdown,
        charter,
        note: input.markdown ? "" : "Started from the template.",
        createdByPersonId: call.actor.personId,
      },
      now,
    });
    await lifecycleAudit(tx, {
      by: call.actor,
      at: now,
      action: "proposal.drafted",
      subjectType: "group_proposal",
      subjectId: row.id,
      after: { slug: input.slug, name: charter.name, kind: charter.kind, revision: 1 },
    });
    return loadProposal(tx, row.id);
  });
}
