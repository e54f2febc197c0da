/**
 * VTIMEZONE components (RFC 5545 3.6.5) from the runtime's zone database: one observance per offset
 * change in the years the feed covers, so calendar programs turn each TZID time into the right
 * instant without a zone database of their own. Pure: imports nothing from platform/.
 */
import { offsetMinutes, transitionsOf, wallClockOf } from "./time-zones.ts";

function offsetValue(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** Local date-time value (no zone) of `instant` as the wall clock at `offset` minutes showed it. */
function localValue(instant: Date, offset: number): string {
  const shifted = new Date(instant.getTime() + offset * 60_000).toISOString();
  return `${shifted.slice(0, 4)}${shifted.slice(5, 7)}${shifted.slice(8, 10)}T${shifted.slice(11, 13)}${shifted.slice(14, 16)}${shifted.slice(17, 19)}`;
}

function observance(kind: "STANDARD" | "DAYLIGHT", start: string, from: number, to: number): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetValue(from)}`,
    `TZOFFSETTO:${offsetValue(to)}`,
    `END:${kind}`,
  ];
}

/** The VTIMEZONE of `timeZone` covering the years `from` to `to` (CRLF line ends). */
export function vtimezone(timeZone: string, from: number, to: number): string {
  const start = new Date(Date.UTC(from, 0, 1));
  const first = offsetMinutes(start, timeZone);
  const w = wallClockOf(start, timeZone);
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${timeZone}`,
    ...observance("STANDARD", `${w.date.replaceAll("-", "")}T${w.time.replace(":", "")}00`, first, first),
  ];
  for (const t of transitionsOf(timeZone, from, to)) {
    const kind = t.offset > t.offsetFrom ? "DAYLIGHT" : "STANDARD";
    lines.push(...observance(kind, localValue(t.startsAt, t.offsetFrom), t.offsetFrom, t.offset));
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
