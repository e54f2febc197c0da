/**
 * Runs in the page (a browser script, not type-checked against Node's types): the page geometry
 * that test/phone-width.browser.db.test.ts asserts on. `viewport` is the viewport's width in CSS px.
 */
// biome-ignore lint/correctness/noUnusedVariables: evaluated in the page by the test
const measurePage = (viewport) => {
  const describe = (el) => {
    const id = el.id ? `#${el.id}` : "";
    const cls = el.classList.length ? `.${[...el.classList].join(".")}` : "";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
  };
  // Whether a box between the element and the page clips it (a scrolling table box): an ancestor
  // whose overflow is not visible, in the element's containing-block chain. An absolutely positioned
  // element escapes every ancestor up to the nearest positioned one, a fixed one escapes them all.
  const scrolls = (el) => {
    let position = getComputedStyle(el).position;
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      if (position === "fixed") return false;
      const style = getComputedStyle(e);
      if (position === "absolute" && style.position === "static") continue;
      if (style.overflowX !== "visible") return true;
      position = style.position;
    }
    return false;
  };
  const overflowing = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= viewport + 0.5 || scrolls(el)) continue;
    // Report the outermost offender only.
    const parent = el.parentElement;
    if (parent && parent.getBoundingClientRect().right > viewport + 0.5 && !scrolls(parent)) continue;
    overflowing.push([r.right, `${describe(el)} right=${Math.round(r.right)}`]);
  }
  overflowing.sort((a, b) => b[0] - a[0]);
  const rigidCharts = [];
  for (const svg of document.querySelectorAll("main svg")) {
    const r = svg.getBoundingClientRect();
    if (r.width < 100) continue; // icons
    const container = svg.parentElement?.getBoundingClientRect();
    if (!svg.getAttribute("viewBox")) rigidCharts.push(`${describe(svg)}: no viewBox`);
    else if (container && r.width > container.width + 0.5)
      rigidCharts.push(`${describe(svg)}: ${Math.round(r.width)} px in ${Math.round(container.width)} px`);
  }
  const misplacedChoices = [];
  const inputs = [...document.querySelectorAll("input[type=checkbox], input[type=radio]")];
  const visible = inputs.filter((i) => i.getBoundingClientRect().width > 0);
  for (const input of visible) {
    const box = input.getBoundingClientRect();
    const labels = [...(input.labels ?? [])];
    const beside = labels.some((label) => {
      // The label's first line box: a label wrapping onto more lines still starts beside its input.
      const line = label.getClientRects()[0];
      if (!line) return false;
      const sameLine = box.top < line.bottom && box.bottom > line.top;
      const gap = Math.max(line.left - box.right, box.left - line.right, 0);
      return sameLine && gap <= 24;
    });
    if (!beside)
      misplacedChoices.push(
        `${input.type} ${input.name}=${input.value}: ${labels.length ? `label "${(labels[0]?.textContent ?? "").trim().slice(0, 30)}" not beside it` : "no label"}`,
      );
  }
  const header = document.querySelector("header.site");
  return {
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    headerHeight: header ? Math.round(header.getBoundingClientRect().height) : -1,
    overflowing: overflowing.slice(0, 4).map(([, d]) => d),
    rigidCharts,
    misplacedChoices,
    choices: visible.length,
  };
};
