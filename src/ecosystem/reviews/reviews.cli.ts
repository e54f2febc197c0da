/** `guildhall reviews take|list|show|compare`. */
import type { Command } from "commander";
import { type CliContext, parseWholeNumber, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { DEFAULT_REVIEW_TOP } from "./review-defaults.ts";

/** Adds the `reviews` commands. */
export function registerReviewsCommands(program: Command, ctx: CliContext): void {
  const reviews = program
    .command("reviews")
    .description("Ecosystem reviews: stored snapshots of the package catalogue's health.");
  reviews
    .command("take")
    .description("Take a review of the catalogue today and store it.")
    .option(
      "--top <n>",
      "most used packages to look at (at risk, time to support)",
      String(DEFAULT_REVIEW_TOP),
    )
    .option("--title <text>", "title of the review")
    .option("--json", "print the result as one JSON object on one line")
    .action(async (opts: { top: string; title?: string; json?: boolean }) => {
      const top = parseWholeNumber(opts.top, "--top", { min: 1, max: 15_000 });
      const { takeReview } = await import("./take-review.ts");
      const services = await ctx.services();
      const r = await takeReview({
        db: services.database.db,
        clock: services.clock,
        by: "command line",
        top,
        title: opts.title,
      });
      if (opts.json) printJsonLines(ctx, [r]);
      else
        ctx.out(
          `review ${r.id}: ${r.title} (${r.data.catalogue.packages} packages, ${r.data.catalogue.synced} synced, ${r.data.atRisk.length} at risk among the top ${r.data.top})`,
        );
    });
  reviews
    .command("list")
    .description("List stored reviews, newest first.")
    .option("--json", "print JSON lines: one object per review")
    .action(async (opts: { json?: boolean }) => {
      const { listReviews } = await import("./get-review.ts");
      const services = await ctx.services();
      for (const r of await listReviews({ db: services.database.db }))
        ctx.out(opts.json ? JSON.stringify(r) : `${r.id}\t${r.takenOn}\t${r.title}\t${r.takenBy}`);
    });
  reviews
    .command("show")
    .description("Print a stored review as markdown, CSV or JSON.")
    .argument("<id>", "review id")
    .option("--format <format>", "markdown, csv or json (--json is the same as json)", "markdown")
    .option("--json", "print the result as one JSON object on one line")
    .action(async (id: string, opts: { format: string; json?: boolean }) => {
      const format = opts.json ? "json" : opts.format;
      if (!["markdown", "csv", "json"].includes(format))
        throw new AppError("validation", {
          message: `Invalid --format: must be markdown, csv or json, got "${opts.format}"`,
        });
      const [{ getReview }, { reviewCsv, reviewMarkdown }] = await Promise.all([
        import("./get-review.ts"),
        import("./review-exports.ts"),
      ]);
      const services = await ctx.services();
      const r = await getReview({ db: services.database.db, id });
      ctx.out(
        format === "json" ? JSON.stringify(r) : format === "csv" ? reviewCsv(r).trimEnd() : reviewMarkdown(r),
      );
    });
  reviews
    .command("compare")
    .description("What improved and what regressed between two reviews.")
    .argument("<a>", "review id")
    .argument("<b>", "the other review id")
    .option("--json", "print the result as one JSON object on one line")
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      const [{ getComparison }, { comparisonMarkdown }] = await Promise.all([
        import("./get-review.ts"),
        import("./review-exports.ts"),
      ]);
      const services = await ctx.services();
      const r = await getComparison({ db: services.database.db, id: a, other: b });
      ctx.out(opts.json ? JSON.stringify(r.comparison) : comparisonMarkdown(r.comparison));
    });
}
