import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { keyFileText, SANDBOX_KEYS } from "../../lib/ipc/fakeBackend";
import { sampleConnection } from "../../lib/ipc/fakeConnections";
import { fakeHrPeople } from "../../lib/ipc/fakePeople";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { withTableViewport } from "../../test/layout";
import {
  chooseHrworks,
  chooseProvider,
  pasteKey,
  renderApp,
  VALID_KEY_FILE,
} from "../../test/render";
import { emptyDraft } from "./machine";

// The People table draws only the rows in view.
withTableViewport();

type Setup = ReturnType<typeof renderApp>;

const COMPANY = "Sandbox Bäckerei GmbH";

/** From a blank app to a successful check of the Sandbox key, then "Save this connection". */
async function toCheckAnswers({ user }: Setup) {
  await chooseHrworks(user);
  await pasteKey(user, VALID_KEY_FILE);
  await screen.findByRole("heading", {
    level: 1,
    name: `Connected to ${COMPANY} — is this the right company?`,
  });
  await user.click(screen.getByRole("button", { name: "Save this connection" }));
  return screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
}

describe("saving a verified connection", () => {
  it("shows the People decisions on Check your answers: left out, and the roster comparison", async () => {
    const setup = renderApp({ pickedRoster: { people: fakeHrPeople(10) } });
    const { user } = setup;
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    await user.click(await screen.findByRole("button", { name: "Compare with your records" }));
    await screen.findByText("Read 10 people from your file");
    await user.click(screen.getByRole("checkbox", { name: "Include Anna Müller 1" }));
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: "Include Anna Müller 1" })).not.toBeChecked(),
    );
    await user.click(screen.getByRole("button", { name: "Yes, these are our people" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    const list = document.querySelector(".summary-list") as HTMLElement;
    expect(list).toHaveTextContent("You confirmed 41 people");
    expect(list).toHaveTextContent("1 person left out: HR Link will not pass them on");
    expect(list).toHaveTextContent("Compared with your records (10 people): 8 matched");
    expect(list).not.toHaveTextContent("counts them");
  });

  it("checks the answers, validates the name, saves and confirms", async () => {
    const setup = renderApp();
    const { user, backend } = setup;
    const heading = await toCheckAnswers(setup);
    expect(heading).toHaveFocus();

    const list = document.querySelector(".summary-list") as HTMLElement;
    expect(list).toHaveTextContent("HR systemHRworks");
    expect(list).toHaveTextContent(`Company${COMPANY}`);
    expect(list).toHaveTextContent("Keyaccess key ••••••••0001");
    expect(list).toHaveTextContent("See who works for you (names and personnel numbers)");
    expect(list).toHaveTextContent("37 active people");
    // Nothing is saved before the admin confirms.
    expect(backend.calls.some((c) => c.method === "saveConnection")).toBe(false);

    const label = screen.getByLabelText("Name for this connection");
    expect(label).toHaveValue(COMPANY);
    await user.clear(label);
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    const summary = await screen.findByRole("alert");
    expect(
      within(summary).getByRole("link", { name: "Enter a name for this connection" }),
    ).toHaveAttribute("href", "#connection-label");
    expect(label).toHaveAccessibleDescription(/Enter a name for this connection/);
    expect(backend.calls.some((c) => c.method === "saveConnection")).toBe(false);

    await user.type(label, "  Bakery payroll ");
    await user.click(screen.getByRole("button", { name: "Save connection" }));
    const done = await screen.findByRole("heading", {
      level: 1,
      name: "Connected: Bakery payroll",
    });
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByText(/HR Link checks this connection each time you open it/)).toBeVisible();
    // What the product can do now, named.
    expect(
      screen.getByText("Demo Rostering on this computer can now read your HRworks people."),
    ).toBeVisible();
    expect(backend.calls.filter((c) => c.method === "saveConnection")).toEqual([
      { method: "saveConnection", staged: "staged-1", label: "Bakery payroll" },
    ]);

    await user.click(screen.getByRole("button", { name: "See your connections" }));
    const item = await screen.findByRole("listitem", { name: "Bakery payroll" });
    await waitFor(() => expect(within(item).getByText("Connected")).toBeVisible());
    expect(screen.getByRole("button", { name: "Your connections" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  it("shows a locked keychain in the error summary, saves nothing, and retries", async () => {
    const setup = renderApp();
    const { user, backend } = setup;
    await toCheckAnswers(setup);
    backend.connections.failNextVaultCall({ code: "vault_locked" });
    await user.click(screen.getByRole("button", { name: "Save connection" }));

    const summary = await screen.findByRole("alert");
    expect(summary).toHaveTextContent(
      "The keychain is locked, so the connection's secret could not be used. Nothing was saved anywhere else.",
    );
    expect(summary).toHaveTextContent("Unlock your keychain");
    expect((await backend.listConnections()).status === "ok").toBe(true);
    expect(await backend.listConnections()).toMatchObject({ data: { connections: [] } });
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: `Connected: ${COMPANY}` }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Connect another system" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Which HR system do you use?" }),
    ).toHaveFocus();
  });

  it("changes an answer: the key, or the system", async () => {
    const setup = renderApp();
    const { user } = setup;
    await toCheckAnswers(setup);
    await user.click(screen.getByRole("button", { name: "Change the key" }));
    await screen.findByRole("heading", { level: 1, name: "Which HRworks key should HR Link use?" });
    expect(screen.getByText("Key file loaded:")).toBeInTheDocument();
    // Back through the guide and the permissions to the choice of system.
    while (!screen.queryByRole("radio", { name: /IRIS/ })) {
      await user.click(screen.getByRole("button", { name: "Back" }));
    }
    await chooseProvider(user, /IRIS/, "Which IRIS API user should HR Link use?");
  });

  it("offers no save for a failed check", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, keyFileText(SANDBOX_KEYS.rejected));
    await screen.findByRole("heading", { level: 1, name: /could not connect/ });
    expect(screen.queryByRole("button", { name: "Save this connection" })).toBeNull();
  });

  it("says in German when the confirmed people could not be kept", async () => {
    const connection = sampleConnection({ label: "Bäckerei" });
    renderApp({
      language: "de",
      initialWizard: {
        step: "saved",
        draft: emptyDraft,
        runs: 1,
        signIns: 0,
        connection,
        how: "saved",
        peopleNotKept: {
          code: "configuration_invalid",
          params: { what: "the connections folder" },
        },
      },
    });
    await screen.findByRole("heading", { level: 1, name: "Verbunden: Bäckerei" });
    expect(
      screen.getByRole("heading", {
        level: 2,
        name: "Die bestätigten Personen wurden nicht aufbewahrt",
      }),
    ).toBeVisible();
    expect(screen.getByText(/^Die Verbindung ist gespeichert, aber die Liste/)).toBeVisible();
    expect(screen.getByText(/^Autorisieren Sie die Verbindung danach/)).toBeVisible();
    await expectNoSeriousA11yViolations();
  });
});

describe("a company that is already connected", () => {
  const saved = sampleConnection({ id: "connection-bakery", label: "Bakery payroll" });

  /** With a saved connection the app opens on the connections: start a new one from there. */
  async function connectASystem(user: Setup["user"], name = "Connect a system") {
    await screen.findByRole("heading", { level: 1, name: /connections|Verbindungen/ });
    const [button] = await screen.findAllByRole("button", { name });
    if (!button) throw new Error(`no ${name} button`);
    await user.click(button);
  }

  it("says so and re-authorises that connection instead of saving a second one", async () => {
    const { user, backend } = renderApp({ connections: { connections: [saved] } });
    await connectASystem(user);
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    const notice = await screen.findByRole("region", { name: "Already connected" });
    expect(notice).toHaveTextContent(
      `${COMPANY} is already connected in HR Link as “Bakery payroll”.`,
    );
    expect(backend.calls).toContainEqual({ method: "alreadyConnected", staged: "staged-1" });
    expect(screen.queryByRole("button", { name: "Save this connection" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Re-authorise Bakery payroll" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Check your answers before updating Bakery payroll",
    });
    expect(screen.getByText("Re-authorise Bakery payroll")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Update connection" }));
    await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" });
    expect(backend.calls.filter((c) => c.method === "saveConnection")).toEqual([]);
    expect(backend.calls.filter((c) => c.method === "reauthoriseConnection")).toEqual([
      {
        method: "reauthoriseConnection",
        id: "connection-bakery",
        staged: "staged-1",
        replacementName: null,
      },
    ]);
    const list = await backend.listConnections();
    expect(list.status === "ok" && list.data.connections).toHaveLength(1);
  });

  it("saves as usual when only another HR system has that company", async () => {
    const other = { ...saved, provider: "iris" as const };
    const setup = renderApp({ connections: { connections: [other] } });
    await connectASystem(setup.user);
    await toCheckAnswers(setup);
    expect(screen.queryByRole("region", { name: "Already connected" })).toBeNull();
  });

  it("says so in German", async () => {
    const { user } = renderApp({ language: "de", connections: { connections: [saved] } });
    await connectASystem(user, "System verbinden");
    await user.click(await screen.findByRole("radio", { name: /HRworks/ }));
    await user.click(screen.getByRole("button", { name: "Weiter" }));
    await user.click(await screen.findByRole("button", { name: "Weiter" }));
    await user.click(
      await screen.findByRole("button", { name: "Ich habe schon eine Schlüsseldatei" }),
    );
    await user.click(
      await screen.findByLabelText("Oder fügen Sie die zwei Zeilen der Schlüsseldatei ein"),
    );
    await user.paste(VALID_KEY_FILE);
    expect(await screen.findByRole("region", { name: "Schon verbunden" })).toHaveTextContent(
      `${COMPANY} ist in HR Link schon als „Bakery payroll“ verbunden.`,
    );
    expect(screen.getByRole("button", { name: "Bakery payroll neu autorisieren" })).toBeVisible();
  });
});
