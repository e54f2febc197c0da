/**
 * A minimal cookie-keeping client over `app.request` (or any fetch-like function): what a browser
 * without JavaScript does, so tests can sign in, submit forms with their CSRF token and follow links.
 */

type Fetcher = (path: string, init: RequestInit) => Response | Promise<Response>;

/** A visitor with a cookie jar and a client address. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  /** Set-Cookie header lines received, for asserting cookie attributes. */
  readonly setCookieLines: string[] = [];

  constructor(
    private readonly fetcher: Fetcher,
    readonly ip = "203.0.113.10",
  ) {}

  /** Sends a request with the jar's cookies; stores cookies it sets. */
  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) {
      headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    }
    headers.set("x-forwarded-for", this.ip);
    const res = await this.fetcher(path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** GET a page and return its HTML (any status). */
  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    return { res, html: await res.text() };
  }

  /** The CSRF token in a page's first form. */
  static csrfIn(html: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m?.[1]) throw new Error("no CSRF field in the page");
    return m[1];
  }

  /** Fetches a page to get a fresh CSRF token (as the form on it would carry). */
  async csrf(path = "/sign-in"): Promise<string> {
    return TestBrowser.csrfIn((await this.page(path)).html);
  }

  /** POSTs a form (urlencoded), adding the CSRF token unless `csrf: false`. */
  async submit(
    path: string,
    fields: Record<string, string | string[]>,
    options: { csrf?: string | false } = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    const token = options.csrf === undefined ? await this.csrf() : options.csrf;
    if (token !== false) body.append("_csrf", token);
    for (const [k, v] of Object.entries(fields)) {
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    }
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
  }
}

/** A visitor of `app` signed in with the session `sessionId`: its cookie is already in the jar. */
export function signedInBrowser(app: { request: Fetcher }, sessionId: string): TestBrowser {
  const browser = new TestBrowser((path, init) => app.request(path, init));
  browser.cookies.set("guildhall_session", sessionId);
  return browser;
}
