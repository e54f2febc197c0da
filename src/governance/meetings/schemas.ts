/** Inputs of the meeting operations (HTTP forms, JSON, command line) and the JSON API's answers. */
import { z } from "zod";
import { Day, Flag, Id, optionalText, text, wholeNumber } from "../../platform/validation.ts";
import { canonicalTimeZone } from "./time-zones.ts";

/** HH:MM on a 24-hour clock. */
export const TimeOfDay = z
  .string({ message: "must be a time such as 18:30" })
  .trim()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { message: "must be a time such as 18:30 (24-hour clock)" });

/** An IANA time zone the runtime knows, canonically spelled. */
export const TimeZone = z
  .string({ message: "must be a time zone such as Europe/Amsterdam" })
  .transform((raw, ctx) => {
    const zone = canonicalTimeZone(raw);
    if (!zone) {
      ctx.addIssue({
        code: "custom",
        message: "must be an IANA time zone such as Europe/Amsterdam, America/New_York or UTC",
      });
      return z.NEVER;
    }
    return zone;
  });

/** A video or chat link: http(s) only. */
export const MeetingLink = optionalText({ max: 500 }).refine(
  (v) => v === null || (/^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v)),
  { message: "must be an http:// or https:// address" },
);

/** When and where a meeting is held (scheduling and rescheduling). */
export const MeetingTimeSchema = z.object({
  title: text({ max: 200 }),
  date: Day,
  time: TimeOfDay,
  timeZone: TimeZone,
  durationMinutes: z
    .preprocess((v) => (v === "" || v === undefined ? 60 : v), wholeNumber({ min: 5, max: 1440 }))
    .describe("Length in minutes (5 to 1440; default 60)."),
  link: MeetingLink,
});
export type MeetingTimeInput = z.output<typeof MeetingTimeSchema>;

export const AgendaItemSchema = z.object({ title: text({ max: 300 }) });

export const NotesSchema = z.object({
  publicNotes: optionalText({ multiline: true, max: 20_000 }),
  privateNotes: optionalText({ multiline: true, max: 20_000 }),
  /** Publish the public part (once published it stays published). */
  publish: Flag,
});

export const ActionItemSchema = z.object({
  title: text({ max: 300 }),
  ownerPersonId: Id.describe("The person who owns it: a participant of the group."),
  dueOn: Day,
});

const Instant = z.string().describe("ISO 8601 instant (UTC).");

const MeetingSummary = z.object({
  id: z.number().int(),
  uid: z.string(),
  group: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  timeZone: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  durationMinutes: z.number().int(),
  link: z.string().nullable(),
  status: z.enum(["scheduled", "cancelled"]),
  sequence: z.number().int(),
  notesPublished: z.boolean(),
});

const ActionItem = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  title: z.string(),
  owner: z.object({ id: z.number().int(), name: z.string() }),
  dueOn: z.string(),
  status: z.enum(["open", "done"]),
  doneAt: Instant.nullable(),
});

/** JSON answers of the meeting routes. */
export const MEETING_API = {
  MeetingList: z.object({
    meetings: z.array(MeetingSummary),
    cadence: z.string().nullable().describe("The charter's meeting cadence."),
    suggestedDay: z.string().nullable().describe("The next meeting day the cadence suggests."),
  }),
  MeetingResponse: z.object({
    meeting: MeetingSummary.extend({
      agenda: z.array(
        z.object({
          kind: z.enum(["item", "applicant", "action-item"]),
          title: z.string(),
          addedBy: z.string().nullable(),
          actionItemId: z.number().int().nullable(),
        }),
      ),
      notes: z.object({
        public: z.string().nullable(),
        private: z
          .string()
          .nullable()
          .describe("Only for the group's participants, the Board and the Steering Council."),
        published: z.boolean(),
        full: z.boolean().describe("True when the private part was shown to you."),
      }),
      actionItems: z.array(ActionItem).describe("Action items raised at this meeting."),
    }),
  }),
  Meeting: z.object({ meeting: MeetingSummary }),
  ActionItemResponse: z.object({ actionItem: ActionItem }),
  AgendaItemAdded: z.object({ agendaItem: z.object({ id: z.number().int(), title: z.string() }) }),
};
