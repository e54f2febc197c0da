/** `guildhall meetings list [--group SLUG] [--json]`: the action loads its operation when it runs. */
import type { Command } from "commander";
import { addJsonOption, type CliContext, type JsonFlag, printList } from "../../platform/cli.ts";

/** Adds `guildhall meetings ...`. */
export function registerMeetingCommands(program: Command, ctx: CliContext): void {
  const meetings = program.command("meetings").description("Group meetings scheduled in Guildhall.");
  addJsonOption(
    meetings
      .command("list")
      .description(
        "List meetings, oldest first, with their time zone, status and SEQUENCE (never their notes).",
      )
      .option("--group <slug>", "only this group's meetings"),
    "meeting",
  ).action(async (opts: JsonFlag & { group?: string }) => {
    const [{ database }, { listMeetings }] = await Promise.all([ctx.services(), import("./get-meeting.ts")]);
    const list = await listMeetings({ db: database.db, group: opts.group });
    printList(ctx, opts, list, {
      empty: opts.group ? `No meetings of ${opts.group}.` : "No meetings.",
      header: ["id", "group", "title", "local time", "zone", "UTC", "status", "seq"],
      row: (m) => [
        String(m.id),
        m.group.slug,
        m.title,
        `${m.localDate} ${m.localTime}`,
        m.timeZone,
        m.startsAt.slice(0, 16).replace("T", " "),
        m.status,
        String(m.sequence),
      ],
    });
  });
}
