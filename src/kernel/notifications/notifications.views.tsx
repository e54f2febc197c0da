/** The inbox, the notification choices, and the administrators' failed deliveries. */
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { Table } from "../../platform/view/table.tsx";
import { When } from "../../platform/view/time.tsx";
import type { NotificationMode } from "./inbox.repo.ts";
import type { DeliveryListing } from "./notifications.repo.ts";
import type { InboxItem } from "./read-inbox.ts";
import { MODE_LABELS, MODES, type NotificationKindInfo } from "./set-preferences.ts";

/** The viewer's inbox. */
export function InboxPage(props: { unread: number; items: readonly InboxItem[]; unreadOnly: boolean }) {
  return (
    <Layout title="Inbox" path="/inbox">
      <h1>Inbox</h1>
      <p>
        {props.unread === 0
          ? "Nothing unread."
          : `${props.unread} unread notification${props.unread === 1 ? "" : "s"}.`}{" "}
        {props.unreadOnly ? <a href="/inbox">Show all</a> : <a href="/inbox?unread=1">Show unread only</a>}
        {" · "}
        <a href="/account/notifications">Choose what is emailed</a>
      </p>
      {props.unread > 0 && <ButtonForm action="/inbox/read-all" submit="Mark all read" />}
      {props.items.length === 0 ? (
        <p>No notifications yet.</p>
      ) : (
        <ol class="inbox">
          {props.items.map((i) => (
            <li class={i.readAt ? "read" : "unread"}>
              <h2>
                {i.readAt ? "" : "Unread: "}
                {i.link ? <a href={i.link}>{i.subject}</a> : i.subject}
              </h2>
              <p class="meta">
                <When at={i.createdAt} />
              </p>
              <p class="pre-line">{i.text}</p>
              {!i.readAt && (
                <ButtonForm
                  action={`/inbox/${i.id}/read`}
                  submit="Mark read"
                  submitLabel={`Mark read: ${i.subject}`}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

/** One choice per kind. */
export function PreferencesPage(props: {
  preferences: ReadonlyArray<NotificationKindInfo & { mode: NotificationMode }>;
  saved?: boolean;
}) {
  return (
    <Layout title="Notification choices" path="/account">
      <h1>Notification choices</h1>
      <p>
        Every notification lands in your <a href="/inbox">inbox</a>. For each kind, choose whether it is also
        emailed to you at once, gathered into one email a day (sent after midnight UTC), or not emailed at
        all.
      </p>
      {props.saved && (
        <p role="status" class="notice">
          Saved.
        </p>
      )}
      <Form
        action="/account/notifications"
        submit="Save choices"
        fields={props.preferences.map((p) => ({
          name: p.kind,
          label: p.label,
          kind: "select" as const,
          value: p.mode,
          options: MODES.map((m) => ({ value: m, label: MODE_LABELS[m] })),
        }))}
      />
    </Layout>
  );
}

/** An address as admins see it: enough to tell whose, not enough to copy (webhooks come masked). */
export function maskTarget(target: string | null): string {
  if (!target) return "not resolved";
  const at = target.lastIndexOf("@");
  if (at > 0 && !target.includes(" ")) return `${target.slice(0, 1)}…${target.slice(at)}`;
  return target;
}

/** Failed deliveries, with a retry button each. */
export function FailedDeliveriesPage(props: { failed: readonly DeliveryListing[] }) {
  return (
    <Layout title="Failed notifications" path="/admin/notifications">
      <h1>Failed notifications</h1>
      <p>
        Deliveries given up after their last attempt (or refused for good by the receiving server). Sending
        one again starts a new round of attempts; a message already received is recognisable by its
        Message-ID.
      </p>
      {props.failed.length === 0 ? (
        <p>No failed deliveries.</p>
      ) : (
        <Table caption="Failed deliveries, latest attempt first">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">To</th>
              <th scope="col">Last error</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last attempt</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.failed.map((d) => (
              <tr>
                <td>
                  {d.kind} ({d.channel}, delivery {d.id})
                </td>
                <td>{maskTarget(d.target)}</td>
                <td>{d.lastError ?? "no error recorded"}</td>
                <td class="num">{d.attempts}</td>
                <td>{d.lastAttemptAt ? <When at={d.lastAttemptAt} /> : "never"}</td>
                <td>
                  <ButtonForm
                    action={`/admin/notifications/${d.id}/retry`}
                    submit="Send again"
                    submitLabel={`Send delivery ${d.id} again`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Layout>
  );
}
