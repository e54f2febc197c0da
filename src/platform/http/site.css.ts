/** The site stylesheet: readable, high-contrast, works without JavaScript. */
export const SITE_CSS = `
:root { --fg:#1a1a1a; --muted:#4a4a4a; --bg:#fff; --accent:#0c4b33; --link:#0b5394; --warn:#8a4b00; --bad:#a4161a; --ok:#1e6b3a; --line:#d0d0d0; }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--fg); background:var(--bg); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
.skip { position:absolute; left:-999px; top:0; background:#fff; padding:.5rem 1rem; }
.skip:focus { left:1rem; z-index:10; }
/* Header: the brand and one disclosure ("Menu") holding the navigation and the account. On a phone
   the menu opens below the header without JavaScript; from 48rem the menu's content is shown as a row
   (where the browser can style a details element's content; elsewhere it stays a menu). */
header.site { position:relative; display:flex; flex-wrap:wrap; gap:.5rem 2rem; align-items:center; justify-content:space-between; padding:.5rem 1rem; background:var(--accent); color:#fff; }
header.site a { color:#fff; }
header.site .brand { font-weight:700; font-size:1.25rem; text-decoration:none; }
header.site [aria-current="page"] { text-decoration-thickness:3px; }
header.site .menu > summary { cursor:pointer; padding:.4rem .75rem; border:1px solid #fff; border-radius:.25rem; }
header.site .menu > summary:focus-visible { outline:3px solid #f9a825; outline-offset:2px; }
header.site .menu-body { position:absolute; left:0; right:0; top:100%; z-index:5; display:flex; flex-direction:column; gap:.5rem; padding:.25rem 1rem 1rem; background:var(--accent); border-top:1px solid rgba(255,255,255,.4); box-shadow:0 6px 12px rgba(0,0,0,.3); }
header.site nav ul { display:flex; flex-direction:column; list-style:none; margin:0; padding:0; }
header.site nav a { display:block; padding:.5rem 0; }
header.site .account { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:center; }
header.site .account button { background:#fff; color:var(--accent); }
@media (min-width: 48rem) {
  header.site { flex-wrap:nowrap; padding:.75rem 1.5rem; }
  @supports selector(::details-content) {
    header.site .menu { flex:1; }
    header.site .menu > summary { display:none; }
    header.site .menu::details-content { content-visibility:visible; }
    header.site .menu-body { position:static; flex-direction:row; flex-wrap:wrap; align-items:center; gap:.5rem 2rem; padding:0; border:0; box-shadow:none; }
    header.site nav ul { flex-direction:row; flex-wrap:wrap; gap:.25rem 1.25rem; }
    header.site nav a { display:inline; padding:0; }
    header.site .account { margin-left:auto; }
  }
}
a.button { display:inline-block; background:var(--accent); color:#fff; padding:.35rem .75rem; border-radius:.25rem; text-decoration:none; }
/* Long words, URLs and code break rather than push the page wider than a phone. */
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; overflow-wrap:anywhere; }
th, button, summary, .flag { overflow-wrap:normal; }
pre { white-space:pre; overflow-wrap:normal; }
footer.site { border-top:1px solid var(--line); color:var(--muted); padding:1rem 1.5rem; font-size:.9rem; }
table { border-collapse: collapse; width:100%; margin:1rem 0; }
caption { text-align:left; font-weight:600; padding:.25rem 0; }
th, td { text-align:left; padding:.4rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
td { overflow-wrap:anywhere; }
th.num, td.num { text-align:right; font-variant-numeric:tabular-nums; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem; }
  th, td { padding:.3rem .3rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap:0; }
  dl.facts dd { margin-bottom:.5rem; }
}
/* A table wider than the page scrolls inside its own box (platform/view/table.tsx), never the page. */
pre, .table-scroll { overflow-x:auto; max-width:100%; }
/* position: the box is also the containing block of positioned content (visually hidden text), which
   would otherwise escape the scrolling and widen the page. */
.table-scroll { position:relative; margin:1rem 0; }
.table-scroll > table { margin:0; }
.table-scroll:focus-visible { outline:3px solid #f9a825; outline-offset:2px; }
img, video { max-width:100%; height:auto; }
figure { margin:1rem 0; }
th { background:#f3f3f3; }
.flag { display:inline-block; padding:0 .4rem; border-radius:.25rem; font-size:.85rem; border:1px solid currentColor; margin:0 .25rem .25rem 0; }
.flag.warn { color:var(--warn); } .flag.bad { color:var(--bad); } .flag.ok { color:var(--ok); }
.muted { color: var(--muted); }
dl.facts { display:grid; grid-template-columns: max-content minmax(0, 1fr); gap:.25rem 1rem; }
dl.facts dt { font-weight:600; }
dl.facts dd { margin:0; }
form.inline { display:flex; flex-wrap:wrap; gap:.5rem 1rem; align-items:end; }
label { font-weight:600; display:block; }
input, select, textarea, button { font:inherit; padding:.35rem .5rem; }
/* Form controls never grow past the page; a checkbox or radio button sits on the line of its label. */
input:not([type=checkbox]):not([type=radio]), select, textarea { max-width:100%; }
form.inline > * { min-width:0; max-width:100%; }
input[type=checkbox], input[type=radio] { width:1.15rem; height:1.15rem; margin:0; padding:0; flex:none; vertical-align:middle; }
input[type=checkbox] + label, input[type=radio] + label, label:has(> input[type=checkbox], > input[type=radio]) { display:inline; font-weight:400; }
button { background:var(--accent); color:#fff; border:0; border-radius:.25rem; cursor:pointer; }
.error-summary { border:3px solid var(--bad); padding:1rem; }
.error-summary h2 { margin-top:0; }
.notice { border:3px solid var(--warn); padding:.25rem 1rem; margin:1rem 0; } .notice.bad { border-color:var(--bad); } .notice h2 { margin-top:.5rem; }
.error-summary a { color:var(--bad); font-weight:600; }
form .field { margin:.5rem 0; }
form.inline .field { margin:0; }
.field input:not([type=checkbox]):not([type=radio]), .field select, .field textarea { display:block; max-width:100%; box-sizing:border-box; }
.field textarea { width:100%; }
.choice { display:flex; align-items:center; gap:.4rem; margin:.25rem 0; }
.choice label { display:inline; font-weight:400; }
fieldset { border:1px solid var(--line); margin:.5rem 0; }
.hint { display:block; color:var(--muted); }
.field-error { display:block; color:var(--bad); font-weight:600; }
[aria-invalid="true"] { outline:3px solid var(--bad); outline-offset:1px; }
/* Charts are SVG with a viewBox: they shrink with the page, keeping their proportions. */
.chart svg, main svg[viewBox] { max-width:100%; height:auto; }
.visually-hidden { position:absolute !important; width:1px; height:1px; padding:0; margin:-1px; overflow:hidden; clip:rect(0,0,0,0); white-space:nowrap; border:0; }
ul.flags { list-style:none; margin:0; padding:0; }
ul.health { padding-left:1.25rem; }
ul.health li { margin-bottom:.5rem; }
ol.inbox { list-style:none; padding:0; }
ol.inbox li { border-left:4px solid #ccc; padding:.25rem .75rem; margin:0 0 1rem; }
ol.inbox li.unread { border-left-color:var(--accent); }
ol.inbox h2 { font-size:1.05rem; margin:.25rem 0; }
.pre-line { white-space:pre-line; overflow-wrap:anywhere; }
td.num { text-align:right; }
/* The editorial calendar: a month grid of seven columns; on a phone each day with items becomes a row of a list. */
ul.plain { list-style:none; margin:0; padding:0; }
ul.inline-list { display:flex; flex-wrap:wrap; gap:.25rem 1.25rem; }
.month-grid table { table-layout:fixed; }
.month-grid td { font-size:.9rem; }
.month-grid td.out { background:#f7f7f7; color:var(--muted); }
.month-grid .day { display:block; font-weight:600; }
.month-grid li, ol.week-list li li { margin:.15rem 0; }
.channel { font-weight:600; }
li.clash { border-left:4px solid var(--bad); padding-left:.35rem; }
ol.week-list { list-style:none; padding:0; }
ol.week-list h2 { font-size:1.05rem; margin:1rem 0 .25rem; }
@media (max-width: 40rem) {
  .month-grid table, .month-grid tbody, .month-grid tr, .month-grid td { display:block; width:auto; }
  .month-grid thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0,0,0,0); }
  .month-grid td.empty { display:none; }
  .month-grid td { border-bottom:1px solid var(--line); padding:.5rem 0; }
}
`;
