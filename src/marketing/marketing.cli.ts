/**
 * The marketing room's command-line door (`src/cli.ts` imports this file, not index.ts): `guildhall
 * marketing matrix|items|blog`. Declaring the commands loads none of the room's operations.
 */
import type { Command } from "commander";
import { type CliContext, printJsonLines } from "../platform/cli.ts";

/** Adds the `marketing` commands. */
export function registerMarketingCommands(program: Command, ctx: CliContext): void {
  const marketing = program
    .command("marketing")
    .description("The Marketing WG's content and who approves it.");
  marketing
    .command("matrix")
    .description(
      "Print the delegation matrix: for each kind of content, who approves it and the charter line it comes from.",
    )
    .option("--json", "print JSON lines: one object per row")
    .action(async (opts: { json?: boolean }) => {
      const { getMatrix } = await import("./get-matrix.ts");
      const services = await ctx.services();
      const m = await getMatrix({ db: services.database.db, clock: services.clock });
      const rows = m.rows.map((r) => ({
        kind: r.kind,
        approvers: r.steps.map((s) => s.who),
        sources: r.sources.map((s) => ({ path: s.path, line: s.line })),
        overridden: r.override !== null,
      }));
      if (opts.json) {
        printJsonLines(ctx, rows);
        return;
      }
      for (const r of rows) {
        const where =
          r.sources.map((s) => `${s.path ?? "charter"}:${s.line ?? "?"}`).join(", ") || "not delegated";
        ctx.out(`${r.kind}\t${r.approvers.join("; ")}\t${where}${r.overridden ? "\t(overridden)" : ""}`);
      }
    });
  marketing
    .command("items")
    .description("List content items, newest first (every state).")
    .option("--json", "print JSON lines: one object per item")
    .action(async (opts: { json?: boolean }) => {
      const { listItems } = await import("./marketing.repo.ts");
      const services = await ctx.services();
      const items = (await listItems(services.database.db, true)).map((i) => ({
        id: i.id,
        kind: i.kind,
        network: i.network,
        state: i.state,
        title: i.title,
        revision: i.revision,
        updatedAt: i.updatedAt.toISOString(),
      }));
      if (opts.json) printJsonLines(ctx, items);
      else for (const i of items) ctx.out(`${i.id}\t${i.kind}\t${i.state}\t${i.title}`);
    });
  marketing
    .command("blog")
    .description("List the published blog posts, newest first (what /blog shows).")
    .option("--json", "print JSON lines: one object per post")
    .option("--export", "print every published post as one JSON array in djangoproject.com's Entry fields")
    .action(async (opts: { json?: boolean; export?: boolean }) => {
      const { listPosts } = await import("./blog/blog.repo.ts");
      const services = await ctx.services();
      const posts = await listPosts(services.database.db, { limit: 100_000 });
      if (opts.export) {
        const { presentDjangoEntry } = await import("./blog/blog.presenters.ts");
        // One line: the array /blog/export.json serves.
        printJsonLines(ctx, [posts.map(presentDjangoEntry)]);
        return;
      }
      const rows = posts.map((p) => ({
        slug: p.slug,
        title: p.title,
        publishedAt: p.publishedAt.toISOString(),
        authors: p.authors,
        tags: p.tags,
      }));
      if (opts.json) printJsonLines(ctx, rows);
      else for (const r of rows) ctx.out(`${r.publishedAt}\t${r.slug}\t${r.title}`);
    });
}
