/** The notice a group's members (and its chat channel) get when a meeting is scheduled, moved or cancelled. */
import { z } from "zod";
import { defineTemplate, type NotificationKindInfo } from "../../kernel/index.ts";

/** What happened to the meeting. */
export const MEETING_EVENTS = ["scheduled", "changed", "cancelled"] as const;

/** The notification kind of each event (`meeting.scheduled`, ...). */
export const meetingKind = (event: (typeof MEETING_EVENTS)[number]) => `meeting.${event}`;

/** The meeting kinds, as people and Chairs choose about them. */
export const MEETING_NOTIFICATION_KINDS: readonly NotificationKindInfo[] = [
  { kind: "meeting.scheduled", label: "A meeting of your group is scheduled" },
  { kind: "meeting.changed", label: "A meeting of your group is moved or changed" },
  { kind: "meeting.cancelled", label: "A meeting of your group is cancelled" },
];

/** One meeting notice. */
export const meetingNoticeTemplate = defineTemplate({
  id: "governance.meeting-notice",
  data: z.object({
    event: z.enum(MEETING_EVENTS),
    groupName: z.string().min(1),
    groupSlug: z.string().min(1),
    meetingId: z.number().int().positive(),
    title: z.string().min(1),
    /** "2026-07-01 18:00 Europe/Berlin (UTC+02:00)". */
    when: z.string().min(1),
    durationMinutes: z.number().int().positive(),
    link: z.string().nullable(),
  }),
  render: (d, { url, escapeHtml }) => {
    const page = url(`/groups/${encodeURIComponent(d.groupSlug)}/meetings/${d.meetingId}`);
    const verb = d.event === "scheduled" ? "scheduled" : d.event === "changed" ? "changed" : "cancelled";
    const lead =
      d.event === "cancelled"
        ? `${d.groupName}: the meeting "${d.title}" on ${d.when} is cancelled.`
        : `${d.groupName}: "${d.title}" is ${verb} for ${d.when}, ${d.durationMinutes} minutes.`;
    const join = d.event !== "cancelled" && d.link ? `Join: ${d.link}` : null;
    return {
      subject: `${d.groupName}: meeting ${verb}: ${d.title}`,
      text: [lead, `Agenda and notes: ${page}`, ...(join ? [join] : [])].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<p><a href="${escapeHtml(page)}">Agenda and notes</a></p>`,
        ...(join && d.link ? [`<p>Join: ${escapeHtml(d.link)}</p>`] : []),
      ].join("\n"),
    };
  },
});
