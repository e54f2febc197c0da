/** A group's chat channel settings: the webhook (masked once saved) and which kinds go there. */
import type { WebhookSetting } from "../../kernel/index.ts";
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { When } from "../../platform/view/time.tsx";
import { GROUP_CHANNEL_KINDS } from "./set-group-webhook.ts";

/** The settings page (only for those who may set the webhook). */
export function ChannelsPage(props: {
  group: { slug: string; name: string };
  webhook: WebhookSetting | null;
  saved?: boolean;
}) {
  const action = `/groups/${props.group.slug}/channels`;
  const w = props.webhook;
  return (
    <Layout title={`Chat channel: ${props.group.name}`} path="/groups">
      <p>
        <a href={`/groups/${props.group.slug}`}>{props.group.name}</a>
      </p>
      <h1>Chat channel</h1>
      <p>
        Guildhall can post the group's notifications to a Discord or Slack channel through an incoming
        webhook. Whoever has the webhook address can post to the channel, so it is kept secret: after saving,
        only its host and last characters are shown, to the group's Chair and Co-Chair and site
        administrators.
      </p>
      {props.saved && (
        <p role="status" class="notice">
          Saved.
        </p>
      )}
      {w ? (
        <p>
          Posting to a {w.provider === "discord" ? "Discord" : "Slack"} webhook <code>{w.masked}</code>, set{" "}
          <When at={w.setAt} />.
        </p>
      ) : (
        <p>No webhook is set: nothing is posted to a chat channel.</p>
      )}
      <Form
        action={action}
        submit={w ? "Save changes" : "Save the webhook"}
        fields={[
          {
            name: "provider",
            label: "Service",
            kind: "radios",
            value: w?.provider ?? "discord",
            options: [
              { value: "discord", label: "Discord" },
              { value: "slack", label: "Slack" },
            ],
          },
          {
            name: "url",
            label: w ? "New webhook address (leave empty to keep the current one)" : "Webhook address",
            kind: "text",
            required: !w,
            value: "",
            hint: "Discord: https://discord.com/api/webhooks/…; Slack: https://hooks.slack.com/services/…",
            attrs: { autocomplete: "off", maxlength: 500, spellcheck: false },
          },
          {
            name: "kinds",
            label: "Post these to the channel",
            kind: "checkboxes",
            value: w?.kinds ?? GROUP_CHANNEL_KINDS.map((k) => k.kind),
            options: GROUP_CHANNEL_KINDS.map((k) => ({ value: k.kind, label: k.label })),
          },
        ]}
      />
      {w && <ButtonForm action={`${action}/remove`} submit="Remove the webhook" />}
    </Layout>
  );
}
