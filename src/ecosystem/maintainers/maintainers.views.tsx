/** Pages of calls for maintainers: the open calls, one package's calls and offers, possibly dormant packages. */

import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import { When } from "../../platform/view/time.tsx";
import type { DormantReport } from "./find-dormant.ts";
import type { PackageCalls } from "./maintainer-calls.ts";
import type { openCalls } from "./maintainers.repo.ts";
import { MENTORING_PROGRAMMES } from "./mentoring.ts";

type OpenCall = Awaited<ReturnType<typeof openCalls>>[number];

/** What help a call asks for and who made it, on the list of calls and on a package's page. */
function CallFacts(props: {
  call: {
    help: string;
    skills: string;
    hoursPerWeek: number;
    createdByName: string;
    createdAs: string;
    openedAt: Date;
    suitsMentee: boolean;
  };
}) {
  const c = props.call;
  return (
    <>
      <dt>Help needed</dt>
      <dd>{c.help}</dd>
      <dt>Skills</dt>
      <dd>{c.skills}</dd>
      <dt>Time</dt>
      <dd>about {c.hoursPerWeek} hours a week</dd>
      <dt>Called by</dt>
      <dd>
        {c.createdByName} ({c.createdAs}), <When at={c.openedAt} />
      </dd>
      {c.suitsMentee && (
        <>
          <dt>Suits a mentee</dt>
          <dd>
            Mentoring programmes:{" "}
            {MENTORING_PROGRAMMES.map((p, i) => (
              <>
                {i > 0 && ", "}
                <a href={p.url}>{p.name}</a>
              </>
            ))}
          </dd>
        </>
      )}
    </>
  );
}

/** The offer form of one call. */
function OfferForm(props: { callId: number; displayName: string }) {
  return (
    <Form
      action={`/maintainer-calls/${props.callId}/offers`}
      submit="Offer to help"
      submitLabel={`Offer to help on ${props.displayName}`}
      fields={[
        {
          name: "pypiUser",
          label: "Your PyPI user name",
          required: true,
          hint: "Once the package's owners add this user on PyPI, the next sync shows you as a co-maintainer.",
          attrs: { maxlength: 100, autocomplete: "username" },
        },
        {
          name: "message",
          label: "What you can do (optional)",
          kind: "textarea",
          attrs: { rows: 3, maxlength: 2000 },
        },
      ]}
    />
  );
}

/** The `Maintainers wanted` badge. */
export function MaintainersWantedBadge(props: { name: string }) {
  return (
    <p>
      <a class="flag warn" href={`/packages/${props.name}/maintainers`}>
        Maintainers wanted
      </a>
    </p>
  );
}

/** The package page's section: open call, co-maintainers, link to the calls page. */
export function PackageMaintainersSection(props: { data: PackageCalls }) {
  const d = props.data;
  const listed = d.volunteers.filter((v) => v.listedByPypi);
  const waiting = d.volunteers.filter((v) => !v.listedByPypi);
  return (
    <Section id="maintainers-h" title="Maintainers">
      {d.openCall ? (
        <p>
          An open call for maintainers since <When at={d.openCall.openedAt} />: {d.openCall.help}{" "}
          <a href={`/packages/${d.pkg.name}/maintainers`}>See the call and offer to help</a>.
        </p>
      ) : (
        <p>
          No open call for maintainers.{" "}
          <a href={`/packages/${d.pkg.name}/maintainers`}>Calls for maintainers</a>
        </p>
      )}
      {listed.length > 0 && (
        <>
          <h3>New co-maintainers</h3>
          <ul>
            {listed.map((v) => (
              <li>
                {v.userName} (PyPI user <code>{v.pypiUser}</code>), listed by PyPI as an owner as of the sync
                of {d.ownersAsOf ? <When at={d.ownersAsOf} /> : "an unknown time"}
              </li>
            ))}
          </ul>
        </>
      )}
      {waiting.length > 0 && (
        <p>
          Accepted, waiting for PyPI to list them as an owner:{" "}
          {waiting.map((v) => `${v.userName} (${v.pypiUser})`).join(", ")}
          {d.pkg.source === "index"
            ? ""
            : " (this package has not been synced, so its PyPI owners are unknown)"}
          .
        </p>
      )}
    </Section>
  );
}

/** `/maintainers-wanted`: every open call. */
export function MaintainersWantedPage(props: { calls: OpenCall[]; signedIn: boolean }) {
  return (
    <Layout
      title="Maintainers wanted"
      path="/packages"
      head={
        <link
          rel="alternate"
          type="application/atom+xml"
          title="Maintainers wanted"
          href="/maintainers-wanted.atom"
        />
      }
    >
      <h1>Maintainers wanted</h1>
      <p>
        Open calls for new maintainers on Django packages, made by a package's maintainers or the Package
        Maintainers group. Feed: <a href="/maintainers-wanted.atom">Atom</a>; data:{" "}
        <a href="/api/maintainers-wanted">JSON</a>. The group also keeps a list of{" "}
        <a href="/maintainers-wanted/dormant">possibly dormant packages</a>.
      </p>
      {props.calls.length === 0 && <p>No call is open.</p>}
      {props.calls.map((c) => (
        <Section id={`call-${c.id}`} title={<a href={`/packages/${c.packageName}`}>{c.displayName}</a>}>
          <dl class="facts">
            <CallFacts call={c} />
            <dt>Offers so far</dt>
            <dd>{c.offers}</dd>
            <dt>Download rank</dt>
            <dd>{c.downloadRank ?? "not ranked"}</dd>
          </dl>
          {props.signedIn ? (
            <OfferForm callId={c.id} displayName={c.displayName} />
          ) : (
            <p>
              <a href={`/sign-in?next=${encodeURIComponent("/maintainers-wanted")}`}>Sign in</a> to offer
              help.
            </p>
          )}
        </Section>
      ))}
    </Layout>
  );
}

/** `/packages/<name>/maintainers`: the package's calls and offers, and the forms its maintainers and the group use. */
export function PackageCallsPage(props: { data: PackageCalls; canCall: boolean; signedIn: boolean }) {
  const d = props.data;
  const name = d.pkg.name;
  return (
    <Layout title={`${d.pkg.displayName}: calls for maintainers`} path="/packages">
      <p>
        <a href={`/packages/${name}`}>{d.pkg.displayName}</a>
      </p>
      <h1>Calls for maintainers: {d.pkg.displayName}</h1>
      <PackageMaintainersSection data={d} />
      <p>
        <a href={`/packages/${name}/transfers`}>Ownership transfers</a> ·{" "}
        <a href={`/packages/${name}/contact-log`}>Contact log (PEP 541)</a>
      </p>
      {props.canCall && !d.openCall && (
        <Section id="new-call-h" title="Make a call">
          <Form
            action={`/packages/${name}/maintainer-calls`}
            submit="Make the call"
            fields={[
              {
                name: "help",
                label: "What help is needed",
                kind: "textarea",
                required: true,
                attrs: { rows: 3, maxlength: 2000 },
              },
              { name: "skills", label: "Skills", required: true, attrs: { maxlength: 200 } },
              {
                name: "hoursPerWeek",
                label: "Hours a week",
                kind: "number",
                required: true,
                attrs: { min: 1, max: 80 },
              },
              {
                name: "suitsMentee",
                label: "The work suits a mentee (links Google Summer of Code and Djangonaut Space)",
                kind: "checkbox",
              },
            ]}
          />
        </Section>
      )}
      {!props.canCall && (
        <p>
          Only this package's maintainers (an account whose GitHub login owns its repository, or a volunteer
          PyPI lists as an owner) and the Package Maintainers group make calls.
        </p>
      )}
      <h2>Calls</h2>
      {d.calls.length === 0 && <p>No call has been made for this package.</p>}
      {d.calls.map((c) => (
        <Section
          id={`call-${c.id}`}
          title={
            <>
              Call {c.id}: <span class={`flag ${c.state === "open" ? "warn" : "ok"}`}>{c.state}</span>
            </>
          }
          level={3}
        >
          <dl class="facts">
            <CallFacts call={c} />
            {c.closedAt && (
              <>
                <dt>{c.state === "filled" ? "Filled" : "Withdrawn"}</dt>
                <dd>
                  <When at={c.closedAt} />
                </dd>
              </>
            )}
          </dl>
          {props.canCall && c.state === "open" && (
            <>
              <ButtonForm
                action={`/maintainer-calls/${c.id}/filled`}
                submit="Mark filled"
                submitLabel={`Mark filled: call ${c.id}`}
              />
              <ButtonForm
                action={`/maintainer-calls/${c.id}/withdrawn`}
                submit="Withdraw"
                submitLabel={`Withdraw: call ${c.id}`}
              />
            </>
          )}
          <h4>Offers</h4>
          {c.offers.length === 0 && <p>No offer yet.</p>}
          <ul>
            {c.offers.map((o) => (
              <li>
                {o.userName} (PyPI user <code>{o.pypiUser}</code>), {o.state}{" "}
                <When at={o.acceptedAt ?? o.offeredAt} />
                {o.message && <>: {o.message}</>}
                {props.canCall && o.state === "offered" && (
                  <ButtonForm
                    action={`/maintainer-offers/${o.id}/accept`}
                    submit="Accept"
                    submitLabel={`Accept: ${o.userName}'s offer`}
                  />
                )}
              </li>
            ))}
          </ul>
          {c.state === "open" && props.signedIn && (
            <OfferForm callId={c.id} displayName={d.pkg.displayName} />
          )}
        </Section>
      ))}
    </Layout>
  );
}

/** `/maintainers-wanted/dormant`: possibly dormant packages, for the group to reach out to. */
export function DormantPage(props: { report: DormantReport }) {
  const r = props.report;
  return (
    <Layout title="Possibly dormant packages" path="/packages">
      <h1>Possibly dormant packages</h1>
      <p>
        By Django Commons' rules where the catalogue's data allows: no release for 12 months, or no release
        within 6 months of a Django feature release
        {r.window
          ? ` (the latest window to have closed: Django ${r.window.series}, final ${r.window.final})`
          : ""}
        . The other Django Commons signals (admin activity, unacknowledged security reports) are not in the
        data. Ordered by priority: the rules met times a popularity weight, log10(15001 / download rank).
      </p>
      <SourceNote sources={[r.provenance]} />
      <p>
        {r.judged} packages judged; {r.unknown} could not be (unknown, and why, for the most popular below).
      </p>
      <section class="table-scroll" aria-label="Possibly dormant packages" tabindex={0}>
        <Table
          caption={`The ${r.dormant.length} highest-priority possibly dormant packages`}
          rows={r.dormant}
          columns={[
            { header: "Package", cell: (f) => <a href={`/packages/${f.name}`}>{f.displayName}</a> },
            { header: "Rank", cell: (f) => f.downloadRank ?? "not ranked" },
            { header: "Latest release", cell: (f) => f.lastRelease },
            { header: "Why", cell: (f) => f.reasons.map((x) => x.text).join("; ") },
            { header: "Priority", cell: (f) => f.priority.toFixed(2) },
            { header: "Data as of", cell: (f) => f.dataAsOf ?? "unknown" },
          ]}
        />
      </section>
      {r.unknownSamples.length > 0 && (
        <>
          <h2>Not judged</h2>
          <ul>
            {r.unknownSamples.map((f) => (
              <li>
                <a href={`/packages/${f.name}`}>{f.displayName}</a>: unknown, {f.unknownWhy}
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}
