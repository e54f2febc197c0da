/** The reminder a subscriber gets at an upcoming Django series' alpha, beta and release candidate. */
import { z } from "zod";
import { defineTemplate } from "../../kernel/index.ts";

/** Lists the subscriber's packages with what each is missing for the series. */
export const trackerReminderTemplate = defineTemplate({
  id: "ecosystem.tracker-reminder",
  data: z.object({
    series: z.string().min(1),
    milestone: z.enum(["alpha", "beta", "rc"]),
    on: z.iso.date(),
    finalOn: z.iso.date(),
    channel: z.string().nullable(),
    packages: z.array(z.object({ name: z.string(), status: z.string(), missing: z.string() })).min(1),
  }),
  render: (d, { url, escapeHtml }) => {
    const what = { alpha: "alpha (feature freeze)", beta: "beta", rc: "release candidate" }[d.milestone];
    const lead = `Django ${d.series} reached its ${what} on ${d.on}; the final release is expected on ${d.finalOn}.`;
    const tracker = url(`/releases/${encodeURIComponent(d.series)}/tracker`);
    const lines = d.packages.map((p) => ({
      text: `- ${p.name} (${p.status}): missing ${p.missing}\n  ${url(`/releases/${encodeURIComponent(d.series)}/tracker/${encodeURIComponent(p.name)}`)}`,
      html: `<li><a href="${escapeHtml(url(`/releases/${encodeURIComponent(d.series)}/tracker/${encodeURIComponent(p.name)}`))}">${escapeHtml(p.name)}</a> (${escapeHtml(p.status)}): missing ${escapeHtml(p.missing)}</li>`,
    }));
    const channel = d.channel
      ? `Discussion: ${d.channel}`
      : "No discussion channel is set for this series yet.";
    return {
      subject: `Django ${d.series} ${what}: ${d.packages.length === 1 ? d.packages[0]?.name : `${d.packages.length} of your packages`}`,
      text: [
        lead,
        "",
        "Your packages:",
        ...lines.map((l) => l.text),
        "",
        `The tracker: ${tracker}`,
        channel,
      ].join("\n"),
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        `<ul>${lines.map((l) => l.html).join("")}</ul>`,
        `<p><a href="${escapeHtml(tracker)}">The tracker</a>. ${escapeHtml(channel)}</p>`,
      ].join("\n"),
    };
  },
});
