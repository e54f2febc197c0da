/**
 * The next meeting an applicant is told about: a recorded date, rolled forward by the charter's
 * meeting cadence when it has passed. Pure: imports nothing from platform/.
 */
import { addDays, addMonths } from "../decisions/terms.ts";

/** What an applicant is told about the group's next meeting. */
export interface NextMeeting {
  /** The date as YYYY-MM-DD, or null when it cannot be known. */
  on: string | null;
  /** One sentence for the applicant. */
  text: string;
}

/** One cadence step forward from a day, for the cadences that have a rhythm. */
export const STEP: Record<string, (day: string) => string> = {
  weekly: (d) => addDays(d, 7),
  fortnightly: (d) => addDays(d, 14),
  monthly: (d) => addMonths(d, 1),
  "every-two-months": (d) => addMonths(d, 2),
  quarterly: (d) => addMonths(d, 3),
  "twice-yearly": (d) => addMonths(d, 6),
  annual: (d) => addMonths(d, 12),
};

/** How a cadence is said in a sentence ("the group meets monthly"). */
export const CADENCE_TEXT: Record<string, string> = {
  weekly: "weekly",
  fortnightly: "every two weeks",
  monthly: "monthly",
  "every-two-months": "every two months",
  quarterly: "quarterly",
  "twice-yearly": "twice a year",
  annual: "once a year",
  "as-needed": "as needed",
  none: "without regular meetings",
  other: "on its own schedule",
};

/** The next meeting on or after `today`, from a recorded date and the charter's cadence. */
export function nextMeeting(input: {
  today: string;
  recorded: string | null;
  cadence: string | null;
}): NextMeeting {
  const cadenceText = input.cadence ? CADENCE_TEXT[input.cadence] : undefined;
  const meets = cadenceText ? `The group meets ${cadenceText}` : "The charter gives no meeting cadence";
  if (input.recorded) {
    let on = input.recorded;
    const step = input.cadence ? STEP[input.cadence] : undefined;
    // Roll a past date forward by the cadence (bounded: a stale date many years old stops).
    for (let i = 0; step && on < input.today && i < 1000; i++) on = step(on);
    if (on >= input.today) return { on, text: `${meets}; the next meeting is on ${on}.` };
  }
  return { on: null, text: `${meets}; the next meeting date has not been recorded yet.` };
}
