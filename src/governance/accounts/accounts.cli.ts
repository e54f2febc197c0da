import type { Command } from "commander";
import { type CliContext, printJsonLines } from "../../platform/cli.ts";
import { AppError } from "../../platform/errors.ts";
import { FOUNDATION_ROLES, GROUP_ROLES, TOKEN_SCOPES } from "../policy/policy.ts";
import {
  CLI_ACTOR,
  findGroupBySlug,
  findPersonBySlug,
  findUserByEmail,
  listTokens,
  rolePeriodsOfGroup,
  type UserRow,
} from "./accounts.repo.ts";
import { createToken } from "./create-token.ts";
import { createUser } from "./create-user.ts";
import { endFoundationRole } from "./end-foundation-role.ts";
import { endRolePeriod } from "./end-role-period.ts";
import { grantFoundationRole } from "./grant-foundation-role.ts";
import { recordRolePeriod } from "./record-role-period.ts";
import { revokeToken } from "./revoke-token.ts";
import { dayOf } from "./schemas.ts";

async function userByEmail(ctx: CliContext, email: string): Promise<UserRow> {
  const { database } = await ctx.services();
  const user = await findUserByEmail(database.db, email.trim());
  if (!user) {
    throw new AppError("not_found", {
      message: `No user with email ${email}. Create one with: guildhall users create --email ${email} --name "..."`,
    });
  }
  return user;
}

/** Adds `guildhall users ...` and `guildhall tokens ...` (site administration from the command line). */
export function registerAccountsCommands(program: Command, ctx: CliContext): void {
  const users = program.command("users").description("Create accounts and grant foundation roles.");

  users
    .command("create")
    .description("Create an account that can sign in with an emailed link (or GitHub, by the same email).")
    .requiredOption("--email <address>", "the account's email address")
    .requiredOption("--name <name>", "the name shown on pages")
    .option("--admin", "also make the account a site administrator from today")
    .action(async (opts: { email: string; name: string; admin?: boolean }) => {
      const { database, clock } = await ctx.services();
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
      printJsonLines(ctx, [{ id: user.id, email: user.email, name: user.name, admin: Boolean(opts.admin) }]);
    });

  users
    .command("grant")
    .description(`Grant a foundation role for a period. Roles: ${FOUNDATION_ROLES.join(", ")}.`)
    .argument("<email>", "the account's email address")
    .argument("<role>", "the foundation role")
    .option("--from <date>", "first day the role is held, YYYY-MM-DD (default: today)")
    .option("--until <date>", "first day the role is no longer held, YYYY-MM-DD")
    .option("--term-ends <date>", "end of the elected term (Board members), YYYY-MM-DD")
    .option("--reason <text>", "why", "")
    .option("--decision <ref>", "the decision behind it (a Board resolution, an election)")
    .action(
      async (
        email: string,
        role: string,
        opts: { from?: string; until?: string; termEnds?: string; reason: string; decision?: string },
      ) => {
        const { database, clock } = await ctx.services();
        const user = await userByEmail(ctx, email);
        const now = clock.now();
        const row = await grantFoundationRole({
          db: database.db,
          now,
          by: CLI_ACTOR,
          userId: user.id,
          role,
          startedOn: opts.from ?? dayOf(now),
          endedOn: opts.until ?? null,
          termEndsOn: opts.termEnds ?? null,
          reason: opts.reason,
          decisionRef: opts.decision ?? null,
        });
        printJsonLines(ctx, [row]);
      },
    );

  users
    .command("end-role")
    .description("End a foundation role period (by the id `users grant` printed).")
    .argument("<id>", "the role period's id")
    .option("--on <date>", "first day the role is no longer held, YYYY-MM-DD (default: today)")
    .option("--reason <text>", "why", "")
    .option("--decision <ref>", "the decision behind it")
    .action(async (id: string, opts: { on?: string; reason: string; decision?: string }) => {
      const { database, clock } = await ctx.services();
      const now = clock.now();
      const row = await endFoundationRole({
        db: database.db,
        now,
        by: CLI_ACTOR,
        roleId: Number(id) || 0,
        endedOn: opts.on ?? dayOf(now),
        reason: opts.reason,
        decisionRef: opts.decision ?? null,
      });
      printJsonLines(ctx, [row]);
    });

  const tokens = program.command("tokens").description("Personal access tokens for scripts and bots.");

  tokens
    .command("create")
    .description(
      "Create a personal access token and print it (once) on standard output. Use it as `Authorization: Bearer <token>`.",
    )
    .requiredOption("--email <address>", "the account the token acts as")
    .requiredOption("--name <name>", "what the token is for")
    .option("--scopes <list>", `comma-separated scopes: ${TOKEN_SCOPES.join(", ")}`, "read")
    .option("--expires-in-days <n>", "lifetime in days (1-366)", "90")
    .action(async (opts: { email: string; name: string; scopes: string; expiresInDays: string }) => {
      const { database, clock } = await ctx.services();
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
      ctx.err(
        `Token ${row.id} "${row.name}" for ${user.email}: scopes ${row.scopes.join(",")}, expires ${row.expiresAt.toISOString()}`,
      );
      ctx.out(token);
    });

  tokens
    .command("list")
    .description("List an account's tokens (never the tokens themselves).")
    .requiredOption("--email <address>", "the account")
    .action(async (opts: { email: string }) => {
      const { database } = await ctx.services();
      const user = await userByEmail(ctx, opts.email);
      const rows = await listTokens(database.db, user.id);
      printJsonLines(
        ctx,
        rows.map(({ tokenHash: _hash, ...rest }) => rest),
      );
    });

  tokens
    .command("revoke")
    .description("Revoke a token by id; it stops working at once.")
    .argument("<id>", "the token's id")
    .requiredOption("--email <address>", "the account owning it")
    .action(async (id: string, opts: { email: string }) => {
      const { database, clock } = await ctx.services();
      const user = await userByEmail(ctx, opts.email);
      const row = await revokeToken({
        db: database.db,
        now: clock.now(),
        by: CLI_ACTOR,
        userId: user.id,
        tokenId: Number(id) || 0,
      });
      printJsonLines(ctx, [{ id: row.id, name: row.name, revokedAt: row.revokedAt }]);
    });

  const roles = program
    .command("roles")
    .description("Group role periods: who held which role in a group, when, and by which decision.");

  roles
    .command("record")
    .description(`Record a role period. Roles: ${GROUP_ROLES.join(", ")} ("other" needs --title).`)
    .requiredOption("--group <slug>", "the group")
    .requiredOption("--person <slug>", "the person (as on /people)")
    .requiredOption("--role <role>", "the role")
    .option("--title <title>", 'title of an "other" role', "")
    .option("--from <date>", "first day held, YYYY-MM-DD (default: today)")
    .option("--until <date>", "first day no longer held, YYYY-MM-DD")
    .option("--term-ends <date>", "end of the term, YYYY-MM-DD")
    .option("--reason <text>", "why", "")
    .option("--decision <ref>", "the decision behind it (a vote id, a Board resolution)")
    .action(
      async (opts: {
        group: string;
        person: string;
        role: string;
        title: string;
        from?: string;
        until?: string;
        termEnds?: string;
        reason: string;
        decision?: string;
      }) => {
        const { database, clock } = await ctx.services();
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
          startedOn: opts.from ?? dayOf(now),
          endedOn: opts.until ?? null,
          termEndsOn: opts.termEnds ?? null,
          reason: opts.reason,
          decisionRef: opts.decision ?? null,
        });
        printJsonLines(ctx, [row]);
      },
    );

  roles
    .command("end")
    .description("End a role period (by its id).")
    .argument("<id>", "the role period's id")
    .option("--on <date>", "first day no longer held, YYYY-MM-DD (default: today)")
    .option("--reason <text>", "why", "")
    .option("--decision <ref>", "the decision behind it")
    .action(async (id: string, opts: { on?: string; reason: string; decision?: string }) => {
      const { database, clock } = await ctx.services();
      const now = clock.now();
      const row = await endRolePeriod({
        db: database.db,
        now,
        by: CLI_ACTOR,
        periodId: Number(id) || 0,
        endedOn: opts.on ?? dayOf(now),
        reason: opts.reason,
        decisionRef: opts.decision ?? null,
      });
      printJsonLines(ctx, [row]);
    });

  roles
    .command("list")
    .description("List a group's role periods, oldest first, as JSON lines.")
    .requiredOption("--group <slug>", "the group")
    .action(async (opts: { group: string }) => {
      const { database } = await ctx.services();
      const group = await findGroupBySlug(database.db, opts.group);
      if (!group) throw new AppError("not_found", { message: `No group "${opts.group}".` });
      const rows = await rolePeriodsOfGroup(database.db, group.id);
      printJsonLines(
        ctx,
        rows.map(({ period, person }) => ({ ...period, person: person.slug, personName: person.name })),
      );
    });
}
