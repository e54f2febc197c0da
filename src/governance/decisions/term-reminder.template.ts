/** The email a member gets before their term in a group ends, and the notice its chat channel gets. */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** Reminds a member that their term ends and how to renew it. */
export const termReminderTemplate = defineTemplate({
  id: "governance.term-reminder",
  data: z.object({
    groupName: z.string().min(1),
    groupSlug: z.string().min(1),
    role: z.string().min(1),
    termEndsOn: z.iso.date(),
    daysLeft: z.number().int().nonnegative(),
  }),
  render: (d, { url, escapeHtml }) => {
    const page = url(`/groups/${encodeURIComponent(d.groupSlug)}/decisions`);
    return {
      subject: `Your term in ${d.groupName} ends on ${d.termEndsOn}`,
      text: [
        `Your term as ${d.role} in ${d.groupName} ends on ${d.termEndsOn} (in ${d.daysLeft} days).`,
        "To stay in the group, opt in to renew on the group's decisions page:",
        page,
        "If you do nothing, your membership lapses on that day. Thank you for your work.",
      ].join("\n"),
      html: [
        `<p>Your term as ${escapeHtml(d.role)} in ${escapeHtml(d.groupName)} ends on ${escapeHtml(d.termEndsOn)} (in ${d.daysLeft} days).</p>`,
        `<p>To stay in the group, opt in to renew on <a href="${escapeHtml(page)}">the group's decisions page</a>.</p>`,
        "<p>If you do nothing, your membership lapses on that day. Thank you for your work.</p>",
      ].join("\n"),
    };
  },
});

/** Tells a group's chat channel that a member's term is ending (the member gets the email above). */
export const termEndingChannelTemplate = defineTemplate({
  id: "governance.term-ending-channel",
  data: z.object({
    groupName: z.string().min(1),
    groupSlug: z.string().min(1),
    personName: z.string().min(1),
    role: z.string().min(1),
    termEndsOn: z.iso.date(),
    daysLeft: z.number().int().nonnegative(),
  }),
  render: (d, { url, escapeHtml }) => {
    const page = url(`/groups/${encodeURIComponent(d.groupSlug)}/decisions`);
    const lead = `${d.personName}'s term as ${d.role} in ${d.groupName} ends on ${d.termEndsOn} (in ${d.daysLeft} days).`;
    return {
      subject: `${d.groupName}: a term ends on ${d.termEndsOn}`,
      text: [lead, "Renewals and elections are on the group's decisions page:", page].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<p>Renewals and elections are on <a href="${escapeHtml(page)}">the group's decisions page</a>.</p>`,
      ].join("\n"),
    };
  },
});
