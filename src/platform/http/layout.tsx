import { AsyncLocalStorage } from "node:async_hooks";
import { raw } from "hono/html";
import type { Child } from "hono/jsx";

/** Who is looking at a page, as far as the layout needs to know. */
export interface LayoutViewer {
  name: string;
  /** When given, the header offers a sign-out button (a POST form carrying this CSRF token). */
  csrfToken?: string;
}

/**
 * The signed-in viewer of the request being handled (set by the HTTP app after authentication),
 * so every page shows the visitor's state even when its route passes no `viewer`. A page that
 * passes `viewer={null}` explicitly (a page cached for anonymous visitors) is rendered anonymous.
 */
export const requestViewer = new AsyncLocalStorage<LayoutViewer | null>();

/** Props of the page layout shared by every server-rendered page. */
export interface LayoutProps {
  title: string;
  children?: Child;
  viewer?: LayoutViewer | null;
  /** Extra `<link>`s such as feeds, rendered in `<head>`. */
  head?: Child;
  /** Path of the current page, to mark the current navigation entry. */
  path?: string;
}

const NAV: ReadonlyArray<{ href: string; label: string }> = [
  { href: "/groups", label: "Groups" },
  { href: "/people", label: "People" },
  { href: "/releases", label: "Django releases" },
  { href: "/packages", label: "Packages" },
];

/** The page frame: skip link, header with navigation, main landmark, footer. */
export function Layout(props: LayoutProps) {
  const viewer = props.viewer !== undefined ? props.viewer : (requestViewer.getStore() ?? null);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Guildhall`}</title>
        <link rel="stylesheet" href="/static/site.css" />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            Guildhall
          </a>
          <nav aria-label="Main">
            <ul>
              {NAV.map((n) => (
                <li>
                  <a href={n.href} aria-current={props.path?.startsWith(n.href) ? "page" : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div class="account">
            {viewer ? (
              <>
                <span>
                  Signed in as <a href="/account">{viewer.name}</a>
                </span>
                {viewer.csrfToken !== undefined && (
                  <form method="post" action="/sign-out" class="inline">
                    <input type="hidden" name="_csrf" value={viewer.csrfToken} />
                    <button type="submit">Sign out</button>
                  </form>
                )}
              </>
            ) : (
              <a href="/sign-in">Sign in</a>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site">
          <p>Guildhall: working groups, teams and the package ecosystem of the Django community.</p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a JSX page to a full HTML document string with its doctype. */
export async function renderPage(node: Child): Promise<string> {
  return `<!DOCTYPE html>${String(await node)}`;
}

/** Inline SVG (from a chart renderer) inserted without escaping; only pass trusted server output. */
export function trustedSvg(svg: string) {
  return raw(svg);
}
