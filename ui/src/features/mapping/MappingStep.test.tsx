import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FAKE_CATEGORIES } from "../../lib/ipc/fakeBackend";
import { sampleConnection } from "../../lib/ipc/fakeConnections";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";
import { reauthoriseState } from "../setup-wizard/machine";

type Setup = ReturnType<typeof renderApp>;

const COMPANY = "Sandbox Bäckerei GmbH";
const HEADING = "Where do your HRworks people go in Demo Rostering?";

/** From a blank app to a successful check of the Sandbox key, then `save` on the result. */
async function verified({ user }: Setup, save = "Save this connection") {
  await screen.findByLabelText("Or paste the two lines of the key file");
  await pasteKey(user, VALID_KEY_FILE);
  await screen.findByRole("heading", {
    level: 1,
    name: `Connected to ${COMPANY} — is this the right company?`,
  });
  await user.click(screen.getByRole("button", { name: save }));
}

async function toMapping(setup: Setup) {
  await chooseHrworks(setup.user);
  await verified(setup);
  return screen.findByRole("heading", { level: 1, name: HEADING });
}

/** The select of the HR category `name` (labelled by it). */
const select = (name: string) => screen.getByRole("combobox", { name }) as HTMLSelectElement;
/** The row of the HR category `name`. */
const row = (name: string) => select(name).closest("tr") as HTMLElement;

describe("the mapping step", () => {
  it("pre-fills exact and close names, marks suggestions and warns of the unmapped", async () => {
    const setup = renderApp({ categories: FAKE_CATEGORIES });
    const heading = await toMapping(setup);
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText("Demo Rostering's own categories must exist first")).toBeVisible();
    expect(
      screen.getByRole("heading", {
        level: 2,
        name: "Where do your HRworks locations go in Demo Rostering?",
      }),
    ).toBeVisible();

    // Exact names are pre-filled, close ones too but marked as a suggestion to check.
    expect(select("Zentrale München").value).toBe("loc_1");
    expect(select("Zentrale München")).toHaveAccessibleDescription("Same name");
    expect(select("Filiale Köln-Ehrenfeld").value).toBe("loc_2");
    expect(select("Filiale Köln-Ehrenfeld")).toHaveAccessibleDescription("Suggestion: check it");
    expect(row("Filiale Köln-Ehrenfeld")).toHaveTextContent("12 people");
    expect(select("Lager Garching").value).toBe("");
    expect(select("Lager & Logistik").value).toBe("aw_1");
    expect(select("Vertrieb").value).toBe("");
    expect(screen.getByLabelText("Role for new people")).toHaveValue("r_2");
    expect(screen.getByText("12 people at Lager Garching will not get a location.")).toBeVisible();
    expect(screen.getByText("9 people in Vertrieb will not get an area of work.")).toBeVisible();
    await expectNoSeriousA11yViolations(document.body);
  });

  it("saves what the admin chose, shown on check your answers with a way back", async () => {
    const setup = renderApp({ categories: FAKE_CATEGORIES });
    const { user, backend } = setup;
    await toMapping(setup);
    // The suggestion is left unmapped, the unmapped location is chosen (native selects: the
    // keyboard works as the system's; the e2e spec drives them by keyboard).
    await user.selectOptions(select("Filiale Köln-Ehrenfeld"), "Not mapped");
    expect(select("Filiale Köln-Ehrenfeld").value).toBe("");
    expect(select("Filiale Köln-Ehrenfeld")).not.toHaveAccessibleDescription();
    expect(
      screen.getByText("12 people at Filiale Köln-Ehrenfeld will not get a location."),
    ).toBeVisible();
    await user.selectOptions(select("Lager Garching"), "Filiale Düsseldorf");
    expect(screen.queryByText(/at Lager Garching will not/)).toBeNull();

    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    const list = document.querySelector(".summary-list") as HTMLElement;
    expect(list).toHaveTextContent("Zentrale München → Zentrale München");
    expect(list).toHaveTextContent("Filiale Köln-Ehrenfeld → Not mapped");
    expect(list).toHaveTextContent("Lager Garching → Filiale Düsseldorf");
    expect(list).toHaveTextContent("Lager & Logistik → Lager und Logistik");
    expect(list).toHaveTextContent("Role for new peopleMitarbeiter");

    // Change goes back to the step with the choices kept.
    await user.click(
      screen.getAllByRole("button", { name: "Change the mapping" })[0] as HTMLElement,
    );
    await screen.findByRole("heading", { level: 1, name: HEADING });
    expect(select("Lager Garching").value).toBe("loc_3");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    const done = await screen.findByRole("heading", { level: 1, name: `Connected: ${COMPANY}` });
    expect(done).toBeInTheDocument();
    const saved = backend.calls.find((c) => c.method === "saveConnection");
    expect(saved).toBeDefined();
    expect([...backend.mappings.values()]).toEqual([
      {
        locations: { "1": "loc_1", "3": "loc_3" },
        areas_of_work: { "3100": "aw_1" },
        roles: {},
        default_role: "r_2",
      },
    ]);
  });

  it("is skipped without a word when the product has no categories", async () => {
    const setup = renderApp();
    await chooseHrworks(setup.user);
    await verified(setup);
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    expect(screen.queryByText(HEADING)).toBeNull();
    expect(setup.backend.calls.filter((c) => c.method === "chooseMapping")).toEqual([]);
    expect(document.querySelector(".summary-list")).not.toHaveTextContent("Locations");
  });

  it("goes back to the result, and says what went wrong when the structure cannot be read", async () => {
    const setup = renderApp({
      categories: FAKE_CATEGORIES,
      mappingProblem: { code: "provider_unreachable", params: { provider: "HRworks" } },
    });
    await chooseHrworks(setup.user);
    await verified(setup);
    await screen.findByRole("heading", {
      level: 1,
      name: "HRworks's locations, teams and roles could not be read",
    });
    expect(screen.getByRole("button", { name: "Try again" })).toBeVisible();
    await setup.user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", {
      level: 1,
      name: `Connected to ${COMPANY} — is this the right company?`,
    });
  });

  it("re-authorising, keeps the saved choice and marks what is new since", async () => {
    const target = sampleConnection({ id: "connection-bakery", label: "Bakery payroll" });
    const setup = renderApp({
      categories: FAKE_CATEGORIES,
      connections: { connections: [target] },
      mappings: {
        "connection-bakery": {
          locations: { "1": "loc_3", "2": "loc_2" },
          areas_of_work: { "3100": "aw_1", "2000": "aw_2" },
          roles: {},
          default_role: "r_1",
        },
      },
      initialWizard: reauthoriseState(target, null),
    });
    await verified(setup, "Update connection");
    await screen.findByRole("heading", { level: 1, name: HEADING });
    expect(
      screen.getByText("Your choices from when you last connected are filled in."),
    ).toBeVisible();
    expect(select("Zentrale München").value).toBe("loc_3");
    expect(within(row("Lager Garching")).getByText("New since you last connected")).toBeVisible();
    expect(within(row("Zentrale München")).queryByText("New since you last connected")).toBeNull();
    expect(screen.getByLabelText("Role for new people")).toHaveValue("r_1");
    expect(setup.backend.calls.find((c) => c.method === "mappingProposal")).toEqual({
      method: "mappingProposal",
      staged: "staged-1",
      connection: "connection-bakery",
    });
    await setup.user.click(screen.getByRole("button", { name: "Continue" }));
    // Re-authorising goes through Check your answers, as a new connection does.
    await screen.findByRole("heading", {
      level: 1,
      name: "Check your answers before updating Bakery payroll",
    });
    await setup.user.click(screen.getByRole("button", { name: "Update connection" }));
    await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" });
    expect(setup.backend.mappings.get("connection-bakery")?.locations).toEqual({
      "1": "loc_3",
      "2": "loc_2",
    });
  });

  it("is in German", async () => {
    const setup = renderApp({ categories: FAKE_CATEGORIES });
    await toMapping(setup);
    await act(() => setup.i18n.changeLanguage("de"));
    await screen.findByRole("heading", {
      level: 1,
      name: "Wohin gehören Ihre Mitarbeitenden aus HRworks in Demo Rostering?",
    });
    expect(select("Filiale Köln-Ehrenfeld")).toHaveAccessibleDescription("Vorschlag: bitte prüfen");
    expect(
      screen.getByText("12 Personen am Standort Lager Garching erhalten keinen Standort."),
    ).toBeVisible();
    expect(screen.getByRole("button", { name: "Weiter" })).toBeVisible();
  });
});
