import axe from "axe-core";
import { expect } from "vitest";

/**
 * Runs axe-core on the rendered document and fails on serious or critical violations.
 * Colour contrast needs real layout and CSS, which jsdom lacks: it is checked in the browser
 * (scripts/screenshots.mjs) instead.
 */
export async function expectNoSeriousA11yViolations(context: Element | Document = document) {
  const results = await axe.run(context, {
    runOnly: {
      type: "tag",
      values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    rules: { "color-contrast": { enabled: false } },
  });
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
  expect(serious).toEqual([]);
  return results;
}
