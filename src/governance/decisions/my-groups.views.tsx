/** "My groups": the signed-in person's home page. Works without JavaScript. */
import { Layout } from "../../platform/http/layout.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { readableInstant } from "./application-state.ts";
import { roleWords } from "./get-my-groups.ts";
import type { MyGroups } from "./my-groups.schemas.ts";

/** Renders the overview from getMyGroups. */
export function MyGroupsPage(props: { model: MyGroups }) {
  const m = props.model;
  return (
    <Layout title="My groups" path="/me">
      <h1>My groups</h1>
      <p>As of {m.on} (UTC).</p>
      {m.person === null && (
        <p>
          Your account is not linked to a person yet. Apply to a group from its page on{" "}
          <a href="/groups">Groups</a>, or, if a charter names you, claim that person on{" "}
          <a href="/account">your account</a>.
        </p>
      )}
      {m.person && !m.person.public && (
        <p>
          You appear as {m.person.name} to the people who decide on your applications; the name is not public
          until you are a member.
        </p>
      )}

      <Section id="needs" title="What needs you">
        <ItemList
          items={m.needs}
          empty="Nothing needs you today."
          item={(n) => <a href={n.href}>{n.text}</a>}
        />
      </Section>

      <Section id="memberships" title="Your memberships">
        <ItemList
          items={m.memberships}
          empty="You hold no role in any group today."
          item={(r) => (
            <>
              <a href={`/groups/${r.group.slug}`}>{r.group.name}</a>: {roleWords(r.role, r.title)}
              {r.since ? `, since ${r.since}` : ""}.{" "}
              {r.term.endsOn ? (
                <>
                  Term ends {r.term.endsOn}.{" "}
                  {r.term.renewal?.open ? (
                    <a href={`/groups/${r.group.slug}/decisions#terms`}>Renewal is open: renew your term</a>
                  ) : r.term.renewal ? (
                    `Renewal opens ${r.term.renewal.opensOn}.`
                  ) : (
                    ""
                  )}
                </>
              ) : (
                `Term end unknown: ${r.term.unknownBecause ?? "not recorded"}.`
              )}
            </>
          )}
        />
      </Section>

      <Section id="votes" title="Open votes you may cast">
        <ItemList
          items={m.votes}
          empty="No open vote has you in its electorate."
          item={(v) => (
            <>
              <a href={`/votes/${v.id}`}>{v.title}</a> ({v.group.name}): closes {readableInstant(v.closesAt)};{" "}
              {v.awaitingYourBallot ? "your ballot is awaited" : "you have voted"}.
            </>
          )}
        />
      </Section>

      <Section id="applications" title="Your applications">
        <ItemList
          items={m.applications}
          empty="You have not applied to any group."
          item={(a) => (
            <>
              <a href={`/groups/${a.group.slug}/decisions`}>{a.group.name}</a>: application #{a.id}, made{" "}
              {readableInstant(a.createdAt)}; <strong>{a.label}</strong>. {a.next}
              {a.vote && a.vote.status === "open" && (
                <>
                  {" "}
                  <a href={`/votes/${a.vote.id}`}>Vote #{a.vote.id}</a>
                </>
              )}
            </>
          )}
        />
      </Section>

      {m.waitingApplications.length > 0 && (
        <Section id="waiting" title="Applications waiting for you">
          <ul>
            {m.waitingApplications.map((a) => (
              <li>
                <a href={`/groups/${a.group.slug}/decisions#applications`}>{a.group.name}</a>: {a.person.name}
                , since {readableInstant(a.createdAt)}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <p>
        The same as JSON: <a href="/api/me">/api/me</a>.
      </p>
    </Layout>
  );
}
