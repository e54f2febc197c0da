/** Where a series shows on the calendar page, and the command that fills a gap in it (pure). */

/** The id of a series' row on `/releases`. */
export function seriesAnchor(series: string): string {
  return `series-${series}`;
}

/** The command that records a milestone date, for pages that say how to fill a gap. */
export function recordCommand(series: string, milestone: string): string {
  return `guildhall releases record ${series} ${milestone} YYYY-MM-DD --note URL-of-the-announcement`;
}
