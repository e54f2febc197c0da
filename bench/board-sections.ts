/**
 * Where `/board`'s time goes: over a generated history (bench/board-history.ts) kept in a data
 * directory, times the page as a Board member and each agenda section's loader, and saves the
 * page's HTML so two versions of the code can be compared byte for byte.
 *
 *   node --import tsx bench/board-sections.ts --dir /tmp/board-history [--groups 100] [--years 5] [--out page.html]
 *
 * The first run generates the history (and runs the reporting sweep once) into `--dir`; later runs
 * reuse it.
 */
import { existsSync, writeFileSync } from "node:fs";
import { agendaSections, sweepReports } from "../src/governance/index.ts";
import { CLI_ACTOR, grantFoundationRole } from "../src/kernel/index.ts";
import { FixedClock } from "../src/platform/clock.ts";
import { openDatabase } from "../src/platform/db/index.ts";
import { createTestApplication } from "../test/app.ts";
import { createTestAccount } from "../test/factories/accounts.ts";
import { generateBoardHistory } from "./board-history.ts";

const TODAY = "2026-12-04";
const NOW = `${TODAY}T12:00:00Z`;
const opt = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};

async function main(): Promise<void> {
  const dir = opt("dir") ?? "/tmp/guildhall-board-history";
  const fresh = !existsSync(dir);
  const clock = new FixedClock(NOW);
  const database = await openDatabase({ dataDir: dir });
  if (fresh) {
    await generateBoardHistory(database, {
      groups: Number(opt("groups") ?? 100),
      years: Number(opt("years") ?? 5),
      today: TODAY,
    });
    await sweepReports({ deps: { database, clock } });
  }
  const board = await createTestAccount({
    db: database.db,
    clock,
    email: `bench-board-${Date.now()}@example.org`,
    name: "Bench Board",
    scopes: ["read"],
  });
  await grantFoundationRole({
    db: database.db,
    now: clock.now(),
    by: CLI_ACTOR,
    userId: board.user.id,
    role: "board-member",
    startedOn: "2020-01-01",
  });
  const { app } = await createTestApplication(database, { LOG_LEVEL: "silent" }, clock);
  const headers = { cookie: `guildhall_session=${board.sessionId}` };
  let html = "";
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    const res = await app.request("/board", { headers });
    html = await res.text();
    process.stdout.write(
      `/board ${res.status} ${(performance.now() - t).toFixed(1)} ms ${html.length} chars\n`,
    );
  }
  const out = opt("out");
  // The page names the viewer's account: drop the per-run e-mail so pages compare across runs.
  if (out)
    writeFileSync(
      out,
      html
        .replaceAll(/bench-board-\d+@example\.org/g, "bench-board@example.org")
        .replaceAll(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value=""'),
    );
  const context = {
    db: database.db,
    day: TODAY,
    since: "2026-11-04",
    lastMeetingOn: null,
    nextMeetingOn: null,
    viewerPersonId: null,
  };
  for (const s of agendaSections()) {
    const t = performance.now();
    const items = await s.load(context);
    process.stdout.write(`  ${s.key}: ${(performance.now() - t).toFixed(1)} ms, ${items.length} items\n`);
  }
  await database.close();
}

await main();
