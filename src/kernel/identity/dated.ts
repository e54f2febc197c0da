/**
 * Dated roles: the one rule for "held on day D" and the one validation of a period's dates, shared
 * by foundation roles (kernel) and group role periods (governance). Pure.
 */
/** The calendar day (UTC) of an instant, YYYY-MM-DD: the one day rule of the application. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A dated holding of a role; held on D when startedOn <= D and (endedOn null or D < endedOn). */
export interface Holding {
  startedOn: string | null;
  endedOn: string | null;
}

/** True when a dated holding covers `on` (YYYY-MM-DD). */
export function holdsOn(h: Holding, on: string): boolean {
  return (h.startedOn === null || h.startedOn <= on) && (h.endedOn === null || on < h.endedOn);
}

/** The holdings of a list that cover `on`. */
export function heldOn<T extends Holding>(holdings: readonly T[], on: string): T[] {
  return holdings.filter((h) => holdsOn(h, on));
}

/**
 * Why a period starting on `startedOn` cannot end on `endedOn` (null when it can): a period ends
 * after it starts, and an ended one is not ended again.
 */
export function endRefusal(
  period: { startedOn: string; endedOn: string | null },
  endedOn: string,
  opts: { refuseEnded: boolean },
): { code: "conflict" | "validation"; message: string } | null {
  if (opts.refuseEnded && period.endedOn !== null) {
    return { code: "conflict", message: `already ended on ${period.endedOn}` };
  }
  if (endedOn <= period.startedOn) {
    return { code: "validation", message: `must be after ${period.startedOn}` };
  }
  return null;
}
