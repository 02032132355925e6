import { render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import enCatalogue from "../../../../crates/hrlink-core/messages/en.json";
import { createI18n } from "../../lib/i18n";
import type { WizardProblem } from "../../lib/ipc/types";
import { DeliveryFailed, FAILURE_PAGES, type HandoffProblem } from "./DeliveryPages";

const product = "Acme Rostering";
/** Every parameter a hand-off problem's text may name. */
const params = { product, provider: "HRworks", expected: "Sonnenschein", reached: "Nordlicht" };

/** The hand-off's problems as the core's catalogue lists them: the codes the core can return. */
const catalogued = Object.keys(enCatalogue).filter((code) =>
  /^(enrollment|delivery)_/.test(code),
) as HandoffProblem[];

/** The others a redeem or delivery can end with: the keychain, credentials no longer held. */
const others: HandoffProblem[] = [
  "vault_locked",
  "vault_unavailable",
  "vault_timed_out",
  "credentials_expired",
];

function renderPage(code: HandoffProblem) {
  const actions = { onTryAgain() {}, onBack() {}, onNewCode() {} };
  const page = FAILURE_PAGES[code];
  render(
    <I18nextProvider i18n={createI18n("en")}>
      <DeliveryFailed
        product={product}
        problem={{ code, params } as WizardProblem}
        held
        onTryAgain={page?.tryAgain ? actions.onTryAgain : undefined}
        onBack={page?.otherCredentials ? actions.onBack : undefined}
        onNewCode={actions.onNewCode}
      />
    </I18nextProvider>,
  );
  return page;
}

describe("a failure page for every hand-off problem", () => {
  it("knows the catalogue's hand-off problems", () => {
    expect(catalogued).toContain("delivery_unreachable");
    expect(catalogued.length).toBeGreaterThanOrEqual(9);
  });

  it.each([...catalogued, ...others])(
    "%s has its own page with what happened and the next step",
    (code) => {
      const page = renderPage(code);
      expect(page, `no failure page for ${code}`).toBeDefined();
      const heading = screen.getByRole("heading", { level: 1 });
      expect(heading.textContent).not.toMatch(/\{\{|undefined/);
      const summary = within(screen.getByRole("alert"));
      const entry = (enCatalogue as Record<string, { message: string; next_step: string }>)[code];
      expect(entry, `no catalogue text for ${code}`).toBeDefined();
      const words = (text: string) =>
        text.replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name as keyof typeof params]),
        );
      expect(summary.getByText(words(entry?.message ?? ""))).toBeVisible();
      expect(summary.getByText(words(entry?.next_step ?? ""))).toBeVisible();
      // The hand-off's own problems name the product, in its words ("Ask Acme Rostering …"); a
      // code that cannot be read is refused before any product is asked (its page names it).
      if (!others.includes(code) && code !== "enrollment_code_invalid") {
        expect(`${entry?.message} ${entry?.next_step}`).toContain("{product}");
      }
      expect(screen.getByRole("button", { name: "Enter another code" })).toBeVisible();
      const tryAgain = screen.queryByRole("button", { name: "Try again" });
      expect(Boolean(tryAgain)).toBe(page?.tryAgain);
      expect(Boolean(screen.queryByRole("button", { name: "Back" }))).toBe(page?.otherCredentials);
    },
  );

  it("words each kind of failure in its own heading", () => {
    const headings = (codes: HandoffProblem[]) =>
      new Set(codes.map((c) => FAILURE_PAGES[c].heading));
    expect(headings(["enrollment_unknown", "enrollment_expired", "enrollment_used"]).size).toBe(1);
    expect(
      headings([
        "enrollment_used",
        "delivery_different_account",
        "delivery_unreachable",
        "delivery_exchange_failed",
        "vault_locked",
        "credentials_expired",
      ]).size,
    ).toBe(6);
  });
});
