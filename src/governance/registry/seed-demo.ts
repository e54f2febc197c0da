/**
 * Loads the invented demo groups (demo/charters) with a small scripted history (demo/history),
 * so a fresh `npm start` shows groups, people, health flags and a non-empty timeline.
 *
 * demo/history/<YYYY-MM-DD>/<status dir>/<slug>.md are successive versions of charters. They are
 * applied in date order as imports dated that day (their events are recorded as source "history",
 * being a scripted history); a file replaces the earlier version of the same
 * slug wherever it was, so moving a file to another folder is a status change. The current state
 * (demo/charters) is imported last, dated DEMO_CURRENT_AT. Deterministic: same files, same rows.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectPath } from "../../platform/paths.ts";
import type { Services } from "../../platform/services.ts";
import { slugFromPath } from "../charter/parse-charter.ts";
import { hasAnyGroup } from "./groups.repo.ts";
import { importCharters } from "./import-charters.ts";
import { type CharterFile, readCharterCheckout } from "./read-checkout.ts";

/** The demo folder of the project. */
export const DEMO_DIR = projectPath("demo");

/** The invented date of the current demo charters. */
export const DEMO_CURRENT_AT = new Date("2026-06-01T09:00:00Z");

/** What seeding did. */
export type SeedResult =
  | { seeded: true; groups: number; steps: number; events: number }
  | { seeded: false; reason: string };

/** Seeds the demo data when the database has no groups; otherwise does nothing and says why. */
export async function seedDemo(input: {
  services: Pick<Services, "database" | "clock">;
  demoDir?: string;
  onProgress?: (line: string) => void;
}): Promise<SeedResult> {
  const { services } = input;
  const dir = input.demoDir ?? DEMO_DIR;
  if (await hasAnyGroup(services.database.db))
    return { seeded: false, reason: "the database already has groups" };
  const historyDir = path.join(dir, "history");
  const stepNames = existsSync(historyDir)
    ? readdirSync(historyDir)
        .filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n))
        .sort()
    : [];
  const state = new Map<string, CharterFile>();
  let events = 0;
  for (const step of stepNames) {
    for (const file of readCharterCheckout(path.join(historyDir, step)).files)
      state.set(slugFromPath(file.path) ?? file.path, file);
    const summary = await importCharters({
      services,
      files: [...state.values()],
      source: `demo/history/${step}`,
      changedAt: new Date(`${step}T09:00:00Z`),
      founders: true,
    });
    events += summary.eventsRecorded;
    input.onProgress?.(`demo ${step}: ${summary.lines.length} changes`);
  }
  const current = readCharterCheckout(path.join(dir, "charters")).files;
  const summary = await importCharters({
    services,
    files: current,
    source: "demo/charters",
    changedAt: DEMO_CURRENT_AT,
  });
  events += summary.eventsRecorded;
  return { seeded: true, groups: current.length, steps: stepNames.length + 1, events };
}
