/**
 * "My groups": a signed-in person's memberships with their terms and renewal windows, the open
 * votes they may cast, their applications and where each stands, and what needs them (ballots to
 * cast, terms to renew, applications waiting for a chair or for a member who admits).
 */

import { type Actor, decide, holdsOn, listHandovers } from "../../kernel/index.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { admissionOf } from "../policy/membership-rule.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { listApplications } from "./list-applications.ts";
import { listMyApplications } from "./list-my-applications.ts";
import { listVotes } from "./list-votes.ts";
import { currentPeriodsOfPerson, groupsByIds, personWithVisibility } from "./my-groups.repo.ts";
import type { MyGroups } from "./my-groups.schemas.ts";
import { RENEWAL_WINDOW_DAYS } from "./renew-term.ts";
import { addDays, renewalOpen } from "./terms.ts";

const ROLE_WORDS: Record<string, string> = {
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
  member: "member",
};

/** A role in words ("Chair", or the title of a titled role). */
export function roleWords(role: string, title: string): string {
  return role === "other" ? title || "other role" : (ROLE_WORDS[role] ?? role);
}

/** Everything "My groups" shows for `actor` on `day`. */
export async function getMyGroups(input: { db: DbOrTx; day: string; actor: Actor }): Promise<MyGroups> {
  const { db, day, actor } = input;
  const personId = actor.personId;
  const held = actor.groupRoles.filter((r) => holdsOn(r, day));
  const groupRows = await groupsByIds(db, [...new Set(held.map((r) => r.groupId))]);
  const byId = new Map(groupRows.map((g) => [g.id, g]));
  const periods = personId === null ? [] : await currentPeriodsOfPerson(db, personId, day);
  const ref = (id: number) => {
    const g = byId.get(id);
    return { id, slug: g?.slug ?? "", name: g?.name ?? "" };
  };

  const memberships: MyGroups["memberships"] = held.flatMap((r) => {
    if (!byId.has(r.groupId)) return [];
    const period = periods.find((p) => p.groupId === r.groupId && p.role === r.role && p.title === r.title);
    const source = period ? "period" : r.startedOn === null ? "charter" : "ex-officio";
    const endsOn = period?.termEndsOn ?? null;
    const unknownBecause =
      endsOn !== null
        ? null
        : source === "charter"
          ? "named in the charter, which records no start date, so no term end can be counted"
          : source === "ex-officio"
            ? "held ex officio for as long as the foundation role that gives it"
            : "the charter sets no term";
    return [
      {
        group: ref(r.groupId),
        role: r.role,
        title: r.title,
        source,
        since: period?.startedOn ?? r.startedOn ?? null,
        term: {
          endsOn,
          unknownBecause,
          rolePeriodId: period && endsOn !== null ? period.id : null,
          renewal:
            period && endsOn !== null
              ? {
                  opensOn: addDays(endsOn, -RENEWAL_WINDOW_DAYS),
                  open: renewalOpen({ today: day, termEndsOn: endsOn, windowDays: RENEWAL_WINDOW_DAYS }),
                }
              : null,
        },
      },
    ];
  });
  memberships.sort((a, b) => a.group.name.localeCompare(b.group.name) || a.role.localeCompare(b.role));

  const openVotes =
    personId === null ? [] : await listVotes({ db, status: "open", viewerPersonId: personId });
  const votes: MyGroups["votes"] = openVotes
    .filter((v) => v.viewerMayVote || v.voters.some((p) => p.personId === personId))
    .map((v) => ({
      id: v.id,
      group: v.group,
      title: v.title,
      closesAt: v.closesAt,
      awaitingYourBallot: v.viewerMayVote,
    }));

  const applications: MyGroups["applications"] =
    personId === null
      ? []
      : (await listMyApplications({ db, personId })).map((a) => ({
          id: a.id,
          group: a.group,
          createdAt: a.createdAt,
          decidedAt: a.decidedAt,
          status: a.state.status,
          label: a.state.label,
          next: a.state.next,
          open: a.state.open,
          vote: a.vote,
        }));

  // Applications waiting for the viewer: chairs start decisions; where a member's invitation or a
  // role holder's appointment admits, those who may admit.
  const handles = new Set(
    groupRows
      .filter((g) => {
        const resource = groupResourceOf(g);
        if (decide(actor, "group.manage-applications", resource, day).allowed) return true;
        const kind = admissionOf(resource).kind;
        return (
          (kind === "invitation" || kind === "appointment") &&
          decide(actor, "group.decide-membership", resource, day).allowed
        );
      })
      .map((g) => g.id),
  );
  const waitingApplications: MyGroups["waitingApplications"] = handles.size
    ? (await listApplications({ db, openOnly: true }))
        .filter((a) => handles.has(a.group.id) && a.status === "pending" && a.person.id !== personId)
        .map((a) => ({
          id: a.id,
          group: a.group,
          person: a.person,
          status: a.status,
          createdAt: a.createdAt,
        }))
    : [];

  // Items needing a new owner in the groups the viewer chairs, and hand-over notes asked of them.
  const chaired = [
    ...new Set(memberships.filter((m) => m.role === "chair" || m.role === "co-chair").map((m) => m.group.id)),
  ];
  const toReassign = chaired.length ? await listHandovers(db, { groupIds: chaired, open: true }) : [];
  const byGroup = new Map<number, { group: { slug: string; name: string }; count: number }>();
  for (const h of toReassign) {
    const entry = byGroup.get(h.group.id) ?? { group: h.group, count: 0 };
    entry.count += h.needingOwner;
    byGroup.set(h.group.id, entry);
  }
  const notesAsked =
    personId === null
      ? []
      : (await listHandovers(db, { personId, open: true })).filter(
          (h) => h.askedAt !== null && h.note === null,
        );

  const needs: MyGroups["needs"] = [
    ...votes
      .filter((v) => v.awaitingYourBallot)
      .map((v) => ({
        kind: "cast-ballot" as const,
        text: `Cast your ballot: ${v.title} (${v.group.name})`,
        href: `/votes/${v.id}`,
      })),
    ...memberships
      .filter((m) => m.term.renewal?.open)
      .map((m) => ({
        kind: "renew-term" as const,
        text: `Renew your term as ${roleWords(m.role, m.title)} in ${m.group.name}: it ends on ${m.term.endsOn}`,
        href: `/groups/${m.group.slug}/decisions#terms`,
      })),
    ...waitingApplications.map((a) => ({
      kind: "decide-application" as const,
      text: `${a.person.name}'s application to ${a.group.name} is waiting`,
      href: `/groups/${a.group.slug}/decisions#applications`,
    })),
    ...[...byGroup.values()].map((g) => ({
      kind: "reassign-items" as const,
      text: `${g.count === 1 ? "One item needs" : `${g.count} items need`} a new owner in ${g.group.name}`,
      href: `/groups/${g.group.slug}/handovers`,
    })),
    ...notesAsked.map((h) => ({
      kind: "write-handover-note" as const,
      text: `Write your hand-over note for ${h.group.name}`,
      href: `/handovers/${h.id}`,
    })),
  ];

  const person = personId === null ? undefined : await personWithVisibility(db, personId);
  return {
    on: day,
    person: person ? { id: person.id, name: person.name, public: person.public } : null,
    memberships,
    votes,
    applications,
    waitingApplications,
    needs,
  };
}
