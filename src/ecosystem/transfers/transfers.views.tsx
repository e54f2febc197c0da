/** Pages of ownership transfers, the roster of roadies and PEP 541 contact logs. */
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import { OnDay, When } from "../../platform/view/time.tsx";
import {
  FROM_KINDS,
  ORGANISATIONS,
  SETTABLE_STEP_STATES,
  STEP_OWNERS,
  TO_KINDS,
  VERIFIED_STEPS,
} from "./checklist.ts";
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, REQUIRED_ATTEMPTS } from "./contact-process.ts";
import type { ContactLog } from "./get-contact-log.ts";
import type { TransferView } from "./get-transfer.ts";
import type { rosterWithLoad } from "./transfers.repo.ts";

type Roster = Awaited<ReturnType<typeof rosterWithLoad>>;

const FROM_LABELS: Record<(typeof FROM_KINDS)[number], string> = {
  person: "A person",
  jazzband: "Jazzband (closing: transfers out by December 2026)",
  organisation: "Another organisation",
};
const TO_LABELS: Record<(typeof TO_KINDS)[number], string> = {
  person: "A person",
  "django-commons": "Django Commons",
  "wagtail-nest": "Wagtail Nest",
  organisation: "Another organisation",
};
const STATE_LABELS: Record<string, string> = {
  "to-do": "To do",
  "in-progress": "In progress",
  done: "Done",
  "not-needed": "Not needed",
  verified: "Verified",
  "waiting-for-sync": "Waiting for PyPI",
};
const OWNER_LABELS: Record<string, string> = { from: "Handing over", to: "Taking over", roadie: "Roadie" };

const stateClass = (s: string) =>
  s === "done" || s === "verified" || s === "not-needed" ? "ok" : s === "in-progress" ? "" : "warn";

/** The "PyPI owners" fact of a transfer or a contact log: who PyPI lists, and as of which sync. */
function PypiOwners(props: { owners: string[]; asOf: Date | null }) {
  return (
    <>
      <dt>PyPI owners</dt>
      <dd>
        {props.owners.join(", ") || "none listed"}{" "}
        {props.asOf ? (
          <>
            (source: PyPI, as of the sync of <When at={props.asOf} />)
          </>
        ) : (
          "(unknown: never synced from PyPI)"
        )}
      </dd>
    </>
  );
}

/** The roster table: each roadie's load and capacity. */
function RosterTable(props: { roster: Roster; suggested: number | null }) {
  return (
    <Table
      caption="Roadies and their load"
      rows={props.roster}
      columns={[
        {
          header: "Roadie",
          cell: (r) => (
            <>
              {r.name}
              {props.suggested === r.userId && " (next suggested)"}
            </>
          ),
        },
        { header: "Open transfers", cell: (r) => r.open },
        { header: "Capacity", cell: (r) => r.capacity },
        { header: "Knows", cell: (r) => r.note },
      ]}
    />
  );
}

/** `/transfers`: open and closed transfers, the roster of roadies, joining it. */
export function TransfersPage(props: {
  transfers: TransferView[];
  roster: Roster;
  suggested: number | null;
  viewerId: number | null;
}) {
  const onRoster = props.viewerId !== null && props.roster.some((r) => r.userId === props.viewerId);
  return (
    <Layout title="Ownership transfers" path="/packages">
      <h1>Ownership transfers</h1>
      <p>
        Packages changing hands, each worked through a checklist with a roadie (a volunteer familiar with
        transfers). {ORGANISATIONS.jazzband.note} Data: <a href="/api/transfers">JSON</a>.
      </p>
      <h2>Transfers</h2>
      {props.transfers.length === 0 && <p>No transfer yet.</p>}
      {props.transfers.length > 0 && (
        <Table
          caption="Transfers"
          rows={props.transfers}
          columns={[
            { header: "Package", cell: (t) => <a href={`/transfers/${t.id}`}>{t.displayName}</a> },
            { header: "From", cell: (t) => t.from.label },
            { header: "To", cell: (t) => t.to.label },
            { header: "Roadie", cell: (t) => t.roadie?.name ?? "none" },
            { header: "State", cell: (t) => t.state },
            {
              header: "Checklist",
              cell: (t) => (
                <>
                  {t.steps.filter((s) => ["done", "verified", "not-needed"].includes(s.state)).length} of{" "}
                  {t.steps.length}
                </>
              ),
            },
          ]}
        />
      )}
      <h2>Roster of roadies</h2>
      <p>
        A new transfer is given to the roadie with the most room (open transfers below their capacity) unless
        another is named.
      </p>
      {props.roster.length === 0 ? <p>Nobody is on the roster yet.</p> : <RosterTable {...props} />}
      {props.viewerId !== null && (
        <Section id="join-h" title={onRoster ? "Change your capacity" : "Volunteer as a roadie"} level={3}>
          <Form
            action="/roadies"
            submit={onRoster ? "Save" : "Join the roster"}
            fields={[
              {
                name: "capacity",
                label: "Open transfers you can take at once",
                kind: "number",
                required: true,
                value: "2",
                attrs: { min: 1, max: 10 },
              },
              { name: "note", label: "What you know (optional)", attrs: { maxlength: 200 } },
            ]}
          />
          {onRoster && <ButtonForm action="/roadies/leave" submit="Leave the roster" />}
        </Section>
      )}
    </Layout>
  );
}

/** `/transfers/<id>`: the checklist, with forms for those who work it. */
export function TransferPage(props: { t: TransferView; canWork: boolean }) {
  const t = props.t;
  return (
    <Layout title={`Transfer of ${t.displayName}`} path="/packages">
      <p>
        <a href="/transfers">Ownership transfers</a> ·{" "}
        <a href={`/packages/${t.packageName}`}>{t.displayName}</a>
      </p>
      <h1>Transfer of {t.displayName}</h1>
      <dl class="facts">
        <dt>From</dt>
        <dd>{t.from.label}</dd>
        <dt>To</dt>
        <dd>{t.to.label}</dd>
        <dt>Roadie</dt>
        <dd>{t.roadie?.name ?? "none (nobody on the roster had room)"}</dd>
        <dt>State</dt>
        <dd>
          {t.state}, opened <When at={t.openedAt} /> by {t.createdByName}
          {t.closedAt && (
            <>
              , closed <When at={t.closedAt} />
            </>
          )}
        </dd>
        <PypiOwners owners={t.owners} asOf={t.ownersAsOf} />
        <dt>Planned</dt>
        <dd>
          add {t.addPypiOwners.join(", ") || "nobody"}; remove {t.removePypiOwners.join(", ") || "nobody"}
        </dd>
      </dl>
      {t.notes.map((n) => (
        <p>{n}</p>
      ))}
      <h2>Checklist</h2>
      <Table
        caption="Checklist"
        rows={t.steps}
        columns={[
          { header: "Step", cell: (s) => s.label },
          {
            header: "Owner",
            cell: (s) => (
              <>
                {OWNER_LABELS[s.owner]}: {s.ownerName}
              </>
            ),
          },
          {
            header: "State",
            cell: (s) => (
              <>
                <span class={`flag ${stateClass(s.state)}`}>{STATE_LABELS[s.state] ?? s.state}</span>
                {s.why && <> ({s.why})</>}
              </>
            ),
          },
          {
            header: "Note",
            cell: (s) => (
              <>
                {s.note}
                {s.updatedAt && (
                  <>
                    {" "}
                    ({s.updatedByName}, <When at={s.updatedAt} />)
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      {props.canWork && t.state === "open" && (
        <>
          {t.steps.map((s) => (
            <Section id={`step-${s.step}`} title={s.label} level={3}>
              <Form
                action={`/transfers/${t.id}/steps/${s.step}`}
                submit="Save"
                submitLabel={`Save: ${s.label}`}
                fields={[
                  {
                    name: "owner",
                    label: "Owner",
                    kind: "select",
                    value: s.owner,
                    options: STEP_OWNERS.map((o) => ({ value: o, label: OWNER_LABELS[o] })),
                  },
                  {
                    name: "state",
                    label: "State",
                    kind: "select",
                    value: VERIFIED_STEPS.includes(s.step)
                      ? s.state === "not-needed"
                        ? "not-needed"
                        : "to-do"
                      : s.state,
                    options: SETTABLE_STEP_STATES.filter(
                      (x) => !VERIFIED_STEPS.includes(s.step) || x === "to-do" || x === "not-needed",
                    ).map((x) => ({ value: x, label: STATE_LABELS[x] ?? x })),
                    hint: VERIFIED_STEPS.includes(s.step)
                      ? "Verified from PyPI's owners at each sync; it cannot be marked done by hand."
                      : undefined,
                  },
                  { name: "note", label: "Note", value: s.note, attrs: { maxlength: 500 } },
                ]}
              />
            </Section>
          ))}
          <h2>Close the transfer</h2>
          {t.complete ? (
            <ButtonForm action={`/transfers/${t.id}/done`} submit="Mark the transfer done" />
          ) : (
            <p>The transfer can be marked done once every step is done, verified or not needed.</p>
          )}
          <ButtonForm action={`/transfers/${t.id}/cancelled`} submit="Cancel the transfer" />
        </>
      )}
    </Layout>
  );
}

/** `/packages/<name>/transfers`: a package's transfers and the form to open one. */
export function PackageTransfersPage(props: {
  name: string;
  displayName: string;
  transfers: TransferView[];
  roster: Roster;
  canOpen: boolean;
}) {
  const open = props.transfers.some((t) => t.state === "open");
  return (
    <Layout title={`${props.displayName}: ownership transfers`} path="/packages">
      <p>
        <a href={`/packages/${props.name}`}>{props.displayName}</a> · <a href="/transfers">All transfers</a> ·{" "}
        <a href={`/packages/${props.name}/contact-log`}>Contact log</a>
      </p>
      <h1>Ownership transfers: {props.displayName}</h1>
      {props.transfers.length === 0 && <p>No transfer of this package.</p>}
      <ul>
        {props.transfers.map((t) => (
          <li>
            <a href={`/transfers/${t.id}`}>
              {t.from.label} to {t.to.label}
            </a>{" "}
            ({t.state}, opened <When at={t.openedAt} />)
          </li>
        ))}
      </ul>
      {props.canOpen && !open && (
        <Section id="open-h" title="Open a transfer">
          <Form
            action={`/packages/${props.name}/transfers`}
            submit="Open the transfer"
            fields={[
              {
                name: "fromKind",
                label: "From",
                kind: "select",
                value: "person",
                options: FROM_KINDS.map((k) => ({ value: k, label: FROM_LABELS[k] })),
              },
              { name: "fromName", label: "From whom (a person or organisation)", attrs: { maxlength: 100 } },
              {
                name: "toKind",
                label: "To",
                kind: "select",
                value: "django-commons",
                options: TO_KINDS.map((k) => ({ value: k, label: TO_LABELS[k] })),
              },
              { name: "toName", label: "To whom (a person or organisation)", attrs: { maxlength: 100 } },
              {
                name: "addPypiOwners",
                label: "PyPI users to add as owners",
                hint: "Separated by commas or spaces; the PyPI roles step verifies itself once a sync lists them.",
                attrs: { maxlength: 500 },
              },
              { name: "removePypiOwners", label: "PyPI users who leave", attrs: { maxlength: 500 } },
              {
                name: "roadieUserId",
                label: "Roadie",
                kind: "select",
                value: "",
                options: [
                  { value: "", label: "The one with the most room" },
                  ...props.roster.map((r) => ({
                    value: String(r.userId),
                    label: `${r.name} (${r.open} of ${r.capacity})`,
                  })),
                ],
              },
            ]}
          />
        </Section>
      )}
      {!props.canOpen && (
        <p>Only this package's maintainers and the Package Maintainers group open a transfer.</p>
      )}
    </Layout>
  );
}

const PROCESS_LABELS: Record<string, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  waiting: "Waiting for six weeks to pass",
  exhausted: "Exhausted: the owners are unreachable",
  reached: "Reached: the owners replied",
};

/** `/packages/<name>/contact-log`: PEP 541 attempts, where the process stands, the support request. */
export function ContactLogPage(props: { log: ContactLog; canRecord: boolean; today: string }) {
  const l = props.log;
  const name = l.pkg.name;
  return (
    <Layout title={`${l.pkg.displayName}: contact log`} path="/packages">
      <p>
        <a href={`/packages/${name}`}>{l.pkg.displayName}</a> ·{" "}
        <a href={`/packages/${name}/transfers`}>Ownership transfers</a>
      </p>
      <h1>Contact log: {l.pkg.displayName}</h1>
      <p>
        PEP 541 counts a project's owners unreachable after {REQUIRED_ATTEMPTS} attempts to reach them over at
        least six weeks. Data: <a href={`/api/packages/${name}/contact-log`}>JSON</a>.
      </p>
      <dl class="facts">
        <dt>Process</dt>
        <dd>
          <span class={`flag ${l.process.state === "exhausted" ? "warn" : "ok"}`}>
            {PROCESS_LABELS[l.process.state]}
          </span>{" "}
          ({l.process.why})
        </dd>
        <PypiOwners owners={l.owners} asOf={l.ownersAsOf} />
        <dt>Latest release</dt>
        <dd>
          {l.pkg.latestVersion}
          {l.pkg.lastRelease ? (
            <>
              , <OnDay day={l.pkg.lastRelease} />
            </>
          ) : (
            " (date unknown)"
          )}
        </dd>
      </dl>
      <h2>Attempts</h2>
      <Table
        caption="Attempts to reach the owners"
        rows={l.attempts}
        columns={[
          { header: "Day", cell: (a) => <OnDay day={a.attemptedOn} /> },
          { header: "Channel", cell: (a) => a.channel },
          { header: "Where", cell: (a) => a.detail },
          { header: "Outcome", cell: (a) => a.outcome },
          { header: "By", cell: (a) => a.byName },
        ]}
        empty="No attempt recorded."
      />
      {props.canRecord && (
        <Section id="attempt-h" title="Record an attempt">
          <Form
            action={`/packages/${name}/contact-attempts`}
            submit="Record the attempt"
            fields={[
              {
                name: "attemptedOn",
                label: "Day",
                kind: "date",
                required: true,
                value: props.today,
                attrs: { max: props.today },
              },
              {
                name: "channel",
                label: "Channel",
                kind: "select",
                value: "email",
                options: CONTACT_CHANNELS.map((c) => ({ value: c, label: c })),
              },
              { name: "detail", label: "Where (an address, an issue link)", attrs: { maxlength: 300 } },
              {
                name: "outcome",
                label: "Outcome",
                kind: "select",
                value: "no-reply",
                options: CONTACT_OUTCOMES.map((c) => ({ value: c, label: c })),
              },
            ]}
          />
        </Section>
      )}
      {l.supportRequest && (
        <Section id="support-h" title="PyPI support request">
          <p>
            The process is exhausted. Copy this text into a PEP 541 request on PyPI's support tracker and fill
            in the claimant's part.
          </p>
          <pre class="support-request" tabindex={0}>
            {l.supportRequest}
          </pre>
        </Section>
      )}
    </Layout>
  );
}
