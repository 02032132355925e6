/**
 * The credential steps for IRIS (API user name and password) and for the browser sign-ins
 * (iPayroll, Employment Hero), end to end against the fake backend.
 */

import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import deCatalogue from "../../../../crates/hrlink-core/messages/de.json";
import enCatalogue from "../../../../crates/hrlink-core/messages/en.json";
import {
  createFakeBackend,
  type FakeBackend,
  SANDBOX_LOGINS,
  successReport,
} from "../../lib/ipc/fakeBackend";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { ALREADY_HAVE, chooseIris, chooseProvider, renderApp } from "../../test/render";

type User = ReturnType<typeof renderApp>["user"];

const CANARY = "CANARY-pw-51c2e8";
const VALID = SANDBOX_LOGINS.iris.valid;

function errorSummary(): HTMLElement {
  const title = screen.getByRole("heading", { level: 2, name: /There is a problem|Es gibt/ });
  const summary = title.closest(".error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  return summary;
}

function h1(): HTMLElement {
  return screen.getByRole("heading", { level: 1 });
}

const usernameField = () => screen.getByLabelText("User name");
const passwordField = () => screen.getByLabelText("Password");

async function typeLogin(user: User, login: { username: string; password: string }) {
  await user.type(usernameField(), login.username);
  await user.type(passwordField(), login.password);
}

function fill(template: string, params: Record<string, string>) {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
}

/** Clicks the button named `name` and waits for the waiting screen. */
/** From a chosen system to its credentials step, in German: keep the permissions, skip the guide. */
async function skipToCredentialsInGerman(user: User) {
  await user.click(screen.getByRole("button", { name: "Weiter" }));
  await user.click(await screen.findByRole("button", { name: "Weiter" }));
  await user.click(await screen.findByRole("button", { name: "Das habe ich schon erledigt" }));
}

async function startSignIn(user: User, name = "Sign in with iPayroll") {
  await user.click(screen.getByRole("button", { name }));
  await screen.findByRole("heading", { level: 1, name: /^Finish signing in to/ });
}

const chooseIpayroll = (user: User, share: RegExp[] = []) =>
  chooseProvider(user, /iPayroll/, "Sign in to iPayroll in your browser", share);
const chooseEmploymentHero = (user: User) =>
  chooseProvider(user, /^Employment Hero$/, "Sign in to Employment Hero in your browser");

function calls(backend: FakeBackend, method: string) {
  return backend.calls.filter((call) => call.method === method);
}

describe("IRIS: the API user", () => {
  it("takes the user name and password, hands them over once and shows the company", async () => {
    const { user, backend } = renderApp();
    await chooseIris(user);
    expect(screen.getByText("Step 4 of 7")).toBeInTheDocument();
    await typeLogin(user, VALID);
    await user.click(screen.getByRole("button", { name: "Continue" }));

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Connected to Sandbox Tea Rooms Ltd — is this the right company?",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/signed in to IRIS HR Professional as your API user/)).toBeVisible();
    expect(screen.getByText("Number in IRIS HR Professional")).toBeInTheDocument();
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^See who works for you.*employees.*Required.*Granted/),
      expect.stringMatching(/^Read personal details.*personal.*Required.*Granted/),
    ]);
    // The contract tab was not chosen, but IRIS API users may read it by default: a calm note.
    const beyond = screen.getByRole("region", {
      name: "IRIS HR Professional gives HR Link more than you chose to share",
    });
    expect(beyond).toHaveTextContent(
      "Read contract details (contract type, hours, manager) contract",
    );
    expect(beyond).toHaveTextContent("click Set Rights. Take these rights away and click Save.");
    await expectNoSeriousA11yViolations();
    expect(screen.getByRole("button", { name: "No, use a different API user" })).toBeVisible();
    expect(calls(backend, "stageCredentials")).toEqual([
      {
        method: "stageCredentials",
        provider: "iris",
        input: { kind: "text", text: `Username: ${VALID.username}\nPassword: ${VALID.password}` },
      },
    ]);
    expect(backend.calls).toContainEqual({
      method: "verifyConnection",
      id: "staged-1",
      optional: [],
      organisation: null,
    });
  });

  it("explains API users, how to create one, and that the IRIS check is provisional", async () => {
    const { user } = renderApp();
    await chooseIris(user);
    expect(screen.getByText(/An API user is a special user in IRIS HR Professional/)).toBeVisible();
    await user.click(screen.getByText("How do I create an API user?"));
    const steps = screen.getByText(/Switch on the API module/).closest("ol");
    expect(steps).toHaveTextContent(
      "System Tools > Utilities > Tools > System Configuration > Modules, tick API and click Save",
    );
    expect(steps).toHaveTextContent(
      "System Tools > Utilities > Company > API Users and click Create User",
    );
    expect(steps).toHaveTextContent("tick Active");
    expect(steps).toHaveTextContent("The password is shown only once: keep IRIS open");
    expect(screen.getByText(/at most 10 active API users/)).toBeVisible();
    expect(
      screen.getByText(
        "IRIS has not yet published the details of its connection for other programs, so HR Link checks it the way IRIS is expected to work, and this check may change once IRIS publishes them.",
      ),
    ).toBeVisible();
  });

  it("splits a paste of both lines into the two boxes", async () => {
    const { user } = renderApp();
    await chooseIris(user);
    await user.click(usernameField());
    await user.paste(`Username: ${VALID.username}\nPassword: ${VALID.password}\n`);
    expect(usernameField()).toHaveValue(VALID.username);
    expect(passwordField()).toHaveValue(VALID.password);
    expect(
      screen.getByText("The user name and the password were put in their boxes."),
    ).toBeInTheDocument();

    // Two bare lines, into the password box this time.
    await user.clear(usernameField());
    await user.clear(passwordField());
    await user.click(passwordField());
    await user.paste("sbx-api-other\r\nAn0ther!Pass");
    expect(usernameField()).toHaveValue("sbx-api-other");
    expect(passwordField()).toHaveValue("An0ther!Pass");

    // One line is pasted as usual.
    await user.clear(usernameField());
    await user.click(usernameField());
    await user.paste("just-the-user");
    expect(usernameField()).toHaveValue("just-the-user");
    expect(passwordField()).toHaveValue("An0ther!Pass");
  });

  it("asks for each missing value before any call to the core", async () => {
    const { user, backend } = renderApp();
    await chooseIris(user);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = errorSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    const links = within(summary).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Enter the user name of the API user", "#iris-username"],
      ["Enter the password of the API user", "#iris-password"],
    ]);
    expect(usernameField()).toHaveAttribute("aria-invalid", "true");
    expect(passwordField()).toHaveAttribute("aria-invalid", "true");
    expect(calls(backend, "stageCredentials")).toEqual([]);
    await user.click(links[1] as HTMLElement);
    expect(passwordField()).toHaveFocus();

    // Typing the user name leaves only the password's error.
    await user.type(usernameField(), "sbx-api-valid");
    expect(within(errorSummary()).getAllByRole("link")).toHaveLength(1);
    expect(usernameField()).not.toHaveAttribute("aria-invalid");
  });

  it("shows a problem reading the values at the user name", async () => {
    const { user } = renderApp({
      stage: () => ({ status: "error", error: { code: "iris_credentials_unrecognised" } }),
    });
    await chooseIris(user);
    await typeLogin(user, VALID);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const entry = enCatalogue.iris_credentials_unrecognised;
    const summary = await waitFor(errorSummary);
    const link = within(summary).getByRole("link", { name: entry.message });
    expect(link).toHaveAttribute("href", "#iris-username");
    expect(summary).toHaveTextContent(entry.next_step);
    expect(document.getElementById("iris-username-error")).toHaveTextContent(entry.message);
    // Nothing was taken, so both values stay to be corrected.
    expect(passwordField()).toHaveValue(VALID.password);
  });

  it("shows an inactive API user with the catalogue's message and next step", async () => {
    const { user } = renderApp();
    await chooseIris(user);
    await typeLogin(user, SANDBOX_LOGINS.iris.inactive);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link could not connect to IRIS HR Professional",
    });
    const summary = errorSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    expect(summary).toHaveTextContent(enCatalogue.iris_user_inactive.message);
    expect(summary).toHaveTextContent(enCatalogue.iris_user_inactive.next_step);
    expect(screen.getByRole("button", { name: "Try again" })).toBeVisible();

    // Entering it again keeps the user name, not the password.
    await user.click(
      screen.getByRole("button", { name: "Enter the user name and password again" }),
    );
    await screen.findByRole("heading", {
      level: 1,
      name: "Which IRIS API user should HR Link use?",
    });
    expect(usernameField()).toHaveValue(SANDBOX_LOGINS.iris.inactive.username);
    expect(passwordField()).toHaveValue("");
  });

  it("shows missing Set Rights the admin chose to share with where to grant them", async () => {
    const { user, backend } = renderApp();
    await chooseIris(user, [/^Read contract details/]);
    await typeLogin(user, SANDBOX_LOGINS.iris.noContract);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: /but something needs fixing/ });
    expect(calls(backend, "verifyConnection")).toEqual([
      { method: "verifyConnection", id: "staged-1", optional: ["contract"], organisation: null },
    ]);
    expect(errorSummary()).toHaveTextContent(
      "a permission this integration needs is not granted: contract",
    );
    expect(screen.getByRole("button", { name: "Try again" })).toBeVisible();
    const row = document.getElementById("permission-contract");
    expect(row).toHaveTextContent("Missing");
    expect(row).toHaveTextContent(
      "go to System Tools > Utilities > Company > API Users, select the API user and click Set Rights. Allow it to read the Contract tab",
    );
  });

  it("keeps the password out of the page once the core has it", async () => {
    // The core stages any well-formed login (the Sandbox answers refuse only what it refused).
    const staged = { id: "staged-canary", provider: "iris", hint: "••••••••alid" } as const;
    const { user, backend } = renderApp({
      manualVerify: true,
      stage: () => ({ status: "ok", data: staged }),
    });
    await chooseIris(user);
    await typeLogin(user, { username: VALID.username, password: CANARY });
    expect(passwordField()).toHaveValue(CANARY);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Checking your connection to IRIS HR Professional",
    });
    expect(screen.getByText(/as your API user/)).toBeVisible();
    const inPage = () => {
      expect(document.body.innerHTML).not.toContain(CANARY);
      for (const element of document.querySelectorAll("textarea, input")) {
        expect((element as HTMLInputElement).value).not.toContain(CANARY);
      }
    };
    inPage();

    await act(async () =>
      backend.pendingVerification?.finish({ status: "ok", data: successReport("iris") }),
    );
    await screen.findByRole("heading", { level: 1, name: /Connected to/ });
    inPage();
    // Back: the API user is held (only the masked user name shows), then replaced.
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Which IRIS API user should HR Link use?",
    });
    expect(screen.getByText(/user name ••••••••alid/)).toBeInTheDocument();
    inPage();
    await user.click(screen.getByRole("button", { name: "Use a different API user" }));
    expect(usernameField()).toHaveValue(VALID.username);
    expect(passwordField()).toHaveValue("");
    inPage();
    await waitFor(() => expect(backend.stagedIds()).toEqual([]));
  });

  it("masks the password with a Show/Hide toggle, with none in screen-share mode", async () => {
    const { user, unmount } = renderApp();
    await chooseIris(user);
    const field = passwordField();
    expect(field).toHaveAttribute("type", "password");
    expect(field).toHaveAttribute("autocomplete", "off");
    expect(field).toHaveAttribute("spellcheck", "false");
    expect(usernameField()).toHaveAttribute("autocomplete", "off");
    expect(usernameField()).toHaveAttribute("spellcheck", "false");
    await user.click(screen.getByRole("button", { name: "Show the password" }));
    expect(field).toHaveAttribute("type", "text");
    expect(screen.getByText("The password is visible on screen")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Hide the password" }));
    expect(field).toHaveAttribute("type", "password");
    unmount();

    const shared = renderApp({ appInfo: { support_mode: true } });
    await chooseIris(shared.user);
    expect(passwordField()).toHaveAttribute("type", "password");
    expect(screen.queryByRole("button", { name: "Show the password" })).not.toBeInTheDocument();
  });

  it("goes back and forth without losing what was typed", async () => {
    const { user } = renderApp();
    await chooseIris(user);
    await typeLogin(user, { username: "half", password: "typed" });
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("Switch on the API module in IRIS");
    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("radio", { name: /IRIS/ })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: ALREADY_HAVE }));
    expect(await screen.findByLabelText("User name")).toHaveValue("half");
    expect(passwordField()).toHaveValue("typed");
  });

  it("offers the Sandbox test user in demo mode, and fills it in", async () => {
    const { user } = renderApp({ appInfo: { demo: true } });
    await chooseIris(user);
    await user.click(screen.getByText("Try it with the Sandbox test user"));
    expect(screen.getByText(VALID.username)).toBeVisible();
    expect(screen.getByText(VALID.password)).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Copy the password" }));
    expect(await navigator.clipboard.readText()).toBe(VALID.password);
    expect(screen.getByText("Copied.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Copy both" }));
    expect(await navigator.clipboard.readText()).toBe(
      `Username: ${VALID.username}\nPassword: ${VALID.password}`,
    );
    await user.click(screen.getByRole("button", { name: "Fill in for me" }));
    expect(usernameField()).toHaveValue(VALID.username);
    expect(passwordField()).toHaveValue(VALID.password);
    expect(screen.getByText("Filled in. Now choose Continue.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: /Connected to Sandbox Tea Rooms/ }),
    ).toBeInTheDocument();
  });

  it("offers no Sandbox user for a configured app", async () => {
    const { user } = renderApp({ appInfo: { demo: false } });
    await chooseIris(user);
    expect(screen.queryByText("Try it with the Sandbox test user")).not.toBeInTheDocument();
  });
});

describe("browser sign-in", () => {
  it("says what will happen and what to watch out for (iPayroll)", async () => {
    const { user } = renderApp({ appInfo: { demo: false } });
    await chooseIpayroll(user);
    expect(screen.getByText("Step 4 of 7")).toBeInTheDocument();
    const steps = screen.getByRole("heading", { level: 2, name: "What will happen" })
      .nextElementSibling as HTMLElement;
    expect(
      within(steps)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "HR Link opens iPayroll's sign-in page in your web browser.",
      "You sign in there and allow HR Link access.",
      "You come back to this window, and HR Link checks the connection.",
    ]);
    const advice = screen.getByRole("region", { name: "Before you start" });
    expect(advice).toHaveTextContent("Sign in as the API user, not as the main user.");
    expect(advice).toHaveTextContent("for example 49764apihrlink");
    expect(advice).toHaveTextContent(
      "If this browser is already signed in to iPayroll, sign out there first. Otherwise iPayroll may connect the wrong organisation.",
    );
    expect(screen.getByRole("button", { name: "Sign in with iPayroll" })).toHaveClass(
      "btn--primary",
    );
  });

  it("says to choose the organisation and recommends a dedicated user (Employment Hero)", async () => {
    const { user } = renderApp({ appInfo: { demo: false } });
    await chooseEmploymentHero(user);
    expect(
      screen.getByText(
        "You sign in there, choose the organisation to connect and allow HR Link access.",
      ),
    ).toBeVisible();
    const advice = screen.getByRole("region", { name: "Before you start" });
    expect(advice).toHaveTextContent(
      "On Employment Hero's page, choose the organisation you want to connect.",
    );
    expect(advice).toHaveTextContent(
      "an Employment Hero user just for HR Link, with full permissions",
    );
    expect(screen.getByRole("button", { name: "Sign in with Employment Hero" })).toBeVisible();
  });

  it("waits for the browser, then checks and shows the iPayroll organisation", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await chooseIpayroll(user, [/^Read leave balances/]);
    await startSignIn(user);
    expect(h1()).toHaveTextContent("Finish signing in to iPayroll in your browser");
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Waiting for you to finish in your browser…");
    expect(status).toHaveAttribute("aria-live", "polite");
    expect(status.querySelector(".spinner")).not.toBeNull();
    expect(screen.getByText("Step 4 of 7")).toBeInTheDocument();
    await waitFor(() => expect(h1()).toHaveFocus());
    expect(calls(backend, "signIn")).toEqual([
      { method: "signIn", provider: "ipayroll", optional: ["leavebalances"], language: "en" },
    ]);

    await act(async () => backend.pendingSignIn?.succeed());
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Connected to iPayroll organisation 49764 — is this the right organisation?",
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/sign out of iPayroll in your browser, then sign in again/),
    ).toBeVisible();
    const facts = screen.getByText("Organisation number").closest("dl") as HTMLElement;
    expect(facts).toHaveTextContent("Organisation number49764");
    expect(facts).not.toHaveTextContent("iPayroll organisation 49764");
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^See who works for you.*employees.*Required.*Granted/),
      expect.stringMatching(/^Read leave balances.*leavebalances.*Chosen by you.*Granted/),
    ]);
    expect(screen.getByRole("button", { name: "No, sign in again" })).toBeVisible();
    expect(backend.calls).toContainEqual({
      method: "verifyConnection",
      id: "staged-1",
      optional: ["leavebalances"],
      organisation: null,
    });
    expect(calls(backend, "cancelSignIn")).toEqual([]);
  });

  it("shows the Employment Hero organisation that was chosen", async () => {
    const { user } = renderApp();
    await chooseEmploymentHero(user);
    await user.click(screen.getByRole("button", { name: "Sign in with Employment Hero" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Connected to Sandbox Bakehouse Pty Ltd — is this the right organisation?",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("ID in Employment Hero")).toBeInTheDocument();
    expect(screen.getByText("See which organisations you can reach")).toBeInTheDocument();
    expect(screen.getByText("See your teams")).toBeInTheDocument();
  });

  it("returns to the step with a calm note when cancelled", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await chooseIpayroll(user);
    await startSignIn(user);
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByRole("heading", { level: 1, name: "Sign in to iPayroll in your browser" });
    const note = screen.getByText("Sign-in stopped. You can start it again.");
    await waitFor(() => expect(note.closest(".wizard-note")).toHaveFocus());
    expect(screen.queryByRole("heading", { name: "There is a problem" })).not.toBeInTheDocument();
    expect(calls(backend, "cancelSignIn")).toHaveLength(1);
    expect(backend.pendingSignIn).toBeNull();
    expect(screen.getByRole("button", { name: "Sign in with iPayroll" })).toBeVisible();
  });

  it("starts a fresh sign-in when the admin closed the browser", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await chooseEmploymentHero(user);
    await startSignIn(user, "Sign in with Employment Hero");
    const first = await screen.findByText(/state=/);
    const firstAddress = first.textContent;
    await user.click(screen.getByRole("button", { name: "I closed the browser" }));
    // Still waiting, on a new sign-in with its own address; the old one is not cancelled twice.
    await waitFor(() => expect(calls(backend, "signIn")).toHaveLength(2));
    await waitFor(() => expect(screen.getByText(/state=/).textContent).not.toBe(firstAddress));
    expect(h1()).toHaveTextContent("Finish signing in to Employment Hero in your browser");
    expect(screen.queryByText("Sign-in stopped. You can start it again.")).not.toBeInTheDocument();
    expect(calls(backend, "cancelSignIn")).toHaveLength(0);
    await act(async () => backend.pendingSignIn?.succeed());
    expect(
      await screen.findByRole("heading", { level: 1, name: /Connected to Sandbox Bakehouse/ }),
    ).toBeInTheDocument();
    // The replaced sign-in's answer (cancelled) changed nothing.
    expect(screen.queryByRole("heading", { name: "There is a problem" })).not.toBeInTheDocument();
  });

  it("shows the sign-in address with Copy and opens the browser again", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await chooseIpayroll(user);
    await startSignIn(user);
    expect(screen.getByRole("heading", { level: 2, name: "The sign-in address" })).toBeVisible();
    const address = await screen.findByText(
      /^http:\/\/127\.0\.0\.1:7400\/ipayroll\/oauth\/authorize/,
    );
    expect(screen.getByRole("button", { name: "Copy the sign-in address" })).toBeVisible();
    expect(address).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Open the browser again" }));
    expect(calls(backend, "reopenSignIn")).toHaveLength(1);
    expect(screen.queryByText("No web browser could be opened")).not.toBeInTheDocument();
    expect(calls(backend, "signIn")).toHaveLength(1);
  });

  it("says when no browser could be opened and shows the address to open by hand", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" }, noBrowser: true });
    await chooseIpayroll(user);
    await startSignIn(user);
    expect(await screen.findByText("No web browser could be opened")).toBeVisible();
    expect(screen.getByText(/^http:\/\/127\.0\.0\.1:7400\/ipayroll/)).toBeVisible();
    expect(screen.getByRole("button", { name: "Copy the sign-in address" })).toBeVisible();
    expect(
      screen.queryByRole("button", { name: "Open the browser again" }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/HR Link opened iPayroll's sign-in page/)).not.toBeInTheDocument();
    // Opened by hand: the sign-in comes back as usual.
    await act(async () => backend.pendingSignIn?.succeed());
    await screen.findByRole("heading", { level: 1, name: /is this the right organisation/ });
  });

  it("says so when opening the browser again does not work", async () => {
    const backend = createFakeBackend({ signIn: { kind: "wait" } });
    const failing: FakeBackend = Object.create(backend, {
      reopenSignIn: {
        value: async () => ({ status: "error", error: { code: "browser_unavailable" } }),
      },
    });
    const { user } = renderApp({ backend: failing });
    await chooseIpayroll(user);
    await startSignIn(user);
    await user.click(await screen.findByRole("button", { name: "Open the browser again" }));
    expect(await screen.findByText("No web browser could be opened")).toBeVisible();
    expect(screen.getByRole("button", { name: "Copy the sign-in address" })).toBeVisible();
  });

  it("shows the sign-in address in German", async () => {
    const { user } = renderApp({ language: "de", signIn: { kind: "wait" }, noBrowser: true });
    await user.click(await screen.findByRole("radio", { name: /iPayroll/ }));
    await skipToCredentialsInGerman(user);
    await user.click(await screen.findByRole("button", { name: "Mit iPayroll anmelden" }));
    expect(await screen.findByText("Es ließ sich kein Webbrowser öffnen")).toBeVisible();
    expect(screen.getByRole("heading", { level: 2, name: "Die Anmeldeadresse" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Die Anmeldeadresse kopieren" })).toBeVisible();
  });

  it("forgets a sign-in that comes back after it was stopped", async () => {
    const backend = createFakeBackend({ signIn: { kind: "wait" } });
    // The browser answers before the cancellation reaches the core.
    const racing: FakeBackend = Object.create(backend, {
      cancelSignIn: { value: async () => {} },
    });
    const { user } = renderApp({ backend: racing });
    await chooseIpayroll(user);
    await startSignIn(user);
    const pending = backend.pendingSignIn;
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("Sign-in stopped. You can start it again.");
    await act(async () => pending?.succeed());
    await waitFor(() =>
      expect(backend.calls).toContainEqual({ method: "discardCredentials", id: "staged-1" }),
    );
    expect(h1()).toHaveTextContent("Sign in to iPayroll in your browser");
    expect(calls(backend, "verifyConnection")).toEqual([]);
  });

  it("shows a declined sign-in in the error summary, and tries again", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "deny" } });
    await chooseIpayroll(user);
    await user.click(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    const summary = await waitFor(errorSummary);
    await waitFor(() => expect(summary).toHaveFocus());
    const entry = enCatalogue.sign_in_denied;
    const link = within(summary).getByRole("link", {
      name: fill(entry.message, { provider: "iPayroll" }),
    });
    expect(summary).toHaveTextContent(fill(entry.next_step, { provider: "iPayroll" }));
    expect(h1()).toHaveTextContent("Sign in to iPayroll in your browser");
    const retry = screen.getByRole("button", { name: "Try again" });
    expect(link).toHaveAttribute("href", "#sign-in");
    await user.click(link);
    expect(retry).toHaveFocus();
    await user.click(retry);
    await waitFor(() => expect(calls(backend, "signIn")).toHaveLength(2));
  });

  it("says when the browser did not come back in time", async () => {
    const { user } = renderApp({ signIn: { kind: "timeOut" } });
    await chooseIpayroll(user);
    await user.click(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    expect(await waitFor(errorSummary)).toHaveTextContent(enCatalogue.sign_in_timed_out.message);
  });

  it("renders a sign-in problem in German and signs in in German", async () => {
    const { user, backend } = renderApp({
      language: "de",
      signIn: { kind: "fail", problem: { code: "redirect_port_in_use", params: { port: 53682 } } },
    });
    await user.click(await screen.findByRole("radio", { name: /iPayroll/ }));
    await skipToCredentialsInGerman(user);
    await screen.findByRole("heading", {
      level: 1,
      name: "Melden Sie sich in Ihrem Browser bei iPayroll an",
    });
    expect(screen.getByRole("heading", { level: 2, name: "So geht es weiter" })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Mit iPayroll anmelden" }));
    const summary = await waitFor(errorSummary);
    const entry = deCatalogue.redirect_port_in_use;
    expect(summary).toHaveTextContent(fill(entry.message, { port: "53682" }));
    expect(summary).toHaveTextContent(entry.next_step);
    expect(screen.getByRole("button", { name: "Erneut versuchen" })).toBeVisible();
    expect(calls(backend, "signIn")).toEqual([
      { method: "signIn", provider: "ipayroll", optional: [], language: "de" },
    ]);
  });

  it("shows a declined sign-in in German", async () => {
    const { user } = renderApp({ language: "de", signIn: { kind: "deny" } });
    await user.click(await screen.findByRole("radio", { name: /^Employment Hero$/ }));
    await skipToCredentialsInGerman(user);
    await user.click(await screen.findByRole("button", { name: "Mit Employment Hero anmelden" }));
    const summary = await waitFor(errorSummary);
    expect(summary).toHaveTextContent(
      "Der Zugriff wurde auf der Anmeldeseite von Employment Hero abgelehnt, daher wurde HR Link nicht verbunden.",
    );
  });

  it("asks for a new sign-in when a permission is missing", async () => {
    const { user } = renderApp({
      signIn: { kind: "succeed", as: SANDBOX_LOGINS.ipayroll.withoutEmployees.username },
    });
    await chooseIpayroll(user);
    await user.click(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    await screen.findByRole("heading", {
      level: 1,
      name: "Signed in to iPayroll, but something needs fixing",
    });
    const summary = errorSummary();
    const link = within(summary).getByRole("link", {
      name: "iPayroll connected, but a permission this integration needs is not granted: employees.",
    });
    // The next step names the button that is there.
    expect(summary).toHaveTextContent("Grant it as shown next to it, then choose Sign in again.");
    expect(summary).not.toHaveTextContent("Try again");
    expect(
      screen.getByText("Nothing has been saved. Fix the problem, then sign in again."),
    ).toBeVisible();
    const row = document.getElementById("permission-employees");
    expect(row).toHaveTextContent("Missing");
    expect(row).toHaveTextContent("Sign in again and allow “employees” on iPayroll's page.");
    await user.click(link);
    expect(row).toHaveFocus();
    // Checking the same sign-in again would find the same: only a new sign-in helps.
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sign in again" }));
    await screen.findByRole("heading", { level: 1, name: "Sign in to iPayroll in your browser" });
  });

  it("keeps the sign-in when going back from the result", async () => {
    const { user, backend } = renderApp();
    await chooseIpayroll(user);
    await user.click(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    await screen.findByRole("heading", { level: 1, name: /Connected to iPayroll organisation/ });
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", { level: 1, name: "Sign in to iPayroll in your browser" });
    expect(screen.getByText("Signed in to iPayroll.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: /Connected to iPayroll organisation/ });
    expect(calls(backend, "verifyConnection")).toHaveLength(2);
    expect(calls(backend, "signIn")).toHaveLength(1);
  });

  it("shows the Sandbox user to sign in as, in demo mode", async () => {
    const { user } = renderApp({ appInfo: { demo: true } });
    await chooseIpayroll(user);
    await user.click(screen.getByText("Try it with the Sandbox test user"));
    expect(screen.getByText(/sign-in page accepts this made-up user/)).toBeVisible();
    expect(screen.getByText("49764apihrlink")).toBeVisible();
    expect(screen.getByText("Sandbox-Password-1")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Fill in for me" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Copy the user name" }));
    expect(await navigator.clipboard.readText()).toBe("49764apihrlink");
  });

  it("keeps the Sandbox user in view while waiting, in demo mode only", async () => {
    const { user, unmount } = renderApp({ appInfo: { demo: true }, signIn: { kind: "wait" } });
    await chooseIpayroll(user);
    await startSignIn(user);
    // Open already: this is when it is typed into the browser.
    expect(screen.getByText("49764apihrlink")).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Copy the password" }));
    expect(await navigator.clipboard.readText()).toBe("Sandbox-Password-1");
    unmount();

    const configured = renderApp({ appInfo: { demo: false }, signIn: { kind: "wait" } });
    await chooseIpayroll(configured.user);
    await startSignIn(configured.user);
    expect(screen.queryByText("Try it with the Sandbox test user")).not.toBeInTheDocument();
  });

  it("offers the Employment Hero Sandbox user", async () => {
    const { user } = renderApp({ appInfo: { demo: true } });
    await chooseEmploymentHero(user);
    await user.click(screen.getByText("Try it with the Sandbox test user"));
    expect(screen.getByText("one.org@sandbox.example")).toBeVisible();
  });

  it("stops a sign-in still waiting when the wizard closes", async () => {
    const { user, backend, unmount } = renderApp({ signIn: { kind: "wait" } });
    await chooseIpayroll(user);
    await startSignIn(user);
    unmount();
    expect(calls(backend, "cancelSignIn")).toHaveLength(1);
  });

  it("works with the keyboard alone", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await screen.findAllByRole("radio");
    const tabTo = async (element: HTMLElement) => {
      for (let i = 0; i < 25 && document.activeElement !== element; i++) await user.tab();
      expect(element).toHaveFocus();
    };
    // iPayroll is the first option.
    await tabTo(screen.getByRole("radio", { name: /iPayroll/ }));
    await user.keyboard(" ");
    await user.tab();
    expect(screen.getByRole("button", { name: "Continue" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: /^What may/ });
    await waitFor(() => expect(h1()).toHaveFocus());
    await tabTo(screen.getByRole("button", { name: "Continue" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: /^First, sign out/ });
    await tabTo(screen.getByRole("button", { name: "I have done this already" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Sign in to iPayroll in your browser" });
    await waitFor(() => expect(h1()).toHaveFocus());

    await tabTo(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: /^Finish signing in/ });
    await waitFor(() => expect(h1()).toHaveFocus());
    await tabTo(screen.getByRole("button", { name: "Cancel" }));
    await user.keyboard("{Enter}");
    await screen.findByText("Sign-in stopped. You can start it again.");

    await tabTo(screen.getByRole("button", { name: "Sign in with iPayroll" }));
    await user.keyboard(" ");
    await screen.findByRole("heading", { level: 1, name: /^Finish signing in/ });
    await tabTo(screen.getByRole("button", { name: "Open the browser again" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(calls(backend, "reopenSignIn")).toHaveLength(1));
    await tabTo(screen.getByRole("button", { name: "I closed the browser" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(calls(backend, "signIn")).toHaveLength(3));
    await act(async () => backend.pendingSignIn?.succeed());
    await screen.findByRole("heading", { level: 1, name: /is this the right organisation/ });
    await waitFor(() => expect(h1()).toHaveFocus());
    expect(calls(backend, "cancelSignIn")).toHaveLength(1);
  });
});

describe("Employment Hero: a sign-in that reaches several organisations", () => {
  it("asks which organisation and checks that one", async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" } });
    await chooseEmploymentHero(user);
    await startSignIn(user, "Sign in with Employment Hero");
    await act(async () =>
      backend.pendingSignIn?.succeed(SANDBOX_LOGINS.employmenthero.partner.username),
    );
    await screen.findByRole("heading", {
      level: 1,
      name: "Signed in to Employment Hero: which organisation is this for?",
    });
    // A question to answer, not an error.
    expect(screen.queryByText("There is a problem")).toBeNull();
    const choice = await screen.findByRole("group", {
      name: "Which Employment Hero organisation is this connection for?",
    });
    const names = within(choice)
      .getAllByRole("radio")
      .map((radio) => radio.closest("div")?.textContent);
    expect(names).toEqual(["Sandbox Bakehouse Pty Ltd", "Sandbox Holdings Pty Ltd"]);
    expect(
      screen.getByText(
        "Nothing has been saved. Choose the organisation below, then HR Link checks it.",
      ),
    ).toBeVisible();
    expect(calls(backend, "listOrganisations")).toEqual([
      { method: "listOrganisations", id: "staged-1" },
    ]);
    await expectNoSeriousA11yViolations();

    // Nothing chosen: said next to the list, and focus goes there.
    await user.click(screen.getByRole("button", { name: "Check this organisation" }));
    expect(choice).toHaveTextContent("Choose the organisation this connection is for");
    await user.click(within(choice).getByRole("radio", { name: "Sandbox Holdings Pty Ltd" }));
    await user.click(screen.getByRole("button", { name: "Check this organisation" }));

    await screen.findByRole("heading", {
      level: 1,
      name: "Connected to Sandbox Holdings Pty Ltd — is this the right organisation?",
    });
    // Employment Hero counts every record, former staff too: said so.
    expect(
      screen.getByText("0 people in all, former staff included, as Employment Hero counts them"),
    ).toBeInTheDocument();
    expect(calls(backend, "verifyConnection").at(-1)).toEqual({
      method: "verifyConnection",
      id: "staged-1",
      optional: [],
      organisation: "9b2e7d14-6c3f-4a8e-b5d2-0f1e2d3c4b02",
    });
  });
});

describe("accessibility of the new steps (axe-core)", () => {
  // Many steps, each checked by axe: slow on a busy machine.
  it("has no serious violations on the IRIS step and its results", {
    timeout: 20_000,
  }, async () => {
    const { user, backend } = renderApp({ manualVerify: true, appInfo: { demo: true } });
    await chooseIris(user);
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByText("How do I create an API user?"));
    await user.click(screen.getByText("Try it with the Sandbox test user"));
    await user.click(screen.getByRole("button", { name: "Fill in for me" }));
    await user.click(screen.getByRole("button", { name: "Show the password" }));
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: /Checking your connection/ });
    act(() =>
      backend.pendingVerification?.emit({
        state: "started",
        step: { kind: "permission", id: "personal" },
      }),
    );
    expect(screen.getByText(/Checking permission: Read personal details/)).toBeInTheDocument();
    await expectNoSeriousA11yViolations();
    await act(async () =>
      backend.pendingVerification?.finish({
        status: "ok",
        data: {
          provider: "iris",
          ok: false,
          account: null,
          permissions: [],
          people: null,
          problems: [{ code: "iris_api_module_disabled" }],
          warnings: [],
        },
      }),
    );
    await screen.findByRole("heading", { level: 1, name: /could not connect/ });
    expect(errorSummary()).toHaveTextContent(enCatalogue.iris_api_module_disabled.message);
    await expectNoSeriousA11yViolations();

    // Back to the step with the API user held.
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByText("API user entered:");
    await expectNoSeriousA11yViolations();
  });

  // Many steps, each checked by axe: slow on a busy machine.
  it("has no serious violations on the sign-in step, the waiting screen and the results", {
    timeout: 20_000,
  }, async () => {
    const { user, backend } = renderApp({ signIn: { kind: "wait" }, appInfo: { demo: true } });
    await chooseIpayroll(user);
    await user.click(screen.getByText("Try it with the Sandbox test user"));
    await expectNoSeriousA11yViolations();

    await startSignIn(user);
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("Sign-in stopped. You can start it again.");
    await expectNoSeriousA11yViolations();

    await startSignIn(user);
    await act(async () =>
      backend.pendingSignIn?.fail({
        code: "organisation_choice_needed",
        params: { provider: "iPayroll", count: 2 },
      }),
    );
    await waitFor(errorSummary);
    await expectNoSeriousA11yViolations();

    await startSignIn(user, "Try again");
    await act(async () =>
      backend.pendingSignIn?.succeed(SANDBOX_LOGINS.ipayroll.withoutEmployees.username),
    );
    await screen.findByRole("heading", { level: 1, name: /Signed in to iPayroll, but/ });
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Sign in again" }));
    await startSignIn(user);
    await act(async () => backend.pendingSignIn?.succeed());
    await screen.findByRole("heading", { level: 1, name: /is this the right organisation/ });
    await expectNoSeriousA11yViolations();
  });
});
