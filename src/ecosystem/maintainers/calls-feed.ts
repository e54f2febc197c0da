/** The Atom feed of open calls for maintainers (the `feed` package writes the XML). */
import { Feed } from "feed";

/** One open call as the feed shows it. */
export interface FeedCall {
  id: number;
  packageName: string;
  displayName: string;
  help: string;
  skills: string;
  hoursPerWeek: number;
  createdByName: string;
  openedAt: Date;
}

/** Renders the feed; `baseUrl` makes every link absolute. `updated` is the newest call (or `now` when none). */
export function renderCallsFeed(input: { baseUrl: string; calls: readonly FeedCall[]; now: Date }): string {
  const base = input.baseUrl.replace(/\/$/, "");
  const newest = input.calls.reduce<Date | null>(
    (m, c) => (m === null || c.openedAt > m ? c.openedAt : m),
    null,
  );
  const feed = new Feed({
    id: `${base}/maintainers-wanted`,
    title: "Django packages: maintainers wanted",
    description: "Open calls for new maintainers on Django packages.",
    link: `${base}/maintainers-wanted`,
    feedLinks: { atom: `${base}/maintainers-wanted.atom` },
    updated: newest ?? input.now,
    generator: "Guildhall",
    copyright: "",
  });
  for (const c of input.calls) {
    feed.addItem({
      id: `${base}/maintainer-calls/${c.id}`,
      title: `${c.displayName}: maintainers wanted`,
      link: `${base}/packages/${c.packageName}/maintainers`,
      date: c.openedAt,
      published: c.openedAt,
      description: `Help needed: ${c.help}. Skills: ${c.skills}. About ${c.hoursPerWeek} hours a week.`,
      author: [{ name: c.createdByName }],
    });
  }
  return feed.atom1();
}
