/**
 * `guildhall charters import | history | export | aliases` and `guildhall demo seed`: parse the
 * arguments, call one operation, print. Human-readable by default, one JSON value with --json.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import type { CliContext } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { acceptAliasSuggestion } from "./accept-alias-suggestion.ts";
import { addPersonAlias } from "./add-person-alias.ts";
import { exportCharter } from "./export-charter.ts";
import { type ImportSummary, importCharters } from "./import-charters.ts";
import { listAliasSuggestions } from "./list-alias-suggestions.ts";
import { rejectAliasSuggestion } from "./reject-alias-suggestion.ts";
import { replayHistory } from "./replay-history.ts";
import { seedDemo } from "./seed-demo.ts";

function parseId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    throw new AppError("validation", {
      message: `Invalid ID: expected a positive whole number, got "${value}"`,
      issues: [{ field: "ID", message: "expected a positive whole number" }],
    });
  }
  return n;
}

/** Prints an import summary for people: one line per change, then people and suggestions. */
export function formatImportSummary(s: ImportSummary): string[] {
  if (!s.changed) return [`No changes since the last import (${s.groupsChecked} groups checked).`];
  const at = s.commit
    ? ` at commit ${s.commit.sha.slice(0, 12)} (committed ${s.commit.committedAt.slice(0, 10)})`
    : " (commit not known: not a git checkout, and no SNAPSHOT.txt names one)";
  const out = [`Imported ${s.groupsChecked} groups from ${s.source}${at}:`];
  for (const line of s.lines) out.push(`  ${line}`);
  for (const slug of s.updated) out.push(`  ${slug}: charter text updated`);
  if (s.peopleCreated.length > 0) out.push(`  ${s.peopleCreated.length} new people`);
  for (const sug of s.suggestionsCreated) {
    out.push(`  alias suggestion ${sug.id}: "${sug.a}" / "${sug.b}" (${sug.reason})`);
  }
  out.push(`  ${s.eventsRecorded} timeline events recorded (import ${s.importId ?? "-"})`);
  return out;
}

/** Adds the registry's subcommands under `charters`, and `demo seed` beside it. */
export function registerRegistryCommands(charters: Command, ctx: CliContext): void {
  charters
    .command("import")
    .description("Store every group of a checkout of the charter repository and report what changed.")
    .argument("<DIR>", "a checkout of django/dsf-working-groups")
    .option("--json", "print the summary as JSON")
    .action(async (dir: string, opts: { json?: boolean }) => {
      const services = await ctx.services();
      const summary = await importCharters({ services, dir, onProgress: (l) => ctx.err(l) });
      for (const w of summary.warnings) for (const m of w.warnings) ctx.err(`warning: ${w.path}: ${m}`);
      if (opts.json) ctx.out(JSON.stringify(summary));
      else for (const line of formatImportSummary(summary)) ctx.out(line);
    });

  charters
    .command("history")
    .description("Replay every commit that touched a charter into the groups' timelines (idempotent).")
    .argument("<GIT_DIR>", "a clone of django/dsf-working-groups")
    .option("--ref <REF>", "branch to walk (first-parent chain)", "HEAD")
    .option("--json", "print the summary as JSON")
    .action(async (gitDir: string, opts: { json?: boolean; ref: string }) => {
      const services = await ctx.services();
      const summary = await replayHistory({ services, gitDir, ref: opts.ref, onProgress: (l) => ctx.err(l) });
      if (opts.json) {
        ctx.out(JSON.stringify(summary));
        return;
      }
      if (summary.commitsProcessed === 0) {
        ctx.out(
          `Nothing new: all ${summary.charterCommits} charter commits up to ${summary.head.slice(0, 7)} were already replayed.`,
        );
        return;
      }
      ctx.out(
        `Replayed ${summary.commitsProcessed} commits (${summary.commitsSkipped} already done; ${summary.charterCommits} of ${summary.commitsOnChain} first-parent commits touch a charter): ` +
          `${summary.eventsRecorded} events, ${summary.groupsCreated.length} groups created, ${summary.peopleCreated} people created, ` +
          `${summary.suggestionsCreated} alias suggestions, in ${Math.round(summary.timings.totalMs)} ms.`,
      );
    });

  charters
    .command("export")
    .description("Write a stored charter back as markdown.")
    .argument("<SLUG>", "the group's slug")
    .option("--out <FILE>", "write to FILE instead of standard output")
    .action(async (slug: string, opts: { out?: string }) => {
      const services = await ctx.services();
      const markdown = await exportCharter({ services, slug });
      if (opts.out) {
        writeFileSync(opts.out, markdown);
        ctx.err(`Wrote ${opts.out}`);
      } else ctx.out(markdown.replace(/\n$/, ""));
    });

  const aliases = charters
    .command("aliases")
    .description("Review spellings that may be the same person (pending suggestions).")
    .option("--json", "print the suggestions as JSON")
    .option("--all", "include accepted and rejected suggestions")
    .action(async (opts: { json?: boolean; all?: boolean }) => {
      const services = await ctx.services();
      const list = await listAliasSuggestions({ services, all: opts.all });
      if (opts.json) {
        ctx.out(JSON.stringify(list));
        return;
      }
      if (list.length === 0) ctx.out("No pending alias suggestions.");
      for (const s of list) {
        ctx.out(
          `${s.id}\t${s.status}\t"${s.keep.name}" (${s.keep.slug}) <- "${s.merge.name}" (${s.merge.slug})\t${s.reason}`,
        );
      }
    });
  aliases
    .command("accept")
    .description("Merge the two people of a suggestion (the fuller spelling is kept unless --keep).")
    .argument("<ID>", "suggestion id")
    .option("--keep <SLUG>", "the person to keep")
    .action(async (id: string, opts: { keep?: string }) => {
      const services = await ctx.services();
      const r = await acceptAliasSuggestion({ services, id: parseId(id), keep: opts.keep });
      ctx.out(
        `Merged ${r.merged.name} (${r.merged.slug}) into ${r.kept.name} (${r.kept.slug}): ${r.moved.roles} roles, ${r.moved.events} events, ${r.moved.aliases} aliases moved.`,
      );
    });
  aliases
    .command("reject")
    .description("Keep the two people of a suggestion apart.")
    .argument("<ID>", "suggestion id")
    .action(async (id: string) => {
      const services = await ctx.services();
      const r = await rejectAliasSuggestion({ services, id: parseId(id) });
      ctx.out(`Rejected alias suggestion ${r.id}.`);
    });
  aliases
    .command("add")
    .description("Record a spelling of a person's name, used by the next import.")
    .argument("<ALIAS>", 'the spelling, e.g. "Eli Rosselli"')
    .requiredOption("--person <SLUG>", "the person's slug")
    .action(async (alias: string, opts: { person: string }) => {
      const services = await ctx.services();
      const r = await addPersonAlias({ services, alias, personSlug: opts.person });
      ctx.out(
        r.created
          ? `"${r.alias}" now resolves to ${r.personSlug}.`
          : `"${r.alias}" already resolves to ${r.personSlug}.`,
      );
    });

  const root = charters.parent;
  if (root) {
    root
      .command("demo")
      .description("Demo data.")
      .command("seed")
      .description("Load the invented demo groups, people and timeline when the database has no groups.")
      .option("--json", "print the result as JSON")
      .action(async (opts: { json?: boolean }) => {
        const services = await ctx.services();
        const r = await seedDemo({ services, onProgress: (l) => ctx.err(l) });
        if (opts.json) ctx.out(JSON.stringify(r));
        else
          ctx.out(
            r.seeded ? `Seeded ${r.groups} demo groups in ${r.steps} steps.` : `Not seeded: ${r.reason}.`,
          );
      });
  }
}
