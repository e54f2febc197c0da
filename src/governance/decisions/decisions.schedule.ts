/**
 * The scheduled side of decisions: close votes whose time has come and run the term sweep.
 * Both operations are idempotent, so a missed or doubled tick is harmless.
 */
import type { MailConfig } from "../../platform/config.ts";
import { createMailer } from "../../platform/mail.ts";
import { closeDueVotes } from "./close-due-votes.ts";
import type { DecisionDeps } from "./deps.ts";
import { sweepTerms } from "./sweep-terms.ts";

/** How often the schedule ticks by default: votes every minute, the term sweep once an hour. */
export const DEFAULT_SCHEDULE = { closeVotesMs: 60_000, sweepTermsMs: 3_600_000 };

/** Runs both jobs once (also what each tick does); returns what they did. */
export async function runDecisionJobs(input: { deps: DecisionDeps }) {
  const votes = await closeDueVotes({ deps: input.deps });
  const terms = await sweepTerms({ deps: input.deps });
  return { closedVotes: votes.closed, terms };
}

/** Starts the timers in the server process; returns a function that stops them. */
export function startDecisionSchedule(input: {
  deps: DecisionDeps;
  /** Outgoing mail settings, for term reminders when `deps` carries no mailer. */
  mail?: MailConfig;
  closeVotesMs?: number;
  sweepTermsMs?: number;
}): () => void {
  const log = input.deps.log;
  const deps: DecisionDeps = {
    ...input.deps,
    mailer: input.deps.mailer ?? (input.mail ? createMailer(input.mail) : undefined),
  };
  const guard = (name: string, job: () => Promise<unknown>) => {
    let running = false;
    return () => {
      if (running) return;
      running = true;
      job()
        .catch((err: unknown) => log?.error({ err }, `${name} failed`))
        .finally(() => {
          running = false;
        });
    };
  };
  const closeTick = guard("closing due votes", () => closeDueVotes({ deps }));
  const sweepTick = guard("term sweep", async () => {
    const r = await sweepTerms({ deps });
    if (r.lapsed || r.reminded) log?.info(r, "term sweep");
  });
  const timers = [
    setInterval(closeTick, input.closeVotesMs ?? DEFAULT_SCHEDULE.closeVotesMs),
    setInterval(sweepTick, input.sweepTermsMs ?? DEFAULT_SCHEDULE.sweepTermsMs),
  ];
  for (const t of timers) t.unref();
  sweepTick();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
