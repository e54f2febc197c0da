import pino from "pino";
import type { Config } from "./config.ts";
import { redactError } from "./db/errors.ts";

/** The application logger type. */
export type Logger = pino.Logger;

/**
 * The logger's options: errors (under `err` or `error`, causes included) are logged by name, code
 * and statement text, never with the statement's bound values or PostgreSQL's `detail` (a
 * failed ballot statement carries the voter and the choice); known secret fields are censored.
 */
export function loggerOptions(level: Config["logLevel"]): pino.LoggerOptions {
  return {
    level,
    redact: ["req.headers.authorization", "req.headers.cookie", "ballot", "choice", "*.ballot", "*.choice"],
    serializers: { err: redactError, error: redactError },
  };
}

/** JSON logs in production, pretty ones on a developer's terminal; silent in tests. */
export function createLogger(
  config: Pick<Config, "env" | "logLevel">,
  /** Where lines go instead of stderr (tests read them). */
  destination?: pino.DestinationStream,
): Logger {
  const pretty = config.env === "development" && process.stderr.isTTY && destination === undefined;
  return pino(
    loggerOptions(config.logLevel),
    destination ??
      (pretty ? pino.transport({ target: "pino-pretty", options: { destination: 2 } }) : pino.destination(2)),
  );
}
