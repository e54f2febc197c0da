/**
 * `guildhall charters import | history | export | aliases` and `guildhall demo seed`: parse the
 * arguments, call one operation (loaded when the command runs), print. Human-readable by default,
 * JSON lines with --json.
 */
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import {
  addJsonOption,
  type CliContext,
  type JsonFlag,
  parseId,
  printJsonLines,
} from "../../platform/cli.ts";
import type { ImportSummary } from "./import-charters.ts";

/** Prints an import summary for people: one line per change, then people and suggestions. */
export function formatImportSummary(s: ImportSummary): string[] {
  const refused = s.refused.map((r) => `  refused ${r.path}: ${r.reason}`);
  const c = s.commit;
  const at = !c
    ? "  commit not known: not a git checkout, and no SNAPSHOT.txt names one"
    : c.clean
      ? `  read at commit ${c.sha.slice(0, 12)} (committed ${c.committedAt.slice(0, 10)}${c.from === "SNAPSHOT.txt" ? ", as SNAPSHOT.txt says" : ""})`
      : `  read at commit ${c.sha.slice(0, 12)} with uncommitted changes: no commit recorded`;
  if (!s.changed)
    return [`No changes since the last import (${s.groupsChecked} groups checked).`, at, ...refused];
  const out = [`Imported ${s.groupsChecked} groups from ${s.source}:`, at, ...refused];
  for (const line of s.lines) out.push(`  ${line}`);
  for (const slug of s.updated) out.push(`  ${slug}: charter text updated`);
  if (s.peopleCreated.length > 0) out.push(`  ${s.peopleCreated.length} new people`);
  for (const sug of s.suggestionsCreated) {
    out.push(`  alias suggestion ${sug.id}: "${sug.a}" / "${sug.b}" (${sug.reason})`);
  }
  out.push(
    s.eventsRecorded > 0
      ? `  ${s.eventsRecorded} timeline events recorded (import ${s.importId ?? "-"})`
      : `  recorded as import ${s.importId ?? "-"}; timelines are dated by \`guildhall charters history\` from the commits`,
  );
  return out;
}

/** Adds the registry's subcommands under `charters`, and `demo seed` beside it. */
export function registerRegistryCommands(charters: Command, ctx: CliContext): void {
  addJsonOption(
    charters
      .command("import")
      .description("Store every group of a checkout of the charter repository and report what changed.")
      .argument("<DIR>", "a checkout of django/dsf-working-groups"),
  ).action(async (dir: string, opts: JsonFlag) => {
    const { importCharters } = await import("./import-charters.ts");
    const services = await ctx.services();
    const summary = await importCharters({ services, dir, onProgress: (l) => ctx.err(l) });
    for (const w of summary.warnings) for (const m of w.warnings) ctx.err(`warning: ${w.path}: ${m}`);
    if (opts.json) printJsonLines(ctx, [summary]);
    else for (const line of formatImportSummary(summary)) ctx.out(line);
  });

  addJsonOption(
    charters
      .command("history")
      .description("Replay every commit that touched a charter into the groups' timelines (idempotent).")
      .argument("<GIT_DIR>", "a clone of django/dsf-working-groups")
      .option("--ref <REF>", "branch to walk (first-parent chain)", "HEAD"),
  ).action(async (gitDir: string, opts: JsonFlag & { ref: string }) => {
    const { replayHistory } = await import("./replay-history.ts");
    const services = await ctx.services();
    const summary = await replayHistory({ services, gitDir, ref: opts.ref, onProgress: (l) => ctx.err(l) });
    if (opts.json) {
      printJsonLines(ctx, [summary]);
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
      const { exportCharter } = await import("./export-charter.ts");
      const services = await ctx.services();
      const markdown = await exportCharter({ services, slug });
      if (opts.out) {
        writeFileSync(opts.out, markdown);
        ctx.err(`Wrote ${opts.out}`);
      } else ctx.out(markdown.replace(/\n$/, ""));
    });

  const aliases = addJsonOption(
    charters
      .command("aliases")
      .description("Review spellings that may be the same person (pending suggestions).")
      .option("--all", "include accepted and rejected suggestions"),
    "suggestion",
  ).action(async (opts: JsonFlag & { all?: boolean }) => {
    const { listAliasSuggestions } = await import("./list-alias-suggestions.ts");
    const services = await ctx.services();
    const list = await listAliasSuggestions({ services, all: opts.all });
    if (opts.json) {
      printJsonLines(ctx, list);
      return;
    }
    if (list.length === 0) ctx.out(opts.all ? "No alias suggestions." : "No pending alias suggestions.");
    for (const s of list) {
      ctx.out(
        `${s.id}\t${s.status}\t"${s.keep.name}" (${s.keep.slug}) <- "${s.merge.name}" (${s.merge.slug})\t${s.reason}`,
      );
    }
  });
  addJsonOption(
    aliases
      .command("accept")
      .description("Merge the two people of a suggestion (the fuller spelling is kept unless --keep).")
      .argument("<ID>", "suggestion id")
      .option("--keep <SLUG>", "the person to keep"),
  ).action(async (id: string, opts: JsonFlag & { keep?: string }) => {
    const suggestionId = parseId(id);
    const { acceptAliasSuggestion } = await import("./accept-alias-suggestion.ts");
    const services = await ctx.services();
    const r = await acceptAliasSuggestion({ services, id: suggestionId, keep: opts.keep });
    if (opts.json) printJsonLines(ctx, [r]);
    else
      ctx.out(
        `Merged ${r.merged.name} (${r.merged.slug}) into ${r.kept.name} (${r.kept.slug}): ${r.moved.roles} roles, ${r.moved.events} events, ${r.moved.aliases} aliases moved.`,
      );
  });
  addJsonOption(
    aliases
      .command("reject")
      .description("Keep the two people of a suggestion apart.")
      .argument("<ID>", "suggestion id"),
  ).action(async (id: string, opts: JsonFlag) => {
    const suggestionId = parseId(id);
    const { rejectAliasSuggestion } = await import("./reject-alias-suggestion.ts");
    const services = await ctx.services();
    const r = await rejectAliasSuggestion({ services, id: suggestionId });
    if (opts.json) printJsonLines(ctx, [r]);
    else ctx.out(`Rejected alias suggestion ${r.id}.`);
  });
  addJsonOption(
    aliases
      .command("add")
      .description("Record a spelling of a person's name, used by the next import.")
      .argument("<ALIAS>", 'the spelling, e.g. "Eli Rosselli"')
      .requiredOption("--person <SLUG>", "the person's slug"),
  ).action(async (alias: string, opts: JsonFlag & { person: string }) => {
    const { addPersonAlias } = await import("./add-person-alias.ts");
    const services = await ctx.services();
    const r = await addPersonAlias({ services, alias, personSlug: opts.person });
    if (opts.json) printJsonLines(ctx, [r]);
    else
      ctx.out(
        r.created
          ? `"${r.alias}" now resolves to ${r.personSlug}.`
          : `"${r.alias}" already resolves to ${r.personSlug}.`,
      );
  });

  const root = charters.parent;
  if (root) {
    addJsonOption(
      root
        .command("demo")
        .description("Demo data.")
        .command("seed")
        .description("Load the invented demo groups, people and timeline when the database has no groups."),
    ).action(async (opts: JsonFlag) => {
      const { seedDemo } = await import("./seed-demo.ts");
      const services = await ctx.services();
      const r = await seedDemo({ services, onProgress: (l) => ctx.err(l) });
      if (opts.json) printJsonLines(ctx, [r]);
      else
        ctx.out(
          r.seeded ? `Seeded ${r.groups} demo groups in ${r.steps} steps.` : `Not seeded: ${r.reason}.`,
        );
    });
  }
}
