/**
 * Times and days as people read them, with the time zone: "3 December 2026, 14:00 UTC" and
 * "3 December 2026", inside a `<time datetime>` element carrying the machine-readable value.
 * Guildhall stores and shows every instant in UTC, so the zone is always named.
 */

/** The months' names, January first. */
export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day (YYYY-MM-DD) as "3 December 2026"; anything else is returned as it is. */
export function formatDay(day: string): string {
  const m = DAY.exec(day);
  if (!m) return day;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : day;
}

/** An instant (a Date or an ISO 8601 string) as "3 December 2026, 14:00 UTC". */
export function formatInstant(at: Date | string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const iso = date.toISOString();
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** An instant in a `<time>` element: "3 December 2026, 14:00 UTC" with `datetime` in ISO 8601. */
export function When(props: { at: Date | string }) {
  const date = typeof props.at === "string" ? new Date(props.at) : props.at;
  if (Number.isNaN(date.getTime())) return <>{String(props.at)}</>;
  return <time datetime={date.toISOString()}>{formatInstant(date)}</time>;
}

/** A day in a `<time>` element: "3 December 2026" with `datetime` YYYY-MM-DD. */
export function OnDay(props: { day: string }) {
  if (!DAY.test(props.day)) return <>{props.day}</>;
  return <time datetime={props.day}>{formatDay(props.day)}</time>;
}
