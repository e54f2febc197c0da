/**
 * `guildhall lifecycle ...`: proposals (list, import from a charter repository checkout), the
 * classification of a charter change between two files, a recorded change's pull-request file or
 * diff, and the lifecycle's items for the Board's agenda. Each action loads its operation when it runs.
 */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { readCharterFile } from "../charter/charter.cli.ts";

const CLI_ACTOR = { userId: null, personId: null, label: "cli" } as const;

/** Adds `guildhall lifecycle ...`. */
export function registerLifecycleCommands(program: Command, ctx: CliContext): void {
  const lifecycle = program
    .command("lifecycle")
    .description("Group proposals, charter changes and shutdowns (the charter repository's README rules).");

  addJsonOption(
    lifecycle.command("proposals").description("Every proposal: status, latest revision, completeness."),
    "proposal",
  ).action(async (opts: JsonFlag) => {
    const [services, { selectProposals }, { checkCharter, isCharterComplete }] = await Promise.all([
      ctx.services(),
      import("./lifecycle.repo.ts"),
      import("../charter/check-charter.ts"),
    ]);
    const rows = (await selectProposals(services.database.db)).map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.charter.name,
      kind: p.charter.kind,
      status: p.status,
      revision: p.revision.number,
      complete: isCharterComplete(checkCharter(p.charter)),
    }));
    if (opts.json) return printJsonLines(ctx, rows);
    if (rows.length === 0) ctx.out("No proposals.");
    for (const r of rows) {
      ctx.out(
        `#${r.id}  ${r.slug}  ${r.name}  ${r.status}  revision ${r.revision}${r.complete ? "" : "  incomplete"}`,
      );
    }
  });

  addJsonOption(
    lifecycle
      .command("import-proposals")
      .description("Import the proposals/ folder of a charter repository checkout as drafts (once per slug).")
      .argument("<dir>", "the checkout (e.g. ../shared/data/dsf-working-groups)"),
  ).action(async (dir: string, opts: JsonFlag) => {
    const [services, { importProposals }] = await Promise.all([
      ctx.services(),
      import("./import-proposals.ts"),
    ]);
    const r = await importProposals({
      deps: { database: services.database, clock: services.clock, log: services.log },
      actor: CLI_ACTOR,
      dir,
    });
    if (opts.json) return printJsonLines(ctx, [r]);
    for (const p of r.imported) ctx.out(`imported #${p.id} ${p.slug} (${p.name})`);
    for (const s of r.skipped) ctx.out(`skipped ${s.slug}: ${s.reason}`);
    if (r.imported.length + r.skipped.length === 0) ctx.out("No proposals in that checkout.");
  });

  addJsonOption(
    lifecycle
      .command("classify")
      .description(
        "Classify the change from one charter file to another: substantive (a Board vote), membership, arrangements or wording.",
      )
      .argument("<before>", "the charter before the change")
      .argument("<after>", "the charter after the change"),
  ).action(async (before: string, after: string, opts: JsonFlag) => {
    const texts = await Promise.all([readCharterFile(before), readCharterFile(after)]);
    const [{ parseCharter }, { classifyCharterChange }] = await Promise.all([
      import("../charter/parse-charter.ts"),
      import("./classify-change.ts"),
    ]);
    const c = classifyCharterChange(
      parseCharter({ markdown: texts[0], path: before }),
      parseCharter({ markdown: texts[1], path: after }),
    );
    if (opts.json) return printJsonLines(ctx, [c]);
    ctx.out(`${c.class}${c.needsBoardVote ? " (needs a Board vote)" : ""}: ${c.reason}`);
    for (const f of c.fields) ctx.out(`  ${f.label} [${f.class}]: ${f.before || "-"} -> ${f.after || "-"}`);
  });

  addJsonOption(
    lifecycle
      .command("export-change")
      .description(
        "A recorded charter change as its pull request carries it: the file (default) or the unified diff.",
      )
      .argument("<id>", "the charter change's id")
      .option("--diff", "print the unified diff instead of the file"),
  ).action(async (id: string, opts: JsonFlag & { diff?: boolean }) => {
    const n = Number(id);
    if (!Number.isInteger(n) || n <= 0)
      throw new AppError("validation", { message: `<id> must be a positive whole number, not "${id}"` });
    const [services, { loadChange }, { loadGroup }, { changePatch }] = await Promise.all([
      ctx.services(),
      import("./lifecycle.repo.ts"),
      import("../decisions/decisions.repo.ts"),
      import("./change-patch.ts"),
    ]);
    const db = services.database.db;
    const change = await loadChange(db, n);
    const group = await loadGroup(db, change.groupId);
    const patch = changePatch({
      path: group.charter.status === "archived" ? `archive/${group.slug}.md` : `active/${group.slug}.md`,
      before: change.beforeMarkdown,
      after: change.afterMarkdown,
    });
    if (opts.json)
      return printJsonLines(ctx, [{ id: change.id, class: change.class, status: change.status, ...patch }]);
    ctx.out((opts.diff ? patch.diff : patch.markdown).replace(/\n$/, ""));
  });

  addJsonOption(
    lifecycle
      .command("agenda")
      .description(
        "For the Board's agenda: proposals and changes waiting for a vote, shutdowns, groups at risk.",
      ),
  ).action(async (opts: JsonFlag) => {
    const [services, { listLifecycleAgendaItems }] = await Promise.all([
      ctx.services(),
      import("./list-lifecycle-agenda-items.ts"),
    ]);
    const agenda = await listLifecycleAgendaItems({
      db: services.database.db,
      day: services.clock.now().toISOString().slice(0, 10),
    });
    if (opts.json) return printJsonLines(ctx, [agenda]);
    const sections = [
      ["Proposals waiting for the Board", agenda.proposals],
      ["Charter changes waiting for the Board", agenda.charterChanges],
      ["Shutdowns under way", agenda.shutdowns],
      ["Groups a forced shutdown ground holds for", agenda.atRisk],
    ] as const;
    for (const [title, items] of sections) {
      ctx.out(`${title}:`);
      if (items.length === 0) ctx.out("  none");
      for (const i of items) ctx.out(`  ${i.text}${i.facts.length ? ` (${i.facts.join("; ")})` : ""}`);
    }
  });
}
