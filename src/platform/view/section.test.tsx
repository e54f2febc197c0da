import { describe, expect, it } from "vitest";
import { Section } from "./section.tsx";

describe("the section component", () => {
  it("labels the section by its second-level heading", async () => {
    const html = String(
      await (
        <Section id="votes" title="Votes">
          <p>None.</p>
        </Section>
      ),
    );
    expect(html).toBe('<section aria-labelledby="votes"><h2 id="votes">Votes</h2><p>None.</p></section>');
  });

  it("takes a third-level heading, a class and a heading with markup", async () => {
    const html = String(
      await (
        <Section id="step-1" title={<>Step {1}</>} level={3} class="notice">
          <p>x</p>
        </Section>
      ),
    );
    expect(html).toBe(
      '<section aria-labelledby="step-1" class="notice"><h3 id="step-1">Step 1</h3><p>x</p></section>',
    );
  });
});
