/**
 * Wall-clock times in IANA time zones, with the runtime's zone database (Intl): validating a zone
 * name, turning a local date and time into an instant (refusing times a clock change skips), and
 * back. Pure: imports nothing from platform/.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's canonical spelling when `name` is an IANA zone the runtime knows, else null. */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  // Offsets such as "+02:00" are not zones: they do not follow clock changes.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed)) return null;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
    if (resolved === "UTC" || resolved === "Etc/UTC") return "UTC";
    return resolved.includes("/") ? resolved : null;
  } catch {
    return null;
  }
}

/** The wall clock in `timeZone` at `instant`. */
export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** Seconds, for exact comparisons. */
  second: number;
}

/** The local date and time in `timeZone` at `instant`. */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    second: Number(parts.second),
  };
}

/** Minutes east of UTC in `timeZone` at `instant` (Europe/Berlin in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.parse(`${w.date}T${w.time}:${String(w.second).padStart(2, "0")}Z`);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time`; null when no instant does
 * (the hour a spring clock change skips). An ambiguous autumn time is its first occurrence.
 */
export function instantOf(date: string, time: string, timeZone: string): Date | null {
  const naive = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(naive)) return null;
  // Try the offsets in force around that time; keep those that give back the same wall clock.
  const candidates = new Set<number>();
  for (const probe of [naive - 86_400_000, naive, naive + 86_400_000]) {
    candidates.add(naive - offsetMinutes(new Date(probe), timeZone) * 60_000);
  }
  const fits = [...candidates]
    .filter((t) => {
      const w = wallClockOf(new Date(t), timeZone);
      return w.date === date && w.time === time;
    })
    .sort((a, b) => a - b);
  return fits[0] === undefined ? null : new Date(fits[0]);
}

/** "+02:00" style offset text. */
export function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** A readable time with its zone: "2026-07-01 18:00 Europe/Berlin (UTC+02:00)". */
export function describeTime(instant: Date, timeZone: string): string {
  const w = wallClockOf(instant, timeZone);
  return `${w.date} ${w.time} ${timeZone} (UTC${offsetText(offsetMinutes(instant, timeZone))})`;
}

/** One period of a zone's history: from `startsAt` the offset is `offset` (minutes east of UTC). */
export interface ZoneTransition {
  startsAt: Date;
  offsetFrom: number;
  offset: number;
}

/** Finds the minute an offset changes between two instants with different offsets. */
function bisect(lo: number, hi: number, timeZone: string): number {
  const before = offsetMinutes(new Date(lo), timeZone);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutes(new Date(mid), timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The offset changes of `timeZone` from the start of year `from` to the end of year `to`. */
export function transitionsOf(timeZone: string, from: number, to: number): ZoneTransition[] {
  const out: ZoneTransition[] = [];
  const end = Date.UTC(to + 1, 0, 1);
  const step = 86_400_000;
  let t = Date.UTC(from, 0, 1);
  let offset = offsetMinutes(new Date(t), timeZone);
  for (; t < end; t += step) {
    const next = offsetMinutes(new Date(t + step), timeZone);
    if (next !== offset) {
      out.push({ startsAt: new Date(bisect(t, t + step, timeZone)), offsetFrom: offset, offset: next });
      offset = next;
    }
  }
  return out;
}
