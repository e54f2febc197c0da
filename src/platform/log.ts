import pino from "pino";
import type { Config } from "./config.ts";

/** The application logger type. */
export type Logger = pino.Logger;

/** JSON logs in production, pretty ones on a developer's terminal; silent in tests. */
export function createLogger(config: Pick<Config, "env" | "logLevel">): Logger {
  const pretty = config.env === "development" && process.stderr.isTTY;
  return pino(
    {
      level: config.logLevel,
      redact: ["req.headers.authorization", "req.headers.cookie", "ballot", "choice"],
    },
    pretty ? pino.transport({ target: "pino-pretty", options: { destination: 2 } }) : pino.destination(2),
  );
}
