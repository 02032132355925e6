import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FAKE_CATEGORIES, keyFileText, SANDBOX_KEYS } from "../../lib/ipc/fake";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { ALREADY_HAVE, pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";

const cloud = { appInfo: { cloud: true, product: "Acme Rostering" } };
type User = ReturnType<typeof renderApp>["user"];

async function enterCode(user: User, code: string) {
  const field = await screen.findByLabelText("Code from Acme Rostering");
  await user.clear(field);
  await user.type(field, code);
  await user.click(screen.getByRole("button", { name: "Continue" }));
}

/** From the code to the check's result with a pasted HRworks key. */
async function checkHrworksKey(user: User, code: string, key = VALID_KEY_FILE) {
  await enterCode(user, code);
  await screen.findByRole("heading", {
    level: 1,
    name: "Connect your HR system to Acme Rostering for Kōwhai Gardening Ltd?",
  });
  await user.click(screen.getByRole("button", { name: "Yes, continue" }));
  // This code leaves the choice to the admin.
  await user.click(await screen.findByRole("radio", { name: /HRworks/ }));
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await screen.findByRole("heading", { level: 1, name: /^What may .+ read in HRworks\?$/ });
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.click(await screen.findByRole("button", { name: "I already have a key file" }));
  await screen.findByRole("heading", { level: 1, name: "Which HRworks key should HR Link use?" });
  await pasteKey(user, key);
}

/** From the Employment Hero code to its browser sign-in, started (the same step as locally). */
async function signInToEmploymentHero(user: User) {
  await enterCode(user, "HRL-EMPH-2026");
  await user.click(await screen.findByRole("button", { name: "Yes, continue" }));
  await screen.findByRole("heading", {
    level: 1,
    name: /^What may .+ read in Employment Hero\?$/,
  });
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.click(await screen.findByRole("button", { name: ALREADY_HAVE }));
  await user.click(await screen.findByRole("button", { name: "Sign in with Employment Hero" }));
}

describe("the wizard in cloud delivery mode", () => {
  it("takes a code typed loosely, names the tenant first, and sends the checked key", async () => {
    const { user, backend } = renderApp(cloud);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Enter the code from Acme Rostering" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations();
    // Spaces, small letters and no "HRL-": the product's HRworks code.
    await enterCode(user, "hrwk 2026");
    expect(screen.getByText("Code created by Aroha Ngata")).toBeVisible();
    expect(screen.getByText("HRworks")).toBeVisible();
    expect(backend.calls.map((c) => c.method)).not.toContain("deliverConnection");
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Yes, continue" }));
    // The product chose HRworks: the wizard starts at what to share.
    await screen.findByRole("heading", { level: 1, name: /^What may .+ read in HRworks\?$/ });
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "I already have a key file" }));
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Send to Acme Rostering" }));
    const done = await screen.findByRole("heading", {
      level: 1,
      name: "Acme Rostering now has your HRworks connection",
    });
    expect(done).toHaveFocus();
    expect(
      screen.getByText(/reaches Sandbox Bäckerei GmbH for Kōwhai Gardening Ltd/),
    ).toBeVisible();
    expect(backend.stagedIds()).toEqual([]);
    await expectNoSeriousA11yViolations();
  });

  it("asks for the mapping onto the product's categories before sending, and sends it", async () => {
    const { user, backend } = renderApp({ ...cloud, categories: FAKE_CATEGORIES });
    await enterCode(user, "HRL-HRWK-2026");
    await user.click(await screen.findByRole("button", { name: "Yes, continue" }));
    await screen.findByRole("heading", { level: 1, name: /^What may .+ read in HRworks\?$/ });
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "I already have a key file" }));
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Send to Acme Rostering" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Where do your HRworks people go in Acme Rostering?",
    });
    expect(backend.calls.map((c) => c.method)).not.toContain("deliverConnection");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Acme Rostering now has your HRworks connection",
    });
    expect(backend.deliveredMappings).toEqual([
      {
        locations: { "1": "loc_1", "2": "loc_2" },
        areas_of_work: { "3100": "aw_1" },
        roles: {},
        default_role: "r_2",
      },
    ]);
  });

  it("says what was wrong with a code that cannot be read, on the code page", async () => {
    const { user } = renderApp(cloud);
    await enterCode(user, "HRL-12");
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText(/not a code/i)).toBeVisible();
    expect(screen.getByLabelText("Code from Acme Rostering")).toHaveValue("HRL-12");
  });

  it.each([
    ["HRL-VSED-0NCE", "This code from Acme Rostering has already been used."],
    ["HRL-EXP1-RED0", /expired/],
    ["HRL-ZZZZ-ZZZZ", "Acme Rostering does not know this code."],
  ])("gives %s its own page with the next step in the product's words", async (code, message) => {
    const { user } = renderApp(cloud);
    await enterCode(user, code);
    const heading = await screen.findByRole("heading", {
      level: 1,
      name: "This code cannot be used",
    });
    expect(screen.getAllByText(message).length).toBeGreaterThan(0);
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Enter another code" }));
    expect(await screen.findByLabelText("Code from Acme Rostering")).toHaveValue("");
    expect(heading).not.toBeInTheDocument();
  });

  it("sends nothing when the admin does not recognise the tenant", async () => {
    const { user, backend } = renderApp(cloud);
    await enterCode(user, "HRL-7K3M-Q9XZ");
    await user.click(await screen.findByRole("button", { name: "No, this is not my business" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Nothing was sent" }),
    ).toHaveFocus();
    expect(backend.calls.map((c) => c.method)).toContain("forgetEnrollment");
    expect(backend.calls.map((c) => c.method)).not.toContain("deliverConnection");
  });

  it("refuses another company for a re-authorise code, and Back returns to the check", async () => {
    const { user, backend } = renderApp(cloud);
    await enterCode(user, "HRL-REA7-HRWK");
    expect(
      await screen.findByText(/renew the connection to HRworks for Sandbox Bäckerei GmbH/),
    ).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Yes, continue" }));
    await screen.findByRole("heading", { level: 1, name: /^What may .+ read in HRworks\?$/ });
    // Every step says whose connection is being renewed.
    expect(screen.getByText("Re-authorise HRworks for Sandbox Bäckerei GmbH")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "I already have a key file" }));
    await pasteKey(user, keyFileText(SANDBOX_KEYS.otherCompany));
    await user.click(await screen.findByRole("button", { name: "Send to Acme Rostering" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "This is not the company Acme Rostering expects",
      }),
    ).toBeVisible();
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    expect(backend.stagedIds()).toHaveLength(1);
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("button", { name: "Send to Acme Rostering" })).toBeVisible();
  });

  it("keeps the checked key when the product cannot be reached, so Try again sends it", async () => {
    const { user, backend } = renderApp({
      ...cloud,
      deliveryProblem: { code: "delivery_unreachable", params: { product: "Acme Rostering" } },
    });
    await checkHrworksKey(user, "HRL-7K3M-Q9XZ");
    await user.click(await screen.findByRole("button", { name: "Send to Acme Rostering" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not reach Acme Rostering",
    });
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not reach Acme Rostering",
    });
    const sent = backend.calls.filter((c) => c.method === "deliverConnection");
    expect(sent).toHaveLength(2);
    expect(new Set(sent.map((c) => ("staged" in c ? c.staged : "")))).toHaveProperty("size", 1);
  });

  it("signs in to Employment Hero in the browser and sends the people the admin confirmed", async () => {
    const { user, backend } = renderApp({
      ...cloud,
      enrollmentCodes: { "HRL-EMPH-2026": { provider: "employmenthero" } },
    });
    await signInToEmploymentHero(user);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    await user.click(
      await screen.findByRole("button", { name: "Yes, these are our people" }, { timeout: 5000 }),
    );
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Acme Rostering now has your Employment Hero connection",
      }),
    ).toBeVisible();
    const methods = backend.calls.map((c) => c.method);
    expect(methods).toContain("signIn");
    const confirmed = methods.indexOf("confirmPeople");
    expect(confirmed).toBeGreaterThan(-1);
    expect(methods.indexOf("deliverConnection")).toBeGreaterThan(confirmed);
  });

  it("shows a code exchange the product refused on its own page, and Try again signs in again", async () => {
    const { user } = renderApp({
      ...cloud,
      enrollmentCodes: { "HRL-EMPH-2026": { provider: "employmenthero" } },
      signIn: {
        kind: "fail",
        problem: {
          code: "delivery_exchange_failed",
          params: { product: "Acme Rostering", provider: "Employment Hero" },
        },
      },
    });
    await signInToEmploymentHero(user);
    expect(
      await screen.findByRole("heading", { level: 1, name: "The sign-in could not be completed" }),
    ).toBeVisible();
    // Nothing is held after a failed sign-in: the page does not say otherwise.
    expect(screen.queryByText(/still held by HR Link/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Sign in to Employment Hero in your browser",
      }),
    ).toBeVisible();
  });

  it("asks the product again with the same code when it could not be reached", async () => {
    const { user, backend } = renderApp({ ...cloud, productUnreachable: true });
    await enterCode(user, "hrwk 2026");
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not reach Acme Rostering",
    });
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not reach Acme Rostering",
    });
    const redeemed = backend.calls.filter((c) => c.method === "redeemEnrollment");
    expect(redeemed.map((c) => ("code" in c ? c.code : ""))).toEqual(["hrwk 2026", "hrwk 2026"]);
  });

  it("opens the code page from an hrlink://enroll link with the code filled in", async () => {
    renderApp({
      ...cloud,
      openingLink: { kind: "open", link: { kind: "enroll", code: "HRL-HRWK-2026" } },
    });
    expect(await screen.findByDisplayValue("HRL-HRWK-2026")).toHaveAccessibleName(
      "Code from Acme Rostering",
    );
  });

  it("reads in German", async () => {
    const { user } = renderApp({ ...cloud, language: "de" });
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Geben Sie den Code von Acme Rostering ein",
      }),
    ).toBeVisible();
    await user.type(screen.getByLabelText("Code von Acme Rostering"), "HRL-HRWK-2026");
    await user.click(screen.getByRole("button", { name: "Weiter" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Ihr HR-System mit Acme Rostering für Kōwhai Gardening Ltd verbinden?",
      }),
    ).toBeVisible();
  });
});
