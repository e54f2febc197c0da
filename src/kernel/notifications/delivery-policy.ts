/** When a failed delivery is tried again, and when it is given up: pure, so it is tested alone. */

/** Attempts, backoff and the claim's lease. */
export interface DeliveryPolicy {
  /** Attempts in all; after the last failure the delivery is marked failed. */
  maxAttempts: number;
  /** Minutes to wait after the 1st, 2nd... failure (the last value repeats). */
  backoffMinutes: readonly number[];
  /** How long a claim lasts; a send that has not finished by then is taken over (and may repeat). */
  leaseSeconds: number;
}

/** Eight attempts over about 22 hours: waits of 1, 5 and 15 minutes, then 1, 3, 6 and 12 hours. */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  backoffMinutes: [1, 5, 15, 60, 180, 360, 720],
  // Above the mailer's bounded timeouts (10 s connect, 10 s greeting, 30 s socket).
  leaseSeconds: 120,
};

/** What follows a failed attempt. */
export type AfterFailure = { status: "failed" } | { status: "pending"; nextAttemptAt: Date };

/** The outcome of failed attempt number `attempts` (1-based); a permanent refusal fails at once. */
export function afterFailure(input: {
  attempts: number;
  permanent: boolean;
  now: Date;
  policy: DeliveryPolicy;
}): AfterFailure {
  if (input.permanent || input.attempts >= input.policy.maxAttempts) return { status: "failed" };
  const steps = input.policy.backoffMinutes;
  const minutes = steps[Math.min(Math.max(input.attempts, 1), steps.length) - 1] ?? 1;
  return { status: "pending", nextAttemptAt: new Date(input.now.getTime() + minutes * 60_000) };
}
