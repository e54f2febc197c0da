/**
 * The kinds of content the marketing charter names, the networks a social post or community
 * announcement goes to, and the workflow states: constant tables (the command line loads them too).
 */

/** Kinds of content item. */
export const CONTENT_KINDS = [
  "blog-post",
  "www-page",
  "www-template-page",
  "fundraising-page",
  "docs-contribution",
  "social-post",
  "community-announcement",
  "event-collateral",
  "campaign-site-page",
  "strategy-document",
] as const;
/** A kind of content item. */
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Readable names of the kinds. */
export const CONTENT_KIND_LABELS: Record<ContentKind, string> = {
  "blog-post": "Blog post",
  "www-page": "www page",
  "www-template-page": "www page managed in the website's templates",
  "fundraising-page": "Fundraising page",
  "docs-contribution": "Docs contribution",
  "social-post": "Social post",
  "community-announcement": "Community announcement",
  "event-collateral": "Event collateral",
  "campaign-site-page": "Campaign-site page",
  "strategy-document": "Strategy document",
};

/** The documents the charter says the group maintains (a strategy document is one of them). */
export const DOC_TYPES = ["marketing-strategy", "content-strategy", "brand-guidelines", "kpis"] as const;
/** A kind of strategy document. */
export type DocType = (typeof DOC_TYPES)[number];

/** Readable names of the documents. */
export const DOC_TYPE_LABELS: Record<DocType, string> = {
  "marketing-strategy": "Marketing strategy",
  "content-strategy": "Website content strategy and editorial line",
  "brand-guidelines": "Brand guidelines",
  kpis: "KPI set",
};

/** Networks a social post goes to. */
export const SOCIAL_NETWORKS = ["mastodon", "bluesky", "linkedin"] as const;
/** Community channels an announcement goes to. */
export const COMMUNITY_CHANNELS = ["forum", "discord"] as const;
/** Where a social post or announcement goes. */
export type Network = (typeof SOCIAL_NETWORKS)[number] | (typeof COMMUNITY_CHANNELS)[number];

/** The networks a kind needs one of (empty: the kind has none). */
export function networksOf(kind: ContentKind): readonly Network[] {
  if (kind === "social-post") return SOCIAL_NETWORKS;
  if (kind === "community-announcement") return COMMUNITY_CHANNELS;
  return [];
}

/** Where an item is in its workflow. */
export const ITEM_STATES = [
  "draft",
  "in-review",
  "changes-requested",
  "approved",
  "scheduled",
  "published",
  "archived",
] as const;
/** Where an item is in its workflow. */
export type ItemState = (typeof ITEM_STATES)[number];

/** Each workflow state in words, as the pages show it ("In review"); keyed by the stored state. */
export const ITEM_STATE_LABELS: Readonly<Record<string, string>> = {
  draft: "Draft",
  "in-review": "In review",
  "changes-requested": "Changes requested",
  approved: "Approved",
  scheduled: "Scheduled",
  published: "Published",
  archived: "Archived",
} satisfies Record<ItemState, string>;

/** States anyone may see an item in. */
export const PUBLIC_STATES: readonly ItemState[] = ["published"];

/**
 * States in which anyone sees an item on the editorial calendar and in its iCalendar feed: its date
 * and title are announced once it is scheduled (its page stays the group's until it is published).
 */
export const CALENDAR_PUBLIC_STATES: readonly ItemState[] = ["scheduled", "published"];

/** Where content goes out, for the calendar: the kind's outlet, plus the network for posts and announcements. */
export const CHANNELS = [
  "blog",
  "www",
  "www-template",
  "fundraising",
  "docs",
  "social/mastodon",
  "social/bluesky",
  "social/linkedin",
  "community/forum",
  "community/discord",
  "events",
  "campaign-site",
  "strategy",
] as const;
/** A channel of the editorial calendar. */
export type Channel = (typeof CHANNELS)[number];

const KIND_CHANNEL: Record<ContentKind, string> = {
  "blog-post": "blog",
  "www-page": "www",
  "www-template-page": "www-template",
  "fundraising-page": "fundraising",
  "docs-contribution": "docs",
  "social-post": "social",
  "community-announcement": "community",
  "event-collateral": "events",
  "campaign-site-page": "campaign-site",
  // Strategy documents are never published; the group plans their reviews on its calendar.
  "strategy-document": "strategy",
};

/** The channel of an item: `blog`, or `social/mastodon` for a kind that goes to a network. */
export function channelOf(kind: ContentKind, network: string | null): Channel {
  const base = KIND_CHANNEL[kind];
  return (network && networksOf(kind).length > 0 ? `${base}/${network}` : base) as Channel;
}

/** Kinds of review step. */
export const STEP_KINDS = ["member", "partner", "final-check", "board"] as const;
/** A kind of review step. */
export type StepKind = (typeof STEP_KINDS)[number];

/** Days a partner group has to sign off before the Board may decide in its place. */
export const PARTNER_DAYS = 7;

/** The kind (and network) of a channel's items: the inverse of channelOf. */
export function kindOfChannel(channel: Channel): { kind: ContentKind; network: string | null } {
  const [base, network] = channel.split("/");
  const kind = (Object.keys(KIND_CHANNEL) as ContentKind[]).find((k) => KIND_CHANNEL[k] === base);
  if (!kind) throw new Error(`no kind for channel ${channel}`);
  return { kind, network: network ?? null };
}
