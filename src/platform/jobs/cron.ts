/** Cron arithmetic for the in-process scheduler: which tick, if any, fell between two instants. */
import cronParser from "cron-parser";

/** The latest tick of `cron` (read in `tz`) at or before `now`. */
export function latestTick(cron: string, tz: string, now: Date): Date {
  // prev() is strictly before currentDate; one millisecond later makes a tick at `now` count.
  return cronParser
    .parseExpression(cron, { tz, currentDate: new Date(now.getTime() + 1) })
    .prev()
    .toDate();
}

/**
 * The tick to run when the clock moved from `after` (exclusive) to `now` (inclusive), or null.
 * Several missed ticks give one run, at the latest of them: recurring sweeps catch up once.
 */
export function dueTick(input: { cron: string; tz: string; after: Date; now: Date }): Date | null {
  if (input.now.getTime() <= input.after.getTime()) return null;
  const tick = latestTick(input.cron, input.tz, input.now);
  return tick.getTime() > input.after.getTime() ? tick : null;
}
