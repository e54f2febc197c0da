/**
 * The marketing room's command-line door (`src/cli.ts` imports this file, not index.ts): `guildhall
 * marketing matrix|items|blog|campaigns|calendar`. Declaring the commands loads none of the room's operations.
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
  marketing
    .command("campaigns")
    .description("List campaigns, latest first, with their dates, owner and how many items are published.")
    .option("--json", "print JSON lines: one object per campaign")
    .action(async (opts: { json?: boolean }) => {
      const { listCampaigns, campaignStateCounts } = await import("./marketing.repo.ts");
      const { campaignProgress } = await import("./calendar.ts");
      const services = await ctx.services();
      const db = services.database.db;
      const counts = await campaignStateCounts(db);
      const rows = (await listCampaigns(db)).map((c) => {
        const p = campaignProgress(
          counts.filter((r) => r.campaignId === c.id).flatMap((r) => Array<string>(r.n).fill(r.state)),
        );
        return {
          id: c.id,
          name: c.name,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          owner: c.ownerName,
          items: p.total,
          published: p.published,
        };
      });
      if (opts.json) printJsonLines(ctx, rows);
      else
        for (const c of rows)
          ctx.out(`${c.id}\t${c.startsOn}..${c.endsOn}\t${c.published}/${c.items} published\t${c.name}`);
    });
  marketing
    .command("calendar")
    .description("Print the editorial calendar of a month or week (every state), with its clashes.")
    .option("--view <view>", "month or week", "month")
    .option("--date <day>", "a day in the period, YYYY-MM-DD (default: today)")
    .option("--json", "print JSON lines: one object per item, with clash true or false")
    .action(async (opts: { view: string; date?: string; json?: boolean }) => {
      const { CALENDAR_VIEWS, clashesOf, periodOf, placeOf } = await import("./calendar.ts");
      const { listCalendarItems } = await import("./marketing.repo.ts");
      const { ITEM_STATES, channelOf } = await import("./content-kinds.ts");
      const { Day, oneOf } = await import("../platform/validation.ts");
      const { AppError } = await import("../platform/errors.ts");
      const services = await ctx.services();
      const view = oneOf(CALENDAR_VIEWS).safeParse(opts.view);
      const day = Day.safeParse(opts.date ?? services.clock.now().toISOString().slice(0, 10));
      if (!view.success || !day.success)
        throw new AppError("validation", { message: "Invalid --view (month, week) or --date (YYYY-MM-DD)." });
      const period = periodOf(view.data, day.data);
      const items = await listCalendarItems(services.database.db, {
        from: period.start,
        to: period.end,
        states: ITEM_STATES,
        campaignId: null,
      });
      const entries = items.flatMap((i) => {
        const d = placeOf(i);
        return d === null
          ? []
          : [
              {
                id: i.id,
                day: d,
                channel: channelOf(i.kind as never, i.network),
                state: i.state,
                title: i.title,
              },
            ];
      });
      entries.sort((a, b) => a.day.localeCompare(b.day) || a.channel.localeCompare(b.channel) || a.id - b.id);
      const clashing = new Set(clashesOf(entries).flatMap((c) => c.ids));
      const rows = entries.map((e) => ({ ...e, clash: clashing.has(e.id) }));
      if (opts.json) printJsonLines(ctx, rows);
      else
        for (const r of rows)
          ctx.out(`${r.day}\t${r.channel}\t${r.state}\t${r.title}${r.clash ? "\t(clash)" : ""}`);
    });
}
