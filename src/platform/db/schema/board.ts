import { sql } from "drizzle-orm";
import { check, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./accounts.ts";
import { createdAtColumn, day, idColumn, refersTo } from "./columns.ts";

/**
 * A day the DSF Board met, as a Board member or an administrator recorded it (one record per day),
 * with the minutes' address when known. The Board's agenda covers what happened since the last one.
 */
export const boardMeetings = pgTable(
  "board_meetings",
  {
    id: idColumn(),
    heldOn: day("held_on").notNull(),
    /** The published minutes (https), when there are any. */
    minutesUrl: text("minutes_url"),
    recordedByUserId: refersTo("recorded_by_user_id", () => users.id),
    /** Who recorded it, as shown ("Ada Lovelace"), kept when the account goes. */
    recordedBy: text("recorded_by").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("board_meetings_one_per_day").on(t.heldOn),
    check("board_meetings_minutes_https", sql`${t.minutesUrl} is null or ${t.minutesUrl} like 'https://%'`),
  ],
);
