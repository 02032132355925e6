/**
 * The credentials step for an API key with its region (Employment Hero Payroll), end to end
 * against the fake backend: the regions from the catalogue, the masked key with its end, a pasted
 * key checked at once, the business choice, and refusals in the system's own words.
 */

import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { type FakeBackend, SANDBOX_API_KEYS } from "../../lib/ipc/fakeBackend";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { chooseProvider, renderApp } from "../../test/render";

type User = ReturnType<typeof renderApp>["user"];

const HEADING = "Which Employment Hero Payroll API key should HR Link use?";
const keyField = () => screen.getByLabelText("The API key");
const regions = () =>
  screen.getByRole("group", { name: "Where does your Employment Hero Payroll run?" });
const choosePayroll = (user: User) => chooseProvider(user, /^Employment Hero Payroll$/, HEADING);

function staged(backend: FakeBackend) {
  return backend.calls.filter((call) => call.method === "stageCredentials");
}

/** Pastes `text` into the key field (a paste, as the clipboard does it). */
async function paste(user: User, text: string) {
  await user.click(keyField());
  await user.paste(text);
}

describe("Employment Hero Payroll: the API key", () => {
  it("offers the catalogue's regions, masks the key and shows its end", async () => {
    const { user } = renderApp();
    await choosePayroll(user);
    const names = within(regions())
      .getAllByRole("radio")
      .map((radio) => radio.closest("div")?.textContent);
    expect(names).toEqual(["Australia", "New Zealand", "United Kingdom", "Singapore", "Malaysia"]);
    await user.type(keyField(), "VTJKNFJXaHdW");
    expect(keyField()).toHaveAttribute("type", "password");
    expect(screen.getByText(/The key ends in ••••aHdW/)).toBeVisible();
    await expectNoSeriousA11yViolations();
  });

  it("checks the key with the region chosen after it, and says which business it reached", async () => {
    const { user, backend } = renderApp();
    await choosePayroll(user);
    await paste(user, SANDBOX_API_KEYS.valid);
    // No region yet: nothing handed over until it is chosen.
    expect(staged(backend)).toEqual([]);
    await user.click(within(regions()).getByRole("radio", { name: "New Zealand" }));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Connected to Sandbox Harbourside Bakery — is this the right company?",
    });
    expect(staged(backend)).toEqual([
      {
        method: "stageCredentials",
        provider: "employmenthero_payroll",
        input: { kind: "text", text: `Region: NZ\n${SANDBOX_API_KEYS.valid}\n` },
      },
    ]);
  });

  it("checks a pasted key at once when the region is chosen, then asks which business", async () => {
    const { user, backend } = renderApp();
    await choosePayroll(user);
    await user.click(within(regions()).getByRole("radio", { name: "New Zealand" }));
    await paste(user, SANDBOX_API_KEYS.twoBusinesses);
    await screen.findByRole("heading", {
      level: 1,
      name: "Employment Hero Payroll key checked: which business is this for?",
    });
    expect(
      screen.getByText(
        "Nothing has been saved. Choose the business below, then HR Link checks it.",
      ),
    ).toBeVisible();
    const choice = await screen.findByRole("group", {
      name: "Which Employment Hero Payroll business is this connection for?",
    });
    await user.click(within(choice).getByRole("radio", { name: "Sandbox Harbourside Catering" }));
    await user.click(screen.getByRole("button", { name: "Check this business" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Connected to Sandbox Harbourside Catering — is this the right company?",
    });
    expect(backend.calls.filter((call) => call.method === "verifyConnection").at(-1)).toEqual({
      method: "verifyConnection",
      id: "staged-1",
      optional: [],
      organisation: "104388",
    });
  });

  it("asks for the region and the key before any call to the core", async () => {
    const { user, backend } = renderApp();
    await choosePayroll(user);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = screen.getByRole("heading", { level: 2, name: "There is a problem" });
    expect(summary.closest(".error-summary")).toHaveTextContent(
      "Choose where your Employment Hero Payroll runs",
    );
    // The summary links to the region question.
    expect(
      within(summary.closest(".error-summary") as HTMLElement).getByRole("link"),
    ).toHaveAttribute("href", "#api-key-region");
    await user.click(within(regions()).getByRole("radio", { name: "Australia" }));
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(
      await screen.findByText("Paste the API key from My Account", {
        selector: ".error-summary *",
      }),
    ).toBeVisible();
    expect(staged(backend)).toEqual([]);
  });

  it("says Employment Hero Payroll refused the key, naming its end, in the system's words", async () => {
    const { user } = renderApp();
    await choosePayroll(user);
    await user.click(within(regions()).getByRole("radio", { name: "United Kingdom" }));
    await paste(user, "VTJKNFJXaHdWVzVyYm05M2JqQXdPQT09");
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not connect to Employment Hero Payroll",
    });
    expect(
      screen.getAllByText(
        "Employment Hero Payroll did not accept the API key ••••••••QT09. It may have been changed with Change API Key, or it belongs to another region.",
      )[0],
    ).toBeVisible();
  });

  it("refuses the guide's example key before sending it", async () => {
    const { user } = renderApp();
    await choosePayroll(user);
    await user.click(within(regions()).getByRole("radio", { name: "New Zealand" }));
    await paste(user, SANDBOX_API_KEYS.example);
    expect(await screen.findByRole("heading", { level: 1, name: HEADING })).toBeVisible();
    await waitFor(() => expect(keyField()).toHaveAttribute("aria-invalid", "true"));
  });
});
