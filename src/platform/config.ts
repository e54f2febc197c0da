import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import { AppError } from "./errors.ts";

const intFromEnv = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) {
        ctx.addIssue({ code: "custom", message: `expected a non-negative integer, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === "" || /^postgres(ql)?:\/\//.test(v), {
      message: "must be a postgres:// or postgresql:// URL",
    }),
  GUILDHALL_DATA_DIR: z.string().optional(),
  PORT: intFromEnv(3000),
  GUILDHALL_HOST: z.string().default("127.0.0.1"),
  GUILDHALL_BASE_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  GUILDHALL_MIN_MEMBERS_WORKING_GROUP: intFromEnv(3),
  GUILDHALL_MIN_MEMBERS_TEAM: intFromEnv(3),
  GUILDHALL_SIZE_MIN: intFromEnv(3),
  GUILDHALL_SIZE_MAX: intFromEnv(7),
  GUILDHALL_USER_AGENT: z.string().optional(),
  GUILDHALL_HTTP_TIMEOUT_MS: intFromEnv(15000),
  GUILDHALL_HTTP_RETRIES: intFromEnv(4),
  GUILDHALL_SESSION_SECRET: z.string().optional(),
  GUILDHALL_SESSION_DAYS: intFromEnv(30),
  GUILDHALL_COOKIE_SECURE: z.enum(["true", "false", ""]).optional(),
  GUILDHALL_TRUST_PROXY: z.enum(["true", "false", ""]).optional(),
  GUILDHALL_GITHUB_CLIENT_ID: z.string().optional(),
  GUILDHALL_GITHUB_CLIENT_SECRET: z.string().optional(),
  GUILDHALL_GITHUB_URL: z.string().url().optional(),
  GUILDHALL_GITHUB_API_URL: z.string().url().optional(),
  GUILDHALL_GITHUB_TOKEN: z.string().optional(),
  GUILDHALL_SMTP_HOST: z.string().optional(),
  GUILDHALL_MAIL_TRANSPORT: z.enum(["smtp", "log", "off"]).optional(),
  GUILDHALL_SMTP_PORT: intFromEnv(25),
  GUILDHALL_SMTP_SECURE: z.enum(["true", "false", ""]).optional(),
  GUILDHALL_SMTP_USER: z.string().optional(),
  GUILDHALL_SMTP_PASSWORD: z.string().optional(),
  GUILDHALL_MAIL_FROM: z.string().optional(),
  GUILDHALL_SIGN_IN_LINK_MINUTES: intFromEnv(15),
  GUILDHALL_SIGN_IN_LIMIT_PER_IP: intFromEnv(20),
  GUILDHALL_SIGN_IN_LIMIT_PER_EMAIL: intFromEnv(5),
  GUILDHALL_SIGN_IN_WINDOW_MINUTES: intFromEnv(15),
  GUILDHALL_SERVER_JOBS: z.enum(["true", "false", ""]).optional(),
  GUILDHALL_MAX_BODY_BYTES: intFromEnv(1_048_576),
});

/** Group kinds whose minimum membership is configured separately (teams have no chair). */
export type GroupKindKey = "working-group" | "team";

/** Validated configuration: the only view of the environment the rest of the code gets. */
export interface Config {
  env: "development" | "production" | "test";
  /** PostgreSQL server URL; when absent the embedded database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Data directory of the embedded database. */
  dataDir: string;
  port: number;
  host: string;
  baseUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  health: {
    minMembers: Record<GroupKindKey, number>;
    sizeMin: number;
    sizeMax: number;
  };
  http: { userAgent: string; timeoutMs: number; retries: number };
  /** Largest request body accepted (bytes); a larger one is answered 413 before it is read. */
  maxBodyBytes: number;
  sessionSecret: string | undefined;
  auth: AuthConfig;
  mail: MailConfig;
  /** GitHub's REST API for package repository signals; off (token undefined) unless a token is configured. */
  repositorySignals: { token: string | undefined; apiUrl: string };
  jobs: JobsConfig;
}

/** Where jobs run. */
export interface JobsConfig {
  /**
   * The web server works every room's jobs and runs the schedules itself (the default). False
   * leaves them to `guildhall worker` processes, which needs PostgreSQL.
   */
  inServer: boolean;
}

/** Sign-in, sessions, cookies and rate limits. */
export interface AuthConfig {
  /** Keys the CSRF tokens; random per process when GUILDHALL_SESSION_SECRET is unset (not in production). */
  secret: string;
  sessionDays: number;
  /** Secure cookies; defaults to true when the base URL is https. */
  cookieSecure: boolean;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** GitHub OAuth app; sign-in with GitHub is offered only when both are set. */
  github: { clientId: string | undefined; clientSecret: string | undefined; webUrl: string; apiUrl: string };
  signInLinkMinutes: number;
  /** Sign-in attempts allowed per window, per client address and per email address. */
  rateLimit: { perIp: number; perEmail: number; windowMs: number };
}

/** Outgoing mail (sign-in links); email sign-in is offered only when a host is set. */
export interface MailConfig {
  /**
   * smtp: send through the host; log: write each message to stderr (development, so email sign-in
   * works on a laptop without a mail server); off: no email.
   */
  transport: "smtp" | "log" | "off";
  host: string | undefined;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

/** Reads and validates the environment once; throws an AppError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "environment";
    throw new AppError("validation", {
      message: `Invalid configuration: ${field}: ${issue?.message ?? "invalid"}`,
      issues: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
    });
  }
  const e = parsed.data;
  const port = e.PORT;
  if (e.NODE_ENV === "production" && !e.GUILDHALL_SESSION_SECRET) {
    throw new AppError("validation", {
      message: "Invalid configuration: GUILDHALL_SESSION_SECRET: required in production",
      issues: [{ field: "GUILDHALL_SESSION_SECRET", message: "required in production" }],
    });
  }
  if (e.GUILDHALL_SERVER_JOBS === "false" && !e.DATABASE_URL) {
    throw new AppError("validation", {
      message:
        "Invalid configuration: GUILDHALL_SERVER_JOBS: false needs DATABASE_URL (the embedded database takes one process, so no worker could run beside the server)",
      issues: [{ field: "GUILDHALL_SERVER_JOBS", message: "false needs DATABASE_URL" }],
    });
  }
  const baseUrl = e.GUILDHALL_BASE_URL ?? `http://${e.GUILDHALL_HOST}:${port}`;
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL ? e.DATABASE_URL : undefined,
    dataDir: path.resolve(cwd, e.GUILDHALL_DATA_DIR ?? ".guildhall"),
    port,
    host: e.GUILDHALL_HOST,
    baseUrl,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === "test" ? "silent" : "info"),
    health: {
      minMembers: {
        "working-group": e.GUILDHALL_MIN_MEMBERS_WORKING_GROUP,
        team: e.GUILDHALL_MIN_MEMBERS_TEAM,
      },
      sizeMin: e.GUILDHALL_SIZE_MIN,
      sizeMax: e.GUILDHALL_SIZE_MAX,
    },
    http: {
      userAgent: e.GUILDHALL_USER_AGENT ?? "Guildhall/0.1 (+https://github.com/django/dsf-working-groups)",
      timeoutMs: e.GUILDHALL_HTTP_TIMEOUT_MS,
      retries: e.GUILDHALL_HTTP_RETRIES,
    },
    maxBodyBytes: e.GUILDHALL_MAX_BODY_BYTES,
    sessionSecret: e.GUILDHALL_SESSION_SECRET,
    auth: {
      secret: e.GUILDHALL_SESSION_SECRET || randomBytes(32).toString("base64url"),
      sessionDays: e.GUILDHALL_SESSION_DAYS,
      cookieSecure: e.GUILDHALL_COOKIE_SECURE
        ? e.GUILDHALL_COOKIE_SECURE === "true"
        : baseUrl.startsWith("https:"),
      trustProxy: e.GUILDHALL_TRUST_PROXY === "true",
      github: {
        clientId: e.GUILDHALL_GITHUB_CLIENT_ID || undefined,
        clientSecret: e.GUILDHALL_GITHUB_CLIENT_SECRET || undefined,
        webUrl: (e.GUILDHALL_GITHUB_URL ?? "https://github.com").replace(/\/$/, ""),
        apiUrl: (e.GUILDHALL_GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
      },
      signInLinkMinutes: e.GUILDHALL_SIGN_IN_LINK_MINUTES,
      rateLimit: {
        perIp: e.GUILDHALL_SIGN_IN_LIMIT_PER_IP,
        perEmail: e.GUILDHALL_SIGN_IN_LIMIT_PER_EMAIL,
        windowMs: e.GUILDHALL_SIGN_IN_WINDOW_MINUTES * 60_000,
      },
    },
    repositorySignals: {
      token: e.GUILDHALL_GITHUB_TOKEN || undefined,
      apiUrl: (e.GUILDHALL_GITHUB_API_URL ?? "https://api.github.com").replace(/\/$/, ""),
    },
    mail: {
      transport:
        e.GUILDHALL_MAIL_TRANSPORT ??
        (e.GUILDHALL_SMTP_HOST ? "smtp" : e.NODE_ENV === "development" ? "log" : "off"),
      host: e.GUILDHALL_SMTP_HOST || undefined,
      port: e.GUILDHALL_SMTP_PORT,
      secure: e.GUILDHALL_SMTP_SECURE === "true",
      user: e.GUILDHALL_SMTP_USER || undefined,
      password: e.GUILDHALL_SMTP_PASSWORD || undefined,
      from: e.GUILDHALL_MAIL_FROM ?? "Guildhall <guildhall@localhost>",
    },
    jobs: { inServer: e.GUILDHALL_SERVER_JOBS !== "false" },
  };
}
