/** The emails reporting sends: a report coming due, a report overdue, and a group flagged defunct. */
import { z } from "zod";
import { defineTemplate, type NotificationKindInfo } from "../../kernel/index.ts";

/** The reporting kinds, as people and a group's chat channel choose about them. */
export const REPORT_CHANNEL_KINDS: readonly NotificationKindInfo[] = [
  { kind: "report.reminder", label: "A report of your group is due or overdue" },
  { kind: "report.defunct", label: "Your group is flagged defunct" },
];

/** Reminds a group's chairs that a report is due, or overdue. */
export const reportReminderTemplate = defineTemplate({
  id: "governance.report-reminder",
  data: z.object({
    groupName: z.string().min(1),
    groupSlug: z.string().min(1),
    period: z.string().min(1),
    periodStart: z.iso.date(),
    dueOn: z.iso.date(),
    kind: z.enum(["reminder-before", "reminder-after", "defunct"]),
  }),
  render: (d, { url, escapeHtml }) => {
    const form = url(
      `/groups/${encodeURIComponent(d.groupSlug)}/reports/new?period=${encodeURIComponent(d.periodStart)}`,
    );
    const lead =
      d.kind === "reminder-before"
        ? `The ${d.groupName} report for ${d.period} is due on ${d.dueOn} (UTC).`
        : d.kind === "reminder-after"
          ? `The ${d.groupName} report for ${d.period} was due on ${d.dueOn} (UTC) and has not arrived.`
          : `${d.groupName} has missed two reporting periods in a row (the latest ${d.period}) and is flagged defunct until the Board decides.`;
    return {
      subject:
        d.kind === "defunct"
          ? `${d.groupName} is flagged defunct: two reports missed`
          : d.kind === "reminder-before"
            ? `${d.groupName}: report for ${d.period} due ${d.dueOn}`
            : `${d.groupName}: report for ${d.period} is overdue`,
      text: [lead, "A short report (3-5 highlights) is enough. Write it here:", form].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<p>A short report (3-5 highlights) is enough. <a href="${escapeHtml(form)}">Write it here</a>.</p>`,
      ].join("\n"),
    };
  },
});
