/** `guildhall handovers list [--group SLUG] [--all] [--json]`: the action loads its operation when it runs. */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printList } from "../../platform/cli.ts";

/** Adds `guildhall handovers ...`. */
export function registerHandoverCommands(program: Command, ctx: CliContext): void {
  const handovers = program
    .command("handovers")
    .description("Open items whose owner's role in a group ended, and their hand-over notes.");
  addJsonOption(
    handovers
      .command("list")
      .description(
        "List flagged items needing a new owner, newest hand-over first (with --all, reassigned and closed ones too).",
      )
      .option("--group <slug>", "only this group's hand-overs")
      .option("--all", "include items already reassigned or no longer open"),
    "flagged item",
  ).action(async (opts: JsonFlag & { group?: string; all?: boolean }) => {
    const [{ database }, { listHandovers }, { loadGroup }, { registerTurnover }] = await Promise.all([
      ctx.services(),
      import("../../kernel/index.ts"),
      import("../decisions/decisions.repo.ts"),
      import("./register.ts"),
    ]);
    registerTurnover();
    const db = database.db;
    const groupIds = opts.group ? [(await loadGroup(db, opts.group)).id] : undefined;
    const list = await listHandovers(db, { ...(groupIds ? { groupIds } : {}), open: !opts.all });
    const rows = list.flatMap((h) =>
      h.items
        .filter((i) => opts.all || i.state === "needs-owner")
        .map((i) => ({
          group: h.group.slug,
          person: h.person.name,
          endedOn: h.endedOn,
          cause: h.cause,
          handoverId: h.id,
          itemId: i.id,
          kind: i.kind,
          title: i.title,
          dueOn: i.dueOn,
          state: i.state,
          newOwner: i.newOwner?.name ?? null,
          note: h.note,
        })),
    );
    printList(ctx, opts, rows, {
      empty: opts.group ? `Nothing in ${opts.group} needs a new owner.` : "Nothing needs a new owner.",
      header: ["group", "left", "on", "why", "item", "kind", "title", "due", "state"],
      row: (r) => [
        r.group,
        r.person,
        r.endedOn,
        r.cause,
        String(r.itemId),
        r.kind,
        r.title,
        r.dueOn ?? "",
        r.state,
      ],
    });
  });
}
