/** The Atom feed of public reports (`/reports.atom`), written by the `feed` package. Board-only reports never appear. */
import { Feed } from "feed";
import type { ReportRow } from "./reports.repo.ts";
import { periodLabel } from "./schedule.ts";

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The feed's XML for public reports, newest first; `updated` is the newest report's time (or `now`). */
export function reportsAtom(input: { baseUrl: string; reports: readonly ReportRow[]; now: Date }): string {
  const base = input.baseUrl.replace(/\/$/u, "");
  const reports = input.reports.filter((r) => r.visibility === "public");
  const feed = new Feed({
    id: `${base}/reports.atom`,
    title: "Guildhall: working group reports",
    description: "Public reports of DSF working groups and teams to the Board.",
    link: `${base}/reports`,
    updated: reports[0]?.submittedAt ?? input.now,
    generator: false,
    copyright: "The reporting groups",
    feedLinks: { atom: `${base}/reports.atom` },
  });
  for (const r of reports) {
    const list = (items: readonly string[]) =>
      `<ul>${items.map((i) => `<li>${escapeXml(i)}</li>`).join("")}</ul>`;
    const parts = [`<h2>Highlights</h2>${list(r.highlights)}`];
    if (r.asks.length) parts.push(`<h2>Asks of the Board</h2>${list(r.asks)}`);
    for (const [title, body] of [
      ["Challenges", r.challenges],
      ["Next steps", r.nextSteps],
      ["Notes", r.notes],
    ] as const) {
      if (body) parts.push(`<h2>${title}</h2><p>${escapeXml(body)}</p>`);
    }
    feed.addItem({
      id: `${base}/reports/${r.id}`,
      title: `${r.group.name}: report for ${periodLabel({ start: r.periodStart, end: r.periodEnd })}`,
      link: `${base}/reports/${r.id}`,
      date: r.submittedAt,
      published: r.submittedAt,
      description: r.highlights.join(" · "),
      content: parts.join("\n"),
      author: [{ name: r.submittedBy ?? r.group.name }],
      category: [{ name: r.group.slug, term: r.group.slug }],
    });
  }
  return feed.atom1();
}
