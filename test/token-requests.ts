/**
 * Requests to the application as a signed-in account's access token: JSON (`call`) and form posts
 * (`form`), the token looked up by the test's name for the visitor when the request is made.
 */
import type { TestAccount } from "./factories/accounts.ts";

/** Anything that answers a Request like a Hono app's `request`. */
interface Requestable {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** `call(who, method, path, body?)` and `form(who, path, fields)` for the app and accounts given late. */
export function tokenRequests(app: () => Requestable, accounts: Record<string, TestAccount>) {
  const authorization = (who: string) => `Bearer ${accounts[who]?.token ?? "none"}`;
  return {
    call: async (who: string, method: string, path: string, body?: unknown) =>
      app().request(path, {
        method,
        headers: {
          authorization: authorization(who),
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    form: async (who: string, path: string, fields: Record<string, string>) =>
      app().request(path, {
        method: "POST",
        headers: { authorization: authorization(who), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      }),
  };
}
