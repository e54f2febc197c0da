/**
 * Routes of ownership transfers (pages, forms and JSON), the roster of roadies, and PEP 541
 * contact logs. Who may act is the policy's: a package's maintainers and the Package Maintainers
 * group open transfers and record contact attempts; they and the transfer's roadie work it.
 */
import type { Context } from "hono";
import { z } from "zod";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Day, Id, OptionalId, oneOf, optionalText, Slug, wholeNumber } from "../../platform/validation.ts";
import { can, createEcosystemRoomRouter, requireViewer } from "../ecosystem.router.ts";
import { loadPackageResource } from "../maintainers/maintainer-calls.ts";
import { normalizeName } from "../packages/normalize-name.ts";
import { isoDay } from "../releases/calendar.ts";
import {
  FROM_KINDS,
  SETTABLE_STEP_STATES,
  STEP_OWNERS,
  STEPS,
  suggestRoadie,
  TO_KINDS,
} from "./checklist.ts";
import { closeTransfer } from "./close-transfer.ts";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from "./contact-process.ts";
import { getContactLog } from "./get-contact-log.ts";
import { getTransfer, listTransfers, loadTransferResource } from "./get-transfer.ts";
import { joinRoster, leaveRoster } from "./join-roster.ts";
import { openTransfer } from "./open-transfer.ts";
import { recordContactAttempt } from "./record-contact-attempt.ts";
import { setTransferStep } from "./set-transfer-step.ts";
import {
  ContactLogSchema,
  presentContactLog,
  presentTransfer,
  TransferSchema,
} from "./transfers.presenters.ts";
import { rosterWithLoad } from "./transfers.repo.ts";
import { ContactLogPage, PackageTransfersPage, TransferPage, TransfersPage } from "./transfers.views.tsx";

const PYPI_USER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** PyPI user names: a list (JSON) or text separated by commas or spaces (a form). */
const PypiUsers = z
  .preprocess(
    (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter((x) => x !== "") : (v ?? [])),
    z
      .array(z.string().max(100, "a PyPI user name has at most 100 characters"), {
        message: "must be PyPI user names",
      })
      .max(20, "at most 20 users"),
  )
  .refine((xs) => xs.every((x) => PYPI_USER.test(x)), {
    message: "must be PyPI user names (letters, digits, . _ -)",
  });

/** The body of a new transfer. */
export const OpenTransferSchema = z.object({
  fromKind: oneOf(FROM_KINDS),
  fromName: optionalText({ max: 100 }),
  toKind: oneOf(TO_KINDS),
  toName: optionalText({ max: 100 }),
  addPypiOwners: PypiUsers,
  removePypiOwners: PypiUsers,
  roadieUserId: OptionalId,
});

/** The body of a step's change. */
export const StepSchema = z.object({
  owner: oneOf(STEP_OWNERS),
  state: oneOf(SETTABLE_STEP_STATES),
  note: optionalText({ max: 500 }),
});

/** The body of joining the roster. */
export const RoadieSchema = z.object({
  capacity: wholeNumber({ min: 1, max: 10, message: "must be a whole number of transfers from 1 to 10" }),
  note: optionalText({ max: 200 }),
});

/** The body of a contact attempt. */
export const AttemptSchema = z.object({
  attemptedOn: Day,
  channel: oneOf(CONTACT_CHANNELS),
  detail: optionalText({ max: 300 }),
  outcome: oneOf(CONTACT_OUTCOMES),
});

/** Routes of transfers, roadies and contact logs. */
export function createTransfersRouter(services: Services): Router {
  const router = createEcosystemRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const NameParams = z.object({ name: Slug.describe("The project's name (PEP 503 normalised).") });
  const IdParams = z.object({ id: Id });
  const StepParams = z.object({ id: Id, step: oneOf(STEPS) });

  const requester = (c: Context<AppEnv>) => c.var.viewer?.name ?? "<your name>";

  const packageTransfersPage = async (c: Context<AppEnv>, raw: string) => {
    const pkg = await loadPackageResource(db, normalizeName(raw));
    const all = (await listTransfers({ db })).filter((t) => t.packageName === pkg.name);
    const roster = await rosterWithLoad(db);
    const canOpen = c.var.viewer
      ? await can(c, services, "package.transfer", () => Promise.resolve(pkg))
      : false;
    const displayName = all[0]?.displayName ?? pkg.name;
    return c.html(
      await renderPage(
        <PackageTransfersPage
          name={pkg.name}
          displayName={displayName}
          transfers={all}
          roster={roster}
          canOpen={canOpen}
        />,
      ),
    );
  };
  const transferPage = async (c: Context<AppEnv>, id: number) => {
    const t = await getTransfer({ db, id });
    const canWork = c.var.viewer
      ? await can(c, services, "transfer.work", () => loadTransferResource(db, id))
      : false;
    return c.html(await renderPage(<TransferPage t={t} canWork={canWork} />));
  };
  const transfersPage = async (c: Context<AppEnv>) => {
    const [transfers, roster] = await Promise.all([listTransfers({ db }), rosterWithLoad(db)]);
    return c.html(
      await renderPage(
        <TransfersPage
          transfers={transfers}
          roster={roster}
          suggested={suggestRoadie(roster)?.userId ?? null}
          viewerId={c.var.viewer?.userId ?? null}
        />,
      ),
    );
  };
  const contactLogPage = async (c: Context<AppEnv>, raw: string) => {
    const log = await getContactLog({ db, name: normalizeName(raw), requester: requester(c) });
    const canRecord = c.var.viewer
      ? await can(c, services, "package.contact-log", () => loadPackageResource(db, log.pkg.name))
      : false;
    return c.html(
      await renderPage(<ContactLogPage log={log} canRecord={canRecord} today={isoDay(clock.now())} />),
    );
  };

  router.get("/transfers", { handler: (c) => transfersPage(c) });

  router.get("/api/transfers", {
    summary:
      "Every ownership transfer (open first) with its checklist, and the roster of roadies with their load.",
    operationId: "listTransfers",
    response: {
      description: "Transfers and roadies.",
      schema: z.object({
        items: z.array(TransferSchema),
        roadies: z.array(
          z.object({
            userId: z.number().int(),
            name: z.string(),
            capacity: z.number().int(),
            open: z.number().int(),
          }),
        ),
        suggestedRoadie: z.number().int().nullable(),
      }),
      name: "Transfers",
    },
    handler: async (c) => {
      const [transfers, roster] = await Promise.all([listTransfers({ db }), rosterWithLoad(db)]);
      return c.json({
        items: transfers.map(presentTransfer),
        roadies: roster.map((r) => ({ userId: r.userId, name: r.name, capacity: r.capacity, open: r.open })),
        suggestedRoadie: suggestRoadie(roster)?.userId ?? null,
      });
    },
  });

  router.get("/transfers/:id", { params: IdParams, handler: (c, { params }) => transferPage(c, params.id) });

  router.get("/api/transfers/:id", {
    summary: "One ownership transfer with its checklist (the PyPI roles step verified from the last sync).",
    operationId: "getTransfer",
    params: IdParams,
    response: { description: "The transfer.", schema: TransferSchema, name: "Transfer" },
    errors: { 404: "No such transfer." },
    handler: async (c, { params }) => c.json(presentTransfer(await getTransfer({ db, id: params.id }))),
  });

  router.get("/packages/:name/transfers", {
    params: NameParams,
    handler: (c, { params }) => packageTransfersPage(c, params.name),
  });

  router.post("/packages/:name/transfers", {
    params: NameParams,
    form: OpenTransferSchema,
    action: "package.transfer",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    page: (c, { params }) => packageTransfersPage(c, params.name),
    handler: async (c, { params, body }) => {
      const t = await openTransfer({ db, clock, name: normalizeName(params.name), ...body, by: acting(c) });
      return c.redirect(`/transfers/${t.id}`, 303);
    },
  });

  router.post("/api/packages/:name/transfers", {
    summary:
      "Open an ownership transfer of a package with its checklist; the roadie with the most room is assigned unless one is named (its maintainers and the Package Maintainers group, scope groups).",
    operationId: "openTransfer",
    params: NameParams,
    json: OpenTransferSchema,
    action: "package.transfer",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    response: { status: 201, description: "Opened.", schema: TransferSchema, name: "Transfer" },
    errors: { 404: "No such package.", 409: "The package already has an open transfer." },
    handler: async (c, { params, body }) => {
      const t = await openTransfer({ db, clock, name: normalizeName(params.name), ...body, by: acting(c) });
      return c.json(presentTransfer(await getTransfer({ db, id: t.id })), 201);
    },
  });

  router.post("/transfers/:id/steps/:step", {
    params: StepParams,
    form: StepSchema,
    action: "transfer.work",
    resource: (_c, { params }) => loadTransferResource(db, params.id),
    page: (c, { params }) => transferPage(c, params.id),
    handler: async (c, { params, body }) => {
      await setTransferStep({ db, clock, transferId: params.id, step: params.step, ...body, by: acting(c) });
      return c.redirect(`/transfers/${params.id}`, 303);
    },
  });

  router.post("/api/transfers/:id/steps/:step", {
    summary:
      "Set a transfer step's owner, state and note; PyPI roles verifies itself at each sync (the package's maintainers, the Package Maintainers group, the transfer's roadie; scope groups).",
    operationId: "setTransferStep",
    params: StepParams,
    json: StepSchema,
    action: "transfer.work",
    resource: (_c, { params }) => loadTransferResource(db, params.id),
    response: { description: "The transfer as it now stands.", schema: TransferSchema, name: "Transfer" },
    errors: { 404: "No such transfer.", 409: "The transfer is closed." },
    handler: async (c, { params, body }) => {
      await setTransferStep({ db, clock, transferId: params.id, step: params.step, ...body, by: acting(c) });
      return c.json(presentTransfer(await getTransfer({ db, id: params.id })));
    },
  });

  for (const state of ["done", "cancelled"] as const) {
    router.post(`/transfers/:id/${state}`, {
      params: IdParams,
      action: "transfer.work",
      resource: (_c, { params }) => loadTransferResource(db, params.id),
      page: (c, { params }) => transferPage(c, params.id),
      handler: async (c, { params }) => {
        await closeTransfer({ db, clock, transferId: params.id, state, by: acting(c) });
        return c.redirect(`/transfers/${params.id}`, 303);
      },
    });
  }

  router.post("/roadies", {
    form: RoadieSchema,
    action: "roadie.join",
    page: (c) => transfersPage(c),
    handler: async (c, { body }) => {
      const v = requireViewer(c);
      await joinRoster({ db, clock, ...body, by: { userId: v.userId, name: v.name } });
      return c.redirect("/transfers", 303);
    },
  });

  router.post("/roadies/leave", {
    action: "roadie.join",
    page: (c) => transfersPage(c),
    handler: async (c) => {
      const v = requireViewer(c);
      await leaveRoster({ db, clock, by: { userId: v.userId, name: v.name } });
      return c.redirect("/transfers", 303);
    },
  });

  router.get("/packages/:name/contact-log", {
    params: NameParams,
    handler: (c, { params }) => contactLogPage(c, params.name),
  });

  router.get("/api/packages/:name/contact-log", {
    summary:
      "A package's PEP 541 contact log: attempts to reach its owners, where the process stands (three attempts over six weeks), and the PyPI support request text once exhausted.",
    operationId: "getContactLog",
    params: NameParams,
    response: { description: "The contact log.", schema: ContactLogSchema, name: "ContactLog" },
    errors: { 404: "No such package." },
    handler: async (c, { params }) =>
      c.json(
        presentContactLog(
          await getContactLog({ db, name: normalizeName(params.name), requester: requester(c) }),
        ),
      ),
  });

  router.post("/packages/:name/contact-attempts", {
    params: NameParams,
    form: AttemptSchema,
    action: "package.contact-log",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    page: (c, { params }) => contactLogPage(c, params.name),
    handler: async (c, { params, body }) => {
      await recordContactAttempt({ db, clock, name: normalizeName(params.name), ...body, by: acting(c) });
      return c.redirect(`/packages/${normalizeName(params.name)}/contact-log`, 303);
    },
  });

  router.post("/api/packages/:name/contact-attempts", {
    summary:
      "Record an attempt to reach a package's owners under PEP 541 (its maintainers and the Package Maintainers group, scope groups).",
    operationId: "recordContactAttempt",
    params: NameParams,
    json: AttemptSchema,
    action: "package.contact-log",
    resource: (_c, { params }) => loadPackageResource(db, normalizeName(params.name)),
    response: {
      status: 201,
      description: "Recorded; the log as it now stands.",
      schema: ContactLogSchema,
      name: "ContactLog",
    },
    errors: { 404: "No such package." },
    handler: async (c, { params, body }) => {
      const name = normalizeName(params.name);
      await recordContactAttempt({ db, clock, name, ...body, by: acting(c) });
      return c.json(presentContactLog(await getContactLog({ db, name, requester: requester(c) })), 201);
    },
  });

  return router.app;
}

/** The signed-in account acting. */
function acting(c: Context<AppEnv>) {
  const v = requireViewer(c);
  return { userId: v.userId, name: v.name };
}
