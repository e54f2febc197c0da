/** Record that the Board met on a day (Board members and administrators): the agenda then covers what came after. */
import { z } from "zod";
import type { Clock } from "../../platform/clock.ts";
import { type Db, toAppError } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import { Day, optionalText } from "../../platform/validation.ts";
import { type BoardMeetingRow, insertBoardMeeting } from "./board-meetings.repo.ts";

/** The minutes' address: https only. */
const MinutesUrl = optionalText({ max: 500 }).refine(
  (v) => v === null || (/^https:\/\/[^\s]+$/iu.test(v) && URL.canParse(v)),
  { message: "must be an https:// address" },
);

/** What recording a Board meeting takes. */
export const RecordBoardMeetingInputSchema = z.object({
  heldOn: Day.describe("The day the Board met (YYYY-MM-DD, UTC), today or earlier."),
  minutesUrl: MinutesUrl.describe("The published minutes (https://), when there are any."),
});

/** Records the meeting day; a day in the future is refused, and a day recorded twice is a conflict. */
export async function recordBoardMeeting(input: {
  db: Db;
  clock: Clock;
  actor: { userId: number | null; name: string };
  input: z.output<typeof RecordBoardMeetingInputSchema>;
}): Promise<BoardMeetingRow> {
  const now = input.clock.now();
  const today = now.toISOString().slice(0, 10);
  if (input.input.heldOn > today) {
    throw new AppError("validation", {
      message: "Invalid Board meeting: heldOn: record a meeting once it has happened",
      issues: [
        { field: "heldOn", message: `must be today (${today}) or earlier: record a meeting once held` },
      ],
    });
  }
  try {
    return await insertBoardMeeting(input.db, {
      heldOn: input.input.heldOn,
      minutesUrl: input.input.minutesUrl,
      recordedByUserId: input.actor.userId,
      recordedBy: input.actor.name,
      createdAt: now,
    });
  } catch (e) {
    throw toAppError(e);
  }
}
