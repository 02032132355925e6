import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n, type Language } from "../../lib/i18n";
import { BackendProvider } from "../../lib/ipc/BackendContext";
import { createFakeBackend, type FakeBackendOptions } from "../../lib/ipc/fakeBackend";
import { sampleConnections } from "../../lib/ipc/fakeConnections";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";
import { DailyCheckOffer } from "./DailyCheck";

const LABEL = "Check my connections every day and tell me if one stops working";

/** The app on Your connections (one saved connection), with the daily check as given. */
function connectionsScreen(options: FakeBackendOptions & { language?: Language } = {}) {
  const [first] = sampleConnections();
  return renderApp({ ...options, connections: { connections: first ? [first] : [] } });
}

/** The switch, once the app has started on Your connections (slow on a loaded machine). */
const findSwitch = (name = LABEL) => screen.findByRole("switch", { name }, { timeout: 5000 });

function offer(options: FakeBackendOptions = {}) {
  const backend = createFakeBackend(options);
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <I18nextProvider i18n={createI18n("en")}>
        <DailyCheckOffer />
      </I18nextProvider>
    </BackendProvider>,
  );
  return { backend, user };
}

describe("the daily check on Your connections", () => {
  it("is off by default, and switching it on shows what the scheduler answered", async () => {
    const { user, backend } = connectionsScreen();
    const toggle = await findSwitch();
    expect(toggle).not.toBeChecked();
    expect(screen.getByText(/^Off\. Once a day/)).toBeVisible();
    await user.click(toggle);
    await waitFor(() => expect(screen.getByRole("switch", { name: LABEL })).toBeChecked());
    expect(backend.calls).toContainEqual({ method: "setDailyCheck", on: true });
    expect(backend.schedule?.enabled).toBe(true);
    expect(screen.getByText(/^On\. Next check: \w+day, .+ 09:00( AM)?\.$/)).toBeVisible();
    await expectNoSeriousA11yViolations();
    // Off again from the keyboard.
    screen.getByRole("switch", { name: LABEL }).focus();
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByRole("switch", { name: LABEL })).not.toBeChecked());
    expect(backend.schedule?.enabled).toBe(false);
  });

  it("shows an enabled check as the scheduler has it, in German", async () => {
    const next = Math.floor(new Date(2026, 11, 8, 9, 14).getTime() / 1000);
    connectionsScreen({
      language: "de",
      dailyCheck: { enabled: true, next_run: next, scheduler: "systemd" },
    });
    const toggle = await findSwitch(
      "Meine Verbindungen täglich prüfen und mir sagen, wenn eine nicht mehr funktioniert",
    );
    expect(toggle).toBeChecked();
    expect(screen.getByText("An. Nächste Prüfung: Dienstag, 8. Dezember um 09:14.")).toBeVisible();
  });

  it("says when the next run is not known yet (systemd starts at the next login)", async () => {
    connectionsScreen({ dailyCheck: { enabled: true, next_run: null, scheduler: "systemd" } });
    expect(await screen.findByText(/^On\. Next check around 09:00/)).toBeVisible();
  });

  it("says plainly that there is no daily check where there is no scheduler, and offers nothing", async () => {
    connectionsScreen({ dailyCheck: "unavailable" });
    expect(
      await screen.findByRole("heading", { name: "No daily check on this computer" }),
    ).toBeVisible();
    expect(screen.getByText(/it has no systemd to run the check/)).toBeVisible();
    expect(screen.queryByRole("switch", { name: LABEL })).toBeNull();
  });

  it("keeps the switch as it was when switching fails, and says why", async () => {
    const { user } = connectionsScreen({ dailyCheckProblem: { code: "schedule_program_missing" } });
    await user.click(await findSwitch());
    expect(await screen.findByRole("alert")).toHaveTextContent(
      /the hrlink command that runs the check is not installed/,
    );
    expect(screen.getByRole("switch", { name: LABEL })).not.toBeChecked();
  });

  it("tells in the demo that the imitated systems cannot be reached by the daily check", async () => {
    connectionsScreen({ appInfo: { demo: true } });
    expect(await screen.findByText(/run only while HR Link is open/)).toBeVisible();
  });
});

describe("the saved page's offer of the daily check", () => {
  it("follows the first save; accepted, Your connections shows the check on", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Save this connection" }));
    await user.click(await screen.findByRole("button", { name: "Save connection" }));
    expect(
      await screen.findByRole("heading", { name: "Find out when a connection stops working" }),
    ).toBeVisible();
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Check my connections every day" }));
    expect(await screen.findByText(/^Done: HR Link checks your connections/)).toBeVisible();
    expect(backend.calls).toContainEqual({ method: "setDailyCheck", on: true });
    await user.click(screen.getByRole("button", { name: "See your connections" }));
    await waitFor(() => expect(screen.getByRole("switch", { name: LABEL })).toBeChecked());
  });

  it("is made once, and switches the check on", async () => {
    const { user, backend } = offer();
    await user.click(await screen.findByRole("button", { name: "Check my connections every day" }));
    expect(await screen.findByRole("status")).toHaveTextContent(
      /checks your connections every day/,
    );
    expect(backend.schedule?.enabled).toBe(true);
    expect(await backend.takeDailyCheckOffer()).toBe(false);
  });

  it("is not made again after it was offered", async () => {
    const { backend } = offer({ dailyCheckOffered: true });
    await waitFor(() => expect(backend.calls).toContainEqual({ method: "takeDailyCheckOffer" }));
    expect(screen.queryByRole("button", { name: "Check my connections every day" })).toBeNull();
  });

  it("is not made, nor used up, when the check is already on or cannot run here", async () => {
    for (const dailyCheck of [
      { enabled: true, next_run: null, scheduler: "systemd" } as const,
      "unavailable" as const,
    ]) {
      const { backend } = offer({ dailyCheck });
      await waitFor(() => expect(backend.calls).toContainEqual({ method: "dailyCheck" }));
      expect(backend.calls).not.toContainEqual({ method: "takeDailyCheckOffer" });
    }
    expect(screen.queryByRole("button", { name: "Check my connections every day" })).toBeNull();
  });
});
