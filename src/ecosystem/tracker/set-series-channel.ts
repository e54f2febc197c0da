/** Sets the discussion channel of an upcoming series' compatibility work (the group decided who may). */
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { audit } from "../maintainers/maintainers.repo.ts";
import { findUpcomingSeries } from "./get-tracker.ts";
import { findChannel, setBy, upsertChannel } from "./tracker.repo.ts";

/** Sets the channel's address. */
export async function setSeriesChannel(input: {
  db: Db;
  clock: Clock;
  series: string;
  url: string;
  by: { userId: number | null; name: string };
}) {
  const series = await findUpcomingSeries(input);
  const now = input.clock.now();
  return input.db.transaction(async (tx) => {
    const before = await findChannel(tx, series.series);
    const saved = await upsertChannel(tx, {
      series: series.series,
      url: input.url,
      ...setBy(input.by, now),
    });
    await audit(tx, {
      by: input.by,
      at: now,
      action: "release.channel",
      subjectType: "release-series",
      subjectId: series.series,
      before: before ? { url: before.url } : null,
      after: { url: saved.url },
    });
    return saved;
  });
}
