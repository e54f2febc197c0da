/**
 * `guildhall users ...`, `guildhall tokens ...` and `guildhall roles ...`: site administration from
 * the command line. Each action loads its operation when it runs.
 */
import type { Command } from "commander";
import type { AuditActor, UserRow } from "../../kernel/index.ts";
import { FOUNDATION_ROLES, TOKEN_SCOPES } from "../../kernel/rules.ts";
import {
  addJsonOption,
  type CliContext,
  type JsonFlag,
  parseChoice,
  parseId,
  printJsonLines,
  printList,
} from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import type { Services } from "../../platform/services.ts";
import { GROUP_ROLES } from "../policy/group-roles.ts";

/** The repository and the day helper, loaded by the actions that need them. */
async function loadRepo() {
  const [kernel, repo] = await Promise.all([import("../../kernel/index.ts"), import("./accounts.repo.ts")]);
  return { ...kernel, ...repo };
}

async function userByEmail(ctx: CliContext, email: string): Promise<UserRow> {
  const { database } = await ctx.services();
  const { findUserByEmail } = await loadRepo();
  const user = await findUserByEmail(database.db, email.trim());
  if (!user) {
    throw new AppError("not_found", {
      message: `No user with email ${email}. Create one with: guildhall users create --email ${email} --name "..."`,
    });
  }
  return user;
}

/** Flags of the commands that end a dated period (`users end-role`, `roles end`). */
/** The flags of a command that starts a dated period. */
type StartFlags = JsonFlag & {
  from?: string;
  until?: string;
  termEnds?: string;
  reason: string;
  decision?: string;
};

/** Declares the dates, reason and decision flags of a command that starts a dated period, worded by `help`. */
function startOptions(
  command: Command,
  help: { from: string; until: string; termEnds: string; decision: string },
): Command {
  return addJsonOption(
    command
      .option("--from <date>", `${help.from}, YYYY-MM-DD (default: today)`)
      .option("--until <date>", `${help.until}, YYYY-MM-DD`)
      .option("--term-ends <date>", `${help.termEnds}, YYYY-MM-DD`)
      .option("--reason <text>", "why", "")
      .option("--decision <ref>", `the decision behind it (${help.decision})`),
  );
}

/** The dates, reason and decision of a period from the flags of `startOptions` (it starts today by default). */
function periodOfFlags(opts: StartFlags, today: string) {
  return {
    startedOn: opts.from ?? today,
    endedOn: opts.until ?? null,
    termEndsOn: opts.termEnds ?? null,
    reason: opts.reason,
    decisionRef: opts.decision ?? null,
  };
}

type EndFlags = JsonFlag & { on?: string; reason: string; decision?: string };

/** Declares the id argument and the flags of a command that ends a dated period. */
function endCommand(command: Command, what: string): Command {
  return addJsonOption(
    command
      .argument("<id>", `the ${what}'s id`)
      .option("--on <date>", "first day no longer held, YYYY-MM-DD (default: today)")
      .option("--reason <text>", "why", "")
      .option("--decision <ref>", "the decision behind it"),
  );
}

/** Runs an end-of-period operation with the flags of `endCommand` (the day defaults to today). */
async function endPeriod<R>(
  ctx: CliContext,
  id: string,
  opts: EndFlags,
  end: (input: {
    db: Services["database"]["db"];
    now: Date;
    by: AuditActor;
    id: number;
    endedOn: string;
    reason: string;
    decisionRef: string | null;
  }) => Promise<R>,
): Promise<R> {
  const periodId = parseId(id);
  const [{ database, clock }, { CLI_ACTOR, dayOf }] = await Promise.all([ctx.services(), loadRepo()]);
  const now = clock.now();
  return end({
    db: database.db,
    now,
    by: CLI_ACTOR,
    id: periodId,
    endedOn: opts.on ?? dayOf(now),
    reason: opts.reason,
    decisionRef: opts.decision ?? null,
  });
}

const period = (from: string, until: string | null) =>
  until ? `from ${from} until ${until}` : `from ${from}`;
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "-");

/** Adds `guildhall users ...`, `guildhall tokens ...` and `guildhall roles ...`. */
export function registerAccountsCommands(program: Command, ctx: CliContext): void {
  const users = program.command("users").description("Create accounts and grant foundation roles.");

  addJsonOption(
    users
      .command("list")
      .description("List every account with the foundation roles it holds today.")
      .option("--role <role>", `only holders of this role today (${FOUNDATION_ROLES.join(", ")})`),
    "account",
  ).action(async (opts: JsonFlag & { role?: string }) => {
    const role = opts.role === undefined ? undefined : parseChoice(opts.role, "--role", FOUNDATION_ROLES);
    const [{ database, clock }, { listUsers }, { dayOf }] = await Promise.all([
      ctx.services(),
      import("../../kernel/index.ts"),
      import("../../kernel/index.ts"),
    ]);
    const list = await listUsers({ db: database.db, day: dayOf(clock.now()), role });
    printList(ctx, opts, list, {
      empty: role ? `No account holds ${role} today.` : "No accounts yet.",
      header: ["id", "email", "name", "roles today", "person"],
      row: (u) => [
        String(u.id),
        u.email ?? "-",
        u.disabledAt ? `${u.name} (disabled)` : u.name,
        u.roles.join(", ") || "-",
        u.person ?? "-",
      ],
    });
  });

  addJsonOption(
    users
      .command("create")
      .description("Create an account that can sign in with an emailed link (or GitHub, by the same email).")
      .requiredOption("--email <address>", "the account's email address")
      .requiredOption("--name <name>", "the name shown on pages")
      .option("--admin", "also make the account a site administrator from today"),
  ).action(async (opts: JsonFlag & { email: string; name: string; admin?: boolean }) => {
    const [{ database, clock }, { CLI_ACTOR, dayOf }, { createUser }, { grantFoundationRole }] =
      await Promise.all([
        ctx.services(),
        loadRepo(),
        import("../../kernel/index.ts"),
        import("../../kernel/index.ts"),
      ]);
    const now = clock.now();
    const user = await createUser({
      db: database.db,
      now,
      by: CLI_ACTOR,
      email: opts.email,
      name: opts.name,
    });
    if (opts.admin) {
      await grantFoundationRole({
        db: database.db,
        now,
        by: CLI_ACTOR,
        userId: user.id,
        role: "site-admin",
        startedOn: dayOf(now),
        reason: "created as administrator from the command line",
      });
    }
    const admin = Boolean(opts.admin);
    if (opts.json) printJsonLines(ctx, [{ id: user.id, email: user.email, name: user.name, admin }]);
    else
      ctx.out(
        `Created user ${user.id} ${user.email ?? ""} (${user.name})${admin ? ", site administrator from today" : ""}.`,
      );
  });

  startOptions(
    users
      .command("grant")
      .description(`Grant a foundation role for a period. Roles: ${FOUNDATION_ROLES.join(", ")}.`)
      .argument("<email>", "the account's email address")
      .argument("<role>", "the foundation role"),
    {
      from: "first day the role is held",
      until: "first day the role is no longer held",
      termEnds: "end of the elected term (Board members)",
      decision: "a Board resolution, an election",
    },
  ).action(async (email: string, role: string, opts: StartFlags) => {
    const [{ database, clock }, { CLI_ACTOR, dayOf }, { grantFoundationRole }] = await Promise.all([
      ctx.services(),
      loadRepo(),
      import("../../kernel/index.ts"),
    ]);
    const user = await userByEmail(ctx, email);
    const now = clock.now();
    const row = await grantFoundationRole({
      db: database.db,
      now,
      by: CLI_ACTOR,
      userId: user.id,
      role,
      ...periodOfFlags(opts, dayOf(now)),
    });
    if (opts.json) printJsonLines(ctx, [row]);
    else
      ctx.out(
        `Granted ${row.role} to ${user.email ?? user.name} ${period(row.startedOn, row.endedOn)}${row.termEndsOn ? `, term ends ${row.termEndsOn}` : ""} (role ${row.id}).`,
      );
  });

  endCommand(
    users.command("end-role").description("End a foundation role period (by the id `users grant` printed)."),
    "role period",
  ).action(async (id: string, opts: EndFlags) => {
    const [{ endFoundationRole }, { registerTurnover }] = await Promise.all([
      import("../../kernel/index.ts"),
      import("../turnover/register.ts"),
    ]);
    // A Board Liaison leaving the Board hands over what they own in their groups.
    registerTurnover();
    const row = await endPeriod(ctx, id, opts, ({ id, ...e }) => endFoundationRole({ ...e, roleId: id }));
    if (opts.json) printJsonLines(ctx, [row]);
    else ctx.out(`Ended ${row.role} (role ${row.id}) on ${row.endedOn ?? "-"}.`);
  });

  const tokens = program.command("tokens").description("Personal access tokens for scripts and bots.");

  addJsonOption(
    tokens
      .command("create")
      .description(
        "Create a personal access token and print it (once) on standard output. Use it as `Authorization: Bearer <token>`.",
      )
      .requiredOption("--email <address>", "the account the token acts as")
      .requiredOption("--name <name>", "what the token is for")
      .option("--scopes <list>", `comma-separated scopes: ${TOKEN_SCOPES.join(", ")}`, "read")
      .option("--expires-in-days <n>", "lifetime in days (1-366)", "90"),
  ).action(
    async (opts: JsonFlag & { email: string; name: string; scopes: string; expiresInDays: string }) => {
      const [{ database, clock }, { CLI_ACTOR }, { createToken }] = await Promise.all([
        ctx.services(),
        loadRepo(),
        import("../../kernel/index.ts"),
      ]);
      const user = await userByEmail(ctx, opts.email);
      const { token, row } = await createToken({
        db: database.db,
        now: clock.now(),
        by: CLI_ACTOR,
        userId: user.id,
        name: opts.name,
        scopes: opts.scopes
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        expiresInDays: opts.expiresInDays,
      });
      const { tokenHash: _hash, ...shown } = row;
      if (opts.json) {
        printJsonLines(ctx, [{ ...shown, token }]);
        return;
      }
      ctx.err(
        `Token ${row.id} "${row.name}" for ${user.email}: scopes ${row.scopes.join(",")}, expires ${row.expiresAt.toISOString()}`,
      );
      ctx.out(token);
    },
  );

  addJsonOption(
    tokens
      .command("list")
      .description("List an account's tokens (never the tokens themselves).")
      .requiredOption("--email <address>", "the account"),
    "token",
  ).action(async (opts: JsonFlag & { email: string }) => {
    const { database } = await ctx.services();
    const { listTokens } = await loadRepo();
    const user = await userByEmail(ctx, opts.email);
    const rows = (await listTokens(database.db, user.id)).map(({ tokenHash: _hash, ...rest }) => rest);
    printList(ctx, opts, rows, {
      empty: `${user.email} has no tokens.`,
      header: ["id", "name", "prefix", "scopes", "expires", "last used", "revoked"],
      row: (t) => [
        String(t.id),
        t.name,
        t.prefix,
        t.scopes.join(","),
        when(t.expiresAt),
        when(t.lastUsedAt),
        when(t.revokedAt),
      ],
    });
  });

  addJsonOption(
    tokens
      .command("revoke")
      .description("Revoke a token by id; it stops working at once.")
      .argument("<id>", "the token's id")
      .requiredOption("--email <address>", "the account owning it"),
  ).action(async (id: string, opts: JsonFlag & { email: string }) => {
    const tokenId = parseId(id);
    const [{ database, clock }, { CLI_ACTOR }, { revokeToken }] = await Promise.all([
      ctx.services(),
      loadRepo(),
      import("../../kernel/index.ts"),
    ]);
    const user = await userByEmail(ctx, opts.email);
    const row = await revokeToken({
      db: database.db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: user.id,
      tokenId,
    });
    if (opts.json) printJsonLines(ctx, [{ id: row.id, name: row.name, revokedAt: row.revokedAt }]);
    else ctx.out(`Revoked token ${row.id} "${row.name}".`);
  });

  const roles = program
    .command("roles")
    .description("Group role periods: who held which role in a group, when, and by which decision.");

  startOptions(
    roles
      .command("record")
      .description(`Record a role period. Roles: ${GROUP_ROLES.join(", ")} ("other" needs --title).`)
      .requiredOption("--group <slug>", "the group")
      .requiredOption("--person <slug>", "the person (as on /people)")
      .requiredOption("--role <role>", "the role")
      .option("--title <title>", 'title of an "other" role', ""),
    {
      from: "first day held",
      until: "first day no longer held",
      termEnds: "end of the term",
      decision: "a vote id, a Board resolution",
    },
  ).action(async (opts: StartFlags & { group: string; person: string; role: string; title: string }) => {
    const [
      { database, clock },
      { CLI_ACTOR, dayOf, findGroupBySlug, findPersonBySlug },
      { recordRolePeriod },
    ] = await Promise.all([ctx.services(), loadRepo(), import("./record-role-period.ts")]);
    const db = database.db;
    const group = await findGroupBySlug(db, opts.group);
    if (!group) throw new AppError("not_found", { message: `No group "${opts.group}".` });
    const person = await findPersonBySlug(db, opts.person);
    if (!person) throw new AppError("not_found", { message: `No person "${opts.person}".` });
    const now = clock.now();
    const row = await recordRolePeriod({
      db,
      now,
      by: CLI_ACTOR,
      groupId: group.id,
      personId: person.id,
      role: opts.role,
      title: opts.title,
      ...periodOfFlags(opts, dayOf(now)),
    });
    if (opts.json) printJsonLines(ctx, [row]);
    else
      ctx.out(
        `Recorded ${row.title || row.role} of ${person.name} in ${group.slug} ${period(row.startedOn, row.endedOn)} (role period ${row.id}).`,
      );
  });

  endCommand(roles.command("end").description("End a role period (by its id)."), "role period").action(
    async (id: string, opts: EndFlags) => {
      const { endRolePeriod } = await import("./end-role-period.ts");
      const row = await endPeriod(ctx, id, opts, ({ id, ...e }) => endRolePeriod({ ...e, periodId: id }));
      if (opts.json) printJsonLines(ctx, [row]);
      else ctx.out(`Ended role period ${row.id} (${row.title || row.role}) on ${row.endedOn ?? "-"}.`);
    },
  );

  addJsonOption(
    roles
      .command("list")
      .description("List a group's role periods, oldest first.")
      .requiredOption("--group <slug>", "the group"),
    "role period",
  ).action(async (opts: JsonFlag & { group: string }) => {
    const { database } = await ctx.services();
    const { findGroupBySlug, rolePeriodsOfGroup } = await loadRepo();
    const group = await findGroupBySlug(database.db, opts.group);
    if (!group) throw new AppError("not_found", { message: `No group "${opts.group}".` });
    const rows = (await rolePeriodsOfGroup(database.db, group.id)).map(({ period: p, person }) => ({
      ...p,
      person: person.slug,
      personName: person.name,
    }));
    printList(ctx, opts, rows, {
      empty: `${group.slug} has no role periods (its charter's roles count until a decision records one).`,
      header: ["id", "person", "role", "from", "until", "term ends", "decision"],
      row: (r) => [
        String(r.id),
        r.personName,
        r.title || r.role,
        r.startedOn,
        r.endedOn ?? "-",
        r.termEndsOn ?? "-",
        r.decisionRef ?? "-",
      ],
    });
  });
}
