import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { keyFileText, OTHER_COMPANY, SANDBOX_KEYS } from "../../lib/ipc/fakeBackend";
import { sampleConnections } from "../../lib/ipc/fakeConnections";
import { fakeEarlierSnapshot } from "../../lib/ipc/fakePeople";
import type { ConnectionSummary } from "../../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";

const now = Math.floor(Date.now() / 1000);
const BAKERY = "Sandbox Bäckerei GmbH";

const [bakery, tea, payroll] = sampleConnections(now) as [
  ConnectionSummary,
  ConnectionSummary,
  ConnectionSummary,
];

function setup(
  connections: ConnectionSummary[],
  options: Parameters<typeof renderApp>[0] = {},
  health: Record<string, ConnectionSummary["status"]> = {},
) {
  const rendered = renderApp({ ...options, connections: { connections, ...options.connections } });
  for (const [id, status] of Object.entries(health)) {
    rendered.backend.connections.setHealth(id, status);
  }
  return rendered;
}

/** The list item of the connection labelled `label`. */
const row = (label: string) => screen.getByRole("listitem", { name: label });

async function checksDone(backend: ReturnType<typeof renderApp>["backend"], count: number) {
  await waitFor(() =>
    expect(backend.calls.filter((c) => c.method === "checkConnection")).toHaveLength(count),
  );
  await waitFor(() => expect(screen.queryByText("Checking…")).toBeNull());
}

describe("the connections screen", () => {
  it("opens on the connections, checks each one in turn and shows what it found", async () => {
    const { backend } = setup(
      [bakery, tea, payroll],
      { connections: { setAside: 1 } },
      {
        "connection-tea": "failed_auth",
        "connection-payroll": "vault_locked",
      },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Your connections" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 saved connection file could not be read and was set aside/),
    ).toBeVisible();
    await checksDone(backend, 3);
    expect(backend.calls.filter((c) => c.method === "checkConnection")).toEqual([
      { method: "checkConnection", id: "connection-bakery" },
      { method: "checkConnection", id: "connection-tea" },
      { method: "checkConnection", id: "connection-payroll" },
    ]);

    const bakeryRow = row("Bakery payroll");
    expect(within(bakeryRow).getByText("Connected")).toBeVisible();
    expect(bakeryRow).toHaveTextContent("HR systemHRworks");
    expect(bakeryRow).toHaveTextContent(`Company${BAKERY}`);
    expect(bakeryRow).toHaveTextContent("Key••••••••0001");
    expect(bakeryRow).toHaveTextContent("Last workednow");

    const teaRow = row("Tea rooms");
    expect(within(teaRow).getByText("Sign-in refused")).toBeVisible();
    expect(teaRow).toHaveTextContent("API user••••••••alid");
    expect(teaRow).toHaveTextContent("Last worked3 days ago");
    expect(teaRow).toHaveTextContent("IRIS HR Professional did not accept");

    const payrollRow = row("NZ payroll");
    expect(within(payrollRow).getByText("Keychain locked")).toBeVisible();
    expect(payrollRow).toHaveTextContent("Organisation number49764");
    expect(payrollRow).toHaveTextContent("Sign-inThrough your browser");
    expect(payrollRow).toHaveTextContent("Last workedNot since it was saved");
    expect(payrollRow).toHaveTextContent("Unlock your keychain");
    await expectNoSeriousA11yViolations();
  });

  it("raises an alert for a connection that stopped working and makes its Re-authorise the main button", async () => {
    const { backend } = setup(
      [bakery, tea, payroll],
      {},
      {
        "connection-tea": "failed_auth",
        "connection-payroll": "vault_locked",
      },
    );
    await checksDone(backend, 3);
    const alert = await screen.findByRole("region", { name: "A connection stopped working" });
    expect(alert).toHaveTextContent("Demo Rostering cannot get new data through it");
    // Only the refused one: a locked keychain is fixed by unlocking it, not by new credentials.
    const links = within(alert).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Tea rooms"]);
    expect(links[0]).toHaveAttribute(
      "href",
      `#${row("Tea rooms").getAttribute("aria-labelledby")}`,
    );
    const reauthorise = (label: string) =>
      within(row(label)).getByRole("button", { name: /Re-authorise/ });
    expect(reauthorise("Tea rooms")).toHaveClass("btn--primary");
    expect(reauthorise("Bakery payroll")).toHaveClass("btn--secondary");
    expect(reauthorise("NZ payroll")).toHaveClass("btn--secondary");
  });

  it("raises no alert when every connection works", async () => {
    const { backend } = setup([bakery]);
    await checksDone(backend, 1);
    expect(screen.queryByRole("region", { name: /stopped working/ })).toBeNull();
  });

  it("checks one connection now, showing the wait and then the problem with its next step", async () => {
    const { user, backend } = setup([bakery]);
    await checksDone(backend, 1);
    backend.connections.setHealth("connection-bakery", "unreachable");
    // The check waits until the test lets it answer.
    let answer = () => {};
    const check = backend.checkConnection;
    backend.checkConnection = (id) =>
      new Promise((resolve) => {
        answer = () => resolve(check(id));
      });
    await user.click(screen.getByRole("button", { name: "Check now Bakery payroll" }));
    expect(within(row("Bakery payroll")).getByText("Checking…")).toBeVisible();
    expect(screen.getByRole("button", { name: "Check now Bakery payroll" })).toHaveAttribute(
      "aria-busy",
      "true",
    );
    act(() => answer());
    expect(await within(row("Bakery payroll")).findByText("Cannot reach")).toBeVisible();
    expect(row("Bakery payroll")).toHaveTextContent(/HRworks could not be reached/i);
    // It worked seconds ago, but "now" would read as working now.
    expect(row("Bakery payroll")).toHaveTextContent("Last workedLess than a minute ago");
  });

  it("shows what each connection shares and warns when far more is granted", async () => {
    const { backend } = setup([bakery, tea, payroll]);
    // The IRIS API user may read contracts, which nobody chose to share.
    backend.connections.setGrantedBeyond("connection-tea", ["contract"]);
    // Saved before the choice was recorded: judged as before, so no warning either.
    backend.connections.setGrantedBeyond("connection-payroll", ["payslips"]);
    await checksDone(backend, 3);
    expect(row("Bakery payroll")).toHaveTextContent("Also sharedSee your departments");
    expect(row("Tea rooms")).toHaveTextContent("Also sharedOnly what is required");
    expect(row("NZ payroll")).not.toHaveTextContent("Also shared");
    expect(within(row("Tea rooms")).getByText("Connected")).toBeVisible();
    expect(row("Tea rooms")).toHaveTextContent(
      "Worth a look: IRIS HR Professional grants HR Link more than you chose to share: contract.",
    );
    expect(row("Bakery payroll")).not.toHaveTextContent("Worth a look");
    expect(row("NZ payroll")).not.toHaveTextContent("Worth a look");
    await expectNoSeriousA11yViolations();
  });

  it("renames in place, refusing an empty or overlong name", async () => {
    const { user, backend } = setup([bakery]);
    await checksDone(backend, 1);
    await user.click(screen.getByRole("button", { name: "Rename Bakery payroll" }));
    const field = screen.getByLabelText("New name for Bakery payroll");
    expect(field).toHaveFocus();
    expect(field).toHaveValue("Bakery payroll");

    await user.clear(field);
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(field).toHaveAccessibleDescription(/Enter a name for this connection/);
    await user.type(field, "x".repeat(81));
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(field).toHaveAccessibleDescription(/The name must be 80 characters or fewer/);
    expect(backend.calls.some((c) => c.method === "renameConnection")).toBe(false);

    await user.clear(field);
    await user.type(field, "Head office");
    await user.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("Renamed to Head office.")).toBeVisible();
    expect(screen.getByRole("heading", { level: 2, name: "Head office" })).toBeVisible();
    expect(backend.calls.filter((c) => c.method === "renameConnection")).toEqual([
      { method: "renameConnection", id: "connection-bakery", label: "Head office" },
    ]);
  });

  it("asks before removing, naming what is deleted and what is not", async () => {
    const { user, backend } = setup([bakery, tea]);
    await checksDone(backend, 2);
    await user.click(screen.getByRole("button", { name: "Remove Bakery payroll" }));
    const heading = await screen.findByRole("heading", {
      level: 1,
      name: "Remove Bakery payroll?",
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText("the secret saved in the keychain")).toBeVisible();
    expect(screen.getByText(/the connection's details in HR Link/)).toBeVisible();
    expect(
      screen.getByText(
        /This does not delete anything in HRworks.*Basics > Integrations > HR WORKS-API and delete the key pair/,
      ),
    ).toBeVisible();
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "No, keep it" }));
    expect(await screen.findByRole("listitem", { name: "Bakery payroll" })).toBeVisible();
    expect(backend.calls.some((c) => c.method === "removeConnection")).toBe(false);

    await user.click(screen.getByRole("button", { name: "Remove Bakery payroll" }));
    await user.click(await screen.findByRole("button", { name: "Yes, remove it" }));
    expect(await screen.findByText("Removed Bakery payroll.")).toBeVisible();
    expect(screen.queryByRole("listitem", { name: "Bakery payroll" })).toBeNull();
    expect(row("Tea rooms")).toBeVisible();
    expect(await backend.listConnections()).toMatchObject({
      data: { connections: [{ id: "connection-tea" }] },
    });
  });

  it("keeps the connection when the keychain refuses to delete, saying why", async () => {
    const { user, backend } = setup([bakery]);
    await checksDone(backend, 1);
    backend.connections.failNextVaultCall({ code: "vault_timed_out" });
    await user.click(screen.getByRole("button", { name: "Remove Bakery payroll" }));
    await user.click(await screen.findByRole("button", { name: "Yes, remove it" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The keychain did not answer in time.",
    );
    expect(screen.getByRole("heading", { level: 1, name: "Remove Bakery payroll?" })).toBeVisible();
  });

  it("shows an empty state with one clear action when only unreadable files are left", async () => {
    const { user } = setup([], { connections: { setAside: 2 } });
    await screen.findByRole("heading", { level: 1, name: "Your connections" });
    expect(screen.getByText(/2 saved connection files could not be read/)).toBeVisible();
    expect(screen.getByText("You have not connected an HR system yet.")).toBeVisible();
    await user.click(
      within(screen.getByRole("main")).getByRole("button", { name: "Connect a system" }),
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Which HR system do you use?" }),
    ).toBeInTheDocument();
  });

  it("opens the wizard when nothing was saved yet", async () => {
    setup([]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Which HR system do you use?" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Connect a system" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  it("hides even the end of the key in screen-share mode, but not the company", async () => {
    const { backend } = setup([bakery], { appInfo: { support_mode: true } });
    await checksDone(backend, 1);
    expect(row("Bakery payroll")).toHaveTextContent("Key••••••••Last");
    expect(row("Bakery payroll")).not.toHaveTextContent("0001");
    expect(row("Bakery payroll")).toHaveTextContent(BAKERY);
  });

  it("is in German", async () => {
    const { backend } = setup(
      [bakery, tea],
      { language: "de" },
      { "connection-tea": "missing_permission" },
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Ihre Verbindungen" }),
    ).toBeInTheDocument();
    await checksDone(backend, 2);
    expect(within(row("Bakery payroll")).getByText("Verbunden")).toBeVisible();
    expect(row("Bakery payroll")).toHaveTextContent("Zuletzt funktioniertjetzt");
    expect(within(row("Tea rooms")).getByText("Berechtigung fehlt")).toBeVisible();
    expect(row("Tea rooms")).toHaveTextContent("Zuletzt funktioniertvor 3 Tagen");
    expect(screen.getByRole("button", { name: "Jetzt prüfen Bakery payroll" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Neu autorisieren Bakery payroll" })).toBeVisible();
    expect(screen.getByRole("navigation", { name: "Hauptnavigation" })).toBeVisible();
  });
});

describe("re-authorising a connection", () => {
  async function openReauthorise(options: Parameters<typeof renderApp>[0] = {}) {
    const rendered = setup([bakery], options, { "connection-bakery": "failed_auth" });
    await checksDone(rendered.backend, 1);
    expect(within(row("Bakery payroll")).getByText("Sign-in refused")).toBeVisible();
    await rendered.user.click(screen.getByRole("button", { name: "Re-authorise Bakery payroll" }));
    const heading = await screen.findByRole("heading", {
      level: 1,
      name: "Which HRworks key should HR Link use?",
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText("Re-authorise Bakery payroll")).toBeVisible();
    return rendered;
  }

  async function verify(user: ReturnType<typeof renderApp>["user"], key: string, company: string) {
    await pasteKey(user, key);
    await screen.findByRole("heading", {
      level: 1,
      name: `Connected to ${company} — is this the right company?`,
    });
    await user.click(screen.getByRole("button", { name: "Update connection" }));
    await checkAnswersAndUpdate(user);
  }

  /** Check your answers, as for a new connection, then "Update connection". */
  async function checkAnswersAndUpdate(user: ReturnType<typeof renderApp>["user"]) {
    await screen.findByRole("heading", {
      level: 1,
      name: "Check your answers before updating Bakery payroll",
    });
    await user.click(screen.getByRole("button", { name: "Update connection" }));
  }

  it("goes straight to the credentials and updates the same company", async () => {
    const { user, backend } = await openReauthorise();
    await verify(user, VALID_KEY_FILE, BAKERY);
    // Judged against what was chosen when it was saved.
    expect(backend.calls.filter((c) => c.method === "verifyConnection")).toEqual([
      {
        method: "verifyConnection",
        id: "staged-1",
        optional: ["organization-units"],
        organisation: "48213",
      },
    ]);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" }),
    ).toBeInTheDocument();
    expect(backend.calls.filter((c) => c.method === "reauthoriseConnection")).toEqual([
      {
        method: "reauthoriseConnection",
        id: "connection-bakery",
        staged: "staged-1",
        replacementName: null,
      },
    ]);
    await user.click(screen.getByRole("button", { name: "See your connections" }));
    await screen.findByRole("heading", { level: 1, name: "Your connections" });
    await checksDone(backend, 2);
    expect(within(row("Bakery payroll")).getByText("Connected")).toBeVisible();
  });

  it("shows what changed among the people since they were last confirmed, and keeps the new list", async () => {
    const { user, backend } = await openReauthorise({
      snapshots: { "connection-bakery": fakeEarlierSnapshot(42, now) },
    });
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    // Day first, as in New Zealand and the UK ("14 November").
    const confirmedOn = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long" }).format(
      new Date((now - 10 * 24 * 3600) * 1000),
    );
    expect(
      await screen.findByText(
        new RegExp(
          `^Since you last confirmed on ${confirmedOn}: 2 joined, 1 left, 1 inactive or left their job, 3 changed\\. The connection was not working from `,
        ),
      ),
    ).toBeVisible();
    const group = (name: string) =>
      within(screen.getByRole("heading", { level: 3, name }).parentElement as HTMLElement);
    expect(group("New in HRworks").getAllByRole("listitem")).toHaveLength(2);
    expect(group("No longer in HRworks").getByText("Kate Sheppard")).toBeVisible();
    expect(group("Details changed").getByText(/^Liam Müller 4/)).toBeVisible();
    expect(group("Details changed").getAllByText("(location)")).toHaveLength(3);
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Yes, these are our people" }));
    // Check your answers names what was confirmed, as for a new connection.
    await screen.findByRole("heading", { level: 1, name: /^Check your answers before updating/ });
    expect(screen.getByText("You confirmed 42 people")).toBeVisible();
    expect(screen.getByText("Not compared with your records")).toBeVisible();
    expect(screen.queryByLabelText("Name for this connection")).toBeNull();
    await checkAnswersAndUpdate(user);
    await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" });
    const kept = backend.snapshots.get("connection-bakery");
    if (kept === undefined || kept === "unreadable") throw new Error("no list kept");
    expect(kept.people).toHaveLength(42);
    expect(kept.confirmed_at).toBeGreaterThanOrEqual(now);
  });

  it("says calmly when the confirmed people could not be kept", async () => {
    const { user, backend } = await openReauthorise({ peopleNotKept: { code: "vault_locked" } });
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    await user.click(await screen.findByRole("button", { name: "Yes, these are our people" }));
    await checkAnswersAndUpdate(user);
    await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" });
    expect(
      screen.getByRole("heading", { level: 2, name: "The people you confirmed were not kept" }),
    ).toBeVisible();
    expect(
      screen.getByText(
        "The connection is saved, but the list of people you confirmed could not be kept, so the next reconnect cannot show what changed.",
      ),
    ).toBeVisible();
    // The cause's own next step, then how to keep them after all.
    expect(screen.getByText(/^Unlock your keychain/)).toBeVisible();
    expect(screen.getByText(/^Then re-authorise this connection/)).toBeVisible();
    expect(backend.snapshots.has("connection-bakery")).toBe(false);
    await expectNoSeriousA11yViolations();
  });

  it("says nothing about the people when they were kept, or not confirmed", async () => {
    const { user } = await openReauthorise({ peopleNotKept: { code: "vault_locked" } });
    await verify(user, VALID_KEY_FILE, BAKERY);
    await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" });
    expect(screen.queryByText(/were not kept/)).toBeNull();
  });

  it("says when the last confirmed list can no longer be read", async () => {
    const { user } = await openReauthorise({ snapshots: { "connection-bakery": "unreadable" } });
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    expect(await screen.findByText("No comparison with last time")).toBeVisible();
    expect(screen.getByText(/its file was changed or damaged/)).toBeVisible();
    expect(screen.getByRole("button", { name: "Yes, these are our people" })).toBeVisible();
  });

  it("leaves for the connections with Back", async () => {
    const { user } = await openReauthorise();
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Your connections" }),
    ).toBeInTheDocument();
  });

  it("refuses another company, then replaces it only when its name is typed", async () => {
    const { user, backend } = await openReauthorise();
    await verify(user, keyFileText(SANDBOX_KEYS.otherCompany), OTHER_COMPANY.name);
    const heading = await screen.findByRole("heading", {
      level: 1,
      name: `This is ${OTHER_COMPANY.name}, but this connection was for ${BAKERY}`,
    });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByText(`Get a key for ${BAKERY} in HRworks, then try again.`)).toBeVisible();
    await expectNoSeriousA11yViolations();

    const field = screen.getByLabelText("Type the new company's name to replace");
    await user.click(screen.getByRole("button", { name: "Replace connection" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Type the new company's name to replace the connection",
    );
    await user.type(field, BAKERY);
    await user.click(screen.getByRole("button", { name: "Replace connection" }));
    expect(field).toHaveAccessibleDescription(
      new RegExp(`The name you typed is not ${OTHER_COMPANY.name}`),
    );
    // Only the first, refused update reached the core.
    expect(backend.calls.filter((c) => c.method === "reauthoriseConnection")).toHaveLength(1);

    await user.clear(field);
    await user.type(field, "  sandbox nordlicht LOGISTIK gmbh");
    await user.click(screen.getByRole("button", { name: "Replace connection" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: `Bakery payroll now connects to ${OTHER_COMPANY.name}`,
      }),
    ).toBeInTheDocument();
    expect(backend.calls.filter((c) => c.method === "reauthoriseConnection")).toEqual([
      {
        method: "reauthoriseConnection",
        id: "connection-bakery",
        staged: "staged-1",
        replacementName: null,
      },
      {
        method: "reauthoriseConnection",
        id: "connection-bakery",
        staged: "staged-1",
        replacementName: "sandbox nordlicht LOGISTIK gmbh",
      },
    ]);
  });

  it("tries again with the right account from the different-company page", async () => {
    const { user } = await openReauthorise();
    await verify(user, keyFileText(SANDBOX_KEYS.otherCompany), OTHER_COMPANY.name);
    await user.click(
      await screen.findByRole("button", { name: "Try again with the right account" }),
    );
    await screen.findByRole("heading", { level: 1, name: "Which HRworks key should HR Link use?" });
    expect(screen.queryByText("Key file loaded:")).toBeNull();
    await verify(user, VALID_KEY_FILE, BAKERY);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" }),
    ).toBeInTheDocument();
  });

  it("shows a keychain failure while updating, and retries", async () => {
    const { user, backend } = await openReauthorise();
    backend.connections.failNextVaultCall({ code: "vault_unavailable" });
    await verify(user, VALID_KEY_FILE, BAKERY);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Bakery payroll was not updated" }),
    ).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("No keychain is available");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Re-authorised Bakery payroll" }),
    ).toBeInTheDocument();
  });
});

describe("moving between screens", () => {
  it("focuses the connections heading and names the window when opened from the wizard", async () => {
    const { user } = setup([]);
    const nav = () => within(screen.getByRole("navigation", { name: "Main" }));
    await screen.findByRole("heading", { level: 1, name: "Which HR system do you use?" });
    await user.click(screen.getByRole("button", { name: "Your connections" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Your connections" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe("Your connections – HR Link");
    // The current page's link keeps the wizard as it is.
    await user.click(nav().getByRole("button", { name: "Connect a system" }));
    await user.click(await screen.findByRole("radio", { name: /HRworks/ }));
    await user.click(nav().getByRole("button", { name: "Connect a system" }));
    expect(screen.getByRole("radio", { name: /HRworks/ })).toBeChecked();
  });

  it("shows which program last used a connection and how the product uses it", async () => {
    // Five minutes before this test, not before the file loaded (the card counts from now).
    const fiveMinutesAgo = Math.floor(Date.now() / 1000) - 5 * 60;
    const used = { ...bakery, last_used: { at: fiveMinutesAgo, by: "acme-sync" } };
    const { user } = setup([used, tea]);
    const card = await screen.findByRole("listitem", { name: used.label });
    expect(within(card).getByText("Last used by acme-sync, 5 minutes ago")).toBeVisible();
    expect(within(row(tea.label)).queryByText(/Last used/)).toBeNull();

    await user.click(within(card).getByText("How Demo Rostering uses this connection"));
    const command = `hrlink credential get ${used.id} --json`;
    expect(within(card).getByText(command)).toBeVisible();
    await user.click(
      within(card).getByRole("button", { name: `Copy the command for ${used.label}` }),
    );
    expect(await navigator.clipboard.readText()).toBe(command);
    await expectNoSeriousA11yViolations();
  });
});
