import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import enCatalogue from "../../../../crates/hrlink-core/messages/en.json";
import {
  failedScenario,
  keyFileText,
  SANDBOX_KEYS,
  successReport,
} from "../../lib/ipc/fakeBackend";
import type { VerificationReport } from "../../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import {
  ALREADY_HAVE,
  chooseHrworks,
  pasteKey,
  REJECTED_KEY_FILE,
  renderApp,
  VALID_KEY_FILE,
} from "../../test/render";

const CANARY = "CANARY-7f3a9c";
const CANARY_KEY_FILE = `Access Key: ${SANDBOX_KEYS.valid.access}\nSecret Access Key: ${CANARY}\n`;

function errorSummary(): HTMLElement {
  const title = screen.getByRole("heading", { level: 2, name: "There is a problem" });
  const summary = title.closest(".error-summary");
  if (!(summary instanceof HTMLElement)) throw new Error("no error summary");
  return summary;
}

function h1(): HTMLElement {
  return screen.getByRole("heading", { level: 1 });
}

/** Presses Tab until `target` has focus. */
async function tabTo(user: ReturnType<typeof renderApp>["user"], target: HTMLElement) {
  for (let presses = 0; document.activeElement !== target; presses += 1) {
    if (presses > 30) throw new Error("never reached the target with Tab");
    await user.tab();
  }
}

describe("choosing the HR system", () => {
  it("lists every system in the core's order, each of which can be chosen", async () => {
    renderApp();
    const radios = await screen.findAllByRole("radio");
    for (const name of [
      /iPayroll/,
      /IRIS HR Professional/,
      /HRworks/,
      /^Employment Hero$/,
      /^Employment Hero Payroll$/,
    ]) {
      expect(screen.getByRole("radio", { name })).toBeEnabled();
    }
    expect(radios.map((radio) => (radio as HTMLInputElement).value)).toEqual([
      "ipayroll",
      "iris",
      "hrworks",
      "employmenthero",
      "employmenthero_payroll",
    ]);
    expect(screen.queryByText("Coming soon")).not.toBeInTheDocument();
    const hrworks = screen.getByRole("radio", { name: /HRworks/ });
    expect(hrworks.closest(".radio")).toHaveTextContent("Germany");
    expect(h1()).toHaveTextContent("Which HR system do you use?");
    expect(screen.getByText("Step 1 of 7")).toBeInTheDocument();
  });

  it("works with the keyboard alone", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    // Skip link, language buttons, then the radios.
    const first = screen.getByRole("radio", { name: /iPayroll/ });
    while (document.activeElement !== first) {
      await user.tab();
      if (document.activeElement === document.body) throw new Error("never reached the radios");
    }
    await user.keyboard(" ");
    expect(first).toBeChecked();
    // Arrow keys move through the options: iPayroll, IRIS, HRworks.
    await user.keyboard("{ArrowDown}{ArrowDown}");
    const hrworks = screen.getByRole("radio", { name: /HRworks/ });
    expect(hrworks).toBeChecked();
    expect(hrworks).toHaveFocus();
    await user.tab();
    expect(screen.getByRole("button", { name: "Continue" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", {
      level: 1,
      name: "What may Demo Rostering read in HRworks?",
    });
    // Focus moves to the new question.
    await waitFor(() => expect(h1()).toHaveFocus());
    // The locked boxes are skipped; the optional one is ticked with the space bar.
    const units = screen.getByRole("checkbox", { name: "See your departments" });
    await tabTo(user, units);
    await user.keyboard(" ");
    expect(units).toBeChecked();
    await user.tab();
    expect(screen.getByRole("button", { name: "Continue" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Open the admin interface in HRworks" });
    await waitFor(() => expect(h1()).toHaveFocus());
    await tabTo(user, screen.getByRole("button", { name: "I already have a key file" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Which HRworks key should HR Link use?" });
    await waitFor(() => expect(h1()).toHaveFocus());
  });

  it("asks for a choice in an error summary that takes focus and links to the options", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = errorSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole("link", { name: "Select the HR system you use" });
    expect(link).toHaveAttribute("href", "#provider");
    // The same message at the field.
    expect(
      screen.getByText("Select the HR system you use", { selector: ".field__error" }),
    ).toBeInTheDocument();
    await user.click(link);
    // The link leads to the first option.
    expect(screen.getByRole("radio", { name: /iPayroll/ })).toHaveFocus();
    expect(h1()).toHaveTextContent("Which HR system do you use?");
  });
});

describe("entering the key", () => {
  it("pastes, stages, verifies and shows the company, permissions and people count", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user, [/See your departments/]);
    await pasteKey(user, VALID_KEY_FILE);

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Connected to Sandbox Bäckerei GmbH — is this the right company?",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("Step 6 of 7")).toBeInTheDocument();
    expect(screen.getByText("37 active people, as HRworks counts them")).toBeInTheDocument();
    expect(screen.getByText("48213")).toBeInTheDocument();

    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/See who works for you.*persons.*Required.*Granted/),
      expect.stringMatching(/Read people's details.*persons\.master-data.*Required.*Granted/),
      expect.stringMatching(/See your departments.*organization-units.*Chosen by you.*Granted/),
    ]);

    // The secret crossed once, as pasted; verification used the staged id.
    expect(backend.calls.filter((call) => call.method === "stageCredentials")).toEqual([
      {
        method: "stageCredentials",
        provider: "hrworks",
        input: { kind: "text", text: VALID_KEY_FILE },
      },
    ]);
    expect(backend.calls).toContainEqual({
      method: "verifyConnection",
      id: "staged-1",
      optional: ["organization-units"],
      organisation: null,
    });
    await waitFor(() => expect(h1()).toHaveFocus());
  });

  it("keeps the pasted secret out of the page once the core has it", async () => {
    const { user, backend } = renderApp({ manualVerify: true });
    await chooseHrworks(user);
    // Both lines pasted: checked at once, without Continue.
    await pasteKey(user, CANARY_KEY_FILE);
    await screen.findByRole("heading", { level: 1, name: "Checking your connection to HRworks" });
    expect(document.body.innerHTML).not.toContain(CANARY);
    for (const element of document.querySelectorAll("textarea, input")) {
      expect((element as HTMLInputElement).value).not.toContain(CANARY);
    }

    // Nor after the check, nor when going back to the key.
    await act(async () =>
      backend.pendingVerification?.finish({ status: "ok", data: successReport() }),
    );
    await screen.findByRole("heading", { level: 1, name: /Connected to/ });
    expect(document.body.innerHTML).not.toContain(CANARY);
    // Back to the key: it is loaded (only the masked access key shows), then replaced.
    await user.click(screen.getByRole("button", { name: "Back" }));
    await screen.findByRole("heading", { level: 1, name: "Which HRworks key should HR Link use?" });
    expect(screen.getByText(/access key ••••••••0001/)).toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(CANARY);
    await user.click(screen.getByRole("button", { name: "Use a different key" }));
    expect(screen.getByLabelText("Or paste the two lines of the key file")).toHaveValue("");
    expect(document.body.innerHTML).not.toContain(CANARY);
  });

  it("checks a whole pasted key at once, and waits for Continue after half a key", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user);
    const [access, secret] = VALID_KEY_FILE.split("\n");
    await pasteKey(user, access ?? "");
    expect(h1()).toHaveTextContent("Which HRworks key should HR Link use?");
    expect(backend.calls.some((call) => call.method === "stageCredentials")).toBe(false);
    // The second line completes it: no Continue needed.
    await user.type(screen.getByLabelText("Or paste the two lines of the key file"), "{Enter}");
    await user.paste(secret ?? "");
    await screen.findByRole("heading", { level: 1, name: /Connected to/ });
  });

  it("masks the pasted key, with a Show/Hide toggle", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    const field = screen.getByLabelText("Or paste the two lines of the key file");
    expect(field).toHaveClass("textarea--masked");
    expect(field).toHaveAttribute("spellcheck", "false");
    expect(field).toHaveAttribute("autocomplete", "off");
    await user.click(screen.getByRole("button", { name: "Show the key" }));
    expect(field).not.toHaveClass("textarea--masked");
    expect(screen.getByText("The key is visible on screen")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Hide the key" }));
    expect(field).toHaveClass("textarea--masked");
  });

  it("offers no Show toggle in screen-share mode", async () => {
    const { user } = renderApp({ appInfo: { support_mode: true } });
    await chooseHrworks(user);
    expect(screen.getByLabelText("Or paste the two lines of the key file")).toHaveClass(
      "textarea--masked",
    );
    expect(screen.queryByRole("button", { name: "Show the key" })).not.toBeInTheDocument();
    expect(screen.getByText("Screen-share mode")).toBeInTheDocument();
    expect(screen.getByText("Step 4 of 7")).toHaveClass("step-indicator--prominent");
  });

  it("asks for the key when continuing with nothing, before any call to the core", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user);
    await user.click(screen.getByRole("button", { name: "Continue" }));
    const summary = errorSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole("link")).toHaveTextContent(
      "Choose the downloaded key file, or paste its two lines",
    );
    expect(backend.calls.some((call) => call.method === "stageCredentials")).toBe(false);
    expect(screen.getByLabelText("Or paste the two lines of the key file")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
  });

  it("explains a key copied from an example, at the field and in the summary", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, "Access Key: SBXACC...0001\nSecret Access Key: sbx/Secret...0001");

    const entry = enCatalogue.key_file_redacted_example;
    const summary = await waitFor(errorSummary);
    await waitFor(() => expect(summary).toHaveFocus());
    const link = within(summary).getByRole("link", { name: entry.message });
    expect(link).toHaveAttribute("href", "#key-text");
    expect(summary).toHaveTextContent(entry.next_step);
    const field = screen.getByLabelText("Or paste the two lines of the key file");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field.getAttribute("aria-describedby")).toContain("key-text-error");
    expect(document.getElementById("key-text-error")).toHaveTextContent(entry.message);
    // The text stays, so it can be corrected.
    expect(field).toHaveValue("Access Key: SBXACC...0001\nSecret Access Key: sbx/Secret...0001");
    await user.click(link);
    expect(field).toHaveFocus();
  });

  it("checks the key file from the dialog at once, shows only the masked access key, and can replace it", async () => {
    const { user, backend } = renderApp({
      files: { "/home/admin/Downloads/hrworks-key.txt": VALID_KEY_FILE },
      pickedPath: "/home/admin/Downloads/hrworks-key.txt",
    });
    await chooseHrworks(user);
    await user.click(screen.getByRole("button", { name: "Choose the downloaded key file…" }));
    // No Continue between loading the file and checking it.
    await screen.findByRole("heading", { level: 1, name: /Connected to/ });
    expect(backend.calls).toContainEqual({ method: "chooseKeyFile", provider: "hrworks" });
    expect(backend.calls.filter((call) => call.method === "verifyConnection")).toHaveLength(1);
    expect(document.body.innerHTML).not.toContain(SANDBOX_KEYS.valid.secret);

    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByText(/access key ••••••••0001/)).toBeInTheDocument();
    expect(screen.getByText("Key file loaded:")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Use a different key" }));
    expect(
      screen.getByRole("button", { name: "Choose the downloaded key file…" }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(backend.calls).toContainEqual({ method: "discardCredentials", id: "staged-1" }),
    );
    expect(backend.stagedIds()).toEqual([]);
  });

  it("shows a file problem at the file button", async () => {
    const { user } = renderApp({ pickedPath: "/gone.txt" });
    await chooseHrworks(user);
    await user.click(screen.getByRole("button", { name: "Choose the downloaded key file…" }));
    const summary = await waitFor(errorSummary);
    const link = within(summary).getByRole("link", { name: enCatalogue.file_unreadable.message });
    expect(link).toHaveAttribute("href", "#key-file");
    await user.click(link);
    expect(screen.getByRole("button", { name: "Choose the downloaded key file…" })).toHaveFocus();
  });

  it("loads a key file dropped onto the window", async () => {
    const { user, backend } = renderApp({ files: { "/tmp/key.txt": VALID_KEY_FILE } });
    await chooseHrworks(user);
    act(() => backend.hoverFiles());
    expect(screen.getByText("Drop the key file to load it")).toBeInTheDocument();
    act(() => backend.dropFiles(["/tmp/key.txt"]));
    expect(
      await screen.findByRole("heading", { level: 1, name: /Connected to/ }),
    ).toBeInTheDocument();
  });

  it("goes back and forth without losing what was entered", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, "Access Key: half");
    // Back through the guide and what to share to the choice, and forward again.
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("Open the admin interface in HRworks");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("What may Demo Rostering read in HRworks?");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("Which HR system do you use?");
    expect(screen.getByRole("radio", { name: /HRworks/ })).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: ALREADY_HAVE }));
    expect(await screen.findByLabelText("Or paste the two lines of the key file")).toHaveValue(
      "Access Key: half",
    );
  });
});

describe("checking the connection", () => {
  it("updates the checklist from the progress channel", async () => {
    const { user, backend } = renderApp({ manualVerify: true });
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    await screen.findByRole("heading", { level: 1, name: "Checking your connection to HRworks" });
    expect(screen.getByText("Step 5 of 7")).toBeInTheDocument();

    const list = screen.getByRole("list", { name: "Checks" });
    expect(list).toHaveAttribute("aria-live", "polite");
    const states = () =>
      within(list)
        .getAllByRole("listitem")
        .map(
          (item) =>
            `${item.querySelector(".checklist__label")?.textContent}: ${item.dataset.state}`,
        );
    expect(states()).toEqual([
      "Signing in: pending",
      "Finding your organisation: pending",
      "Counting people: pending",
    ]);

    const verification = backend.pendingVerification;
    if (!verification) throw new Error("verification did not start");
    act(() => verification.emit({ state: "started", step: { kind: "authenticate" } }));
    expect(states()[0]).toBe("Signing in: running");
    expect(within(list).getAllByRole("listitem")[0]).toHaveTextContent("In progress");

    act(() => {
      verification.emit({ state: "finished", step: { kind: "authenticate" }, ok: true });
      verification.emit({ state: "started", step: { kind: "account" } });
      verification.emit({
        state: "started",
        step: { kind: "permission", id: "persons.master-data" },
      });
    });
    expect(states()).toEqual([
      "Signing in: done",
      "Finding your organisation: running",
      "Checking permission: Read people's details (email, job, start and leave dates): running",
      "Counting people: pending",
    ]);

    act(() => {
      verification.emit({ state: "finished", step: { kind: "account" }, ok: true });
      verification.emit({
        state: "finished",
        step: { kind: "permission", id: "persons.master-data" },
        ok: false,
      });
    });
    expect(states()[2]).toMatch(/: failed$/);
    expect(within(list).getAllByRole("listitem")[2]).toHaveTextContent("Did not work");

    await expectNoSeriousA11yViolations();

    await act(async () => verification.finish({ status: "ok", data: successReport() }));
    expect(
      await screen.findByRole("heading", { level: 1, name: /Connected to/ }),
    ).toBeInTheDocument();
  });
});

describe("the result", () => {
  it("says HRworks refused the key pair, names its end, and offers a new key, focused", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, REJECTED_KEY_FILE);

    await screen.findByRole("heading", { level: 1, name: "HR Link could not connect to HRworks" });
    const summary = errorSummary();
    await waitFor(() => expect(summary).toHaveFocus());
    // In HRworks' words (key pairs, not API users), naming the key by its last four.
    const ending = SANDBOX_KEYS.rejected.access.slice(-4);
    expect(summary).toHaveTextContent(
      `HRworks did not accept the key pair with the access key ••••••••${ending}.`,
    );
    expect(summary).toHaveTextContent("create a new key pair");
    expect(summary).not.toHaveTextContent("API user");
    // The same key again would be refused again: no Try again; a new key is the main way on.
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
    const useNew = screen.getByRole("button", { name: "Use a new key" });
    expect(useNew).toHaveClass("btn--primary");
    await user.click(useNew);
    expect(await screen.findByLabelText("Or paste the two lines of the key file")).toHaveValue("");
    await waitFor(() => expect(backend.stagedIds()).toEqual([]));
    expect(backend.calls.filter((call) => call.method === "verifyConnection")).toHaveLength(1);
  });

  it("lists a missing permission with how to grant it, linked from the summary", async () => {
    const { user } = renderApp();
    await chooseHrworks(user, [/See your departments/]);
    await pasteKey(user, keyFileText(SANDBOX_KEYS.noPersons));

    await screen.findByRole("heading", {
      level: 1,
      name: "Connected to Sandbox Bäckerei GmbH, but something needs fixing",
    });
    const summary = errorSummary();
    const link = within(summary).getByRole("link", {
      name: "HRworks connected, but a permission this integration needs is not granted: persons.",
    });
    const row = document.getElementById("permission-persons");
    expect(row).toHaveTextContent("Missing");
    expect(row).toHaveTextContent("tick “persons”");
    expect(document.getElementById("permission-persons-master-data")).toHaveTextContent("Missing");
    expect(screen.getByText("Could not count")).toBeInTheDocument();
    await user.click(link);
    expect(row).toHaveFocus();
  });

  it("offers no Try again when the core no longer holds the key", async () => {
    const { user } = renderApp({
      verify: () => ({
        progress: [],
        result: { status: "error", error: { code: "credentials_expired" } },
      }),
    });
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    expect(await waitFor(errorSummary)).toHaveTextContent(enCatalogue.credentials_expired.message);
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Use a different key" })).toHaveClass("btn--primary");
  });

  it("shows a generic message for a problem code it does not know", async () => {
    const report = {
      ...failedScenario("hrworks", {
        code: "credentials_rejected",
        params: { provider: "HRworks" },
      }),
    };
    const strange = {
      code: "flux_capacitor_empty",
    } as unknown as VerificationReport["problems"][number];
    const { user } = renderApp({
      verify: () => ({
        ...report,
        result: {
          status: "ok",
          data: { ...(report.result as { data: VerificationReport }).data, problems: [strange] },
        },
      }),
    });
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    expect(await waitFor(errorSummary)).toHaveTextContent(
      "Something went wrong that HR Link has no message for (code flux_capacitor_empty).",
    );
  });

  it("renders problems in German", async () => {
    const { user } = renderApp({ language: "de" });
    await user.click(await screen.findByRole("radio", { name: /HRworks/ }));
    await user.click(screen.getByRole("button", { name: "Weiter" }));
    await user.click(await screen.findByRole("button", { name: "Weiter" }));
    await user.click(
      await screen.findByRole("button", { name: "Ich habe schon eine Schlüsseldatei" }),
    );
    await screen.findByRole("heading", {
      level: 1,
      name: "Welchen HRworks-Schlüssel soll HR Link verwenden?",
    });
    await user.click(
      screen.getByLabelText("Oder fügen Sie die zwei Zeilen der Schlüsseldatei ein"),
    );
    await user.paste(REJECTED_KEY_FILE);

    await screen.findByRole("heading", {
      level: 1,
      name: "HR Link konnte keine Verbindung zu HRworks herstellen",
    });
    const summary = screen
      .getByRole("heading", { level: 2, name: "Es gibt ein Problem" })
      .closest(".error-summary");
    expect(summary).toHaveTextContent(
      `HRworks hat das Schlüsselpaar mit dem Access Key ••••••••${SANDBOX_KEYS.rejected.access.slice(-4)} nicht angenommen.`,
    );
    expect(summary).toHaveTextContent("legen Sie ein neues Schlüsselpaar");
    expect(screen.getByRole("button", { name: "Neuen Schlüssel verwenden" })).toBeVisible();
    await waitFor(() => expect(document.documentElement.lang).toBe("de"));
  });
});

describe("the app shell", () => {
  it("shows the demo banner and the Sandbox test key with a Copy button", async () => {
    const { user } = renderApp({ appInfo: { demo: true } });
    const banner = await screen.findByRole("region", { name: "Demo mode" });
    expect(banner).toHaveTextContent(
      "Demo modeMade-up data from the built-in Sandbox. Nothing real is changed.",
    );
    await chooseHrworks(user);
    await user.click(screen.getByText("Try it with the Sandbox test key"));
    expect(screen.getByText(/Access Key: SBXACCESSKEYVALID0000001/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Copy the test key" }));
    expect(await navigator.clipboard.readText()).toBe(
      "Access Key: SBXACCESSKEYVALID0000001\nSecret Access Key: sbx/Secret+Valid=0000000000000000000000001",
    );
    expect(screen.getByText("Copied. Now paste it into the box below.")).toBeInTheDocument();
  });

  it("shows no demo banner or test key for a configured app", async () => {
    const { user } = renderApp({ appInfo: { demo: false } });
    await chooseHrworks(user);
    expect(screen.queryByRole("region", { name: "Demo mode" })).not.toBeInTheDocument();
    expect(screen.queryByText("Try it with the Sandbox test key")).not.toBeInTheDocument();
  });

  it("switches language from the header and updates the lang attribute", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    await waitFor(() => expect(document.title).toBe("Which HR system do you use? – HR Link"));
    const nav = screen.getByRole("navigation", { name: "Language" });
    expect(within(nav).getByRole("button", { name: "English" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await user.click(within(nav).getByRole("button", { name: "Deutsch" }));
    expect(h1()).toHaveTextContent("Welches HR-System verwenden Sie?");
    await waitFor(() => expect(document.documentElement.lang).toBe("de"));
    expect(screen.getByRole("radio", { name: /HRworks/ }).closest(".radio")).toHaveTextContent(
      "Deutschland",
    );
    await waitFor(() => expect(document.title).toBe("Welches HR-System verwenden Sie? – HR Link"));
  });
});

describe("accessibility (axe-core)", () => {
  // Many steps, each checked by axe: slow on a busy machine.
  it("has no serious violations on any step", { timeout: 20_000 }, async () => {
    const { user, backend } = renderApp({ manualVerify: true });
    await screen.findAllByRole("radio");
    await expectNoSeriousA11yViolations();

    // Step 1 with its error.
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await expectNoSeriousA11yViolations();

    // Step 2, empty, with an error, and with a key loaded and the Sandbox key open.
    await chooseHrworks(user);
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByText("Try it with the Sandbox test key"));
    // Step 3: a pasted key is checked at once.
    await pasteKey(user, VALID_KEY_FILE);
    await screen.findByRole("heading", { level: 1, name: "Checking your connection to HRworks" });
    act(() =>
      backend.pendingVerification?.emit({ state: "started", step: { kind: "authenticate" } }),
    );
    await expectNoSeriousA11yViolations();

    // Step 4: a problem, then success.
    await act(async () =>
      backend.pendingVerification?.finish({
        status: "ok",
        data: successReport("hrworks", {
          ok: false,
          permissions: [
            { id: "persons", required: true, status: "granted" },
            { id: "persons.master-data", required: true, status: "missing" },
          ],
          problems: [
            {
              code: "permission_missing",
              params: { provider: "HRworks", permission: "persons.master-data" },
            },
          ],
        }),
      }),
    );
    await screen.findByRole("heading", { level: 1, name: /something needs fixing/ });
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Try again" }));
    await act(async () =>
      backend.pendingVerification?.finish({ status: "ok", data: successReport() }),
    );
    await screen.findByRole("heading", { level: 1, name: /is this the right company/ });
    await expectNoSeriousA11yViolations();
  });

  it("has landmarks, one h1 per step and a skip link", async () => {
    renderApp();
    await screen.findAllByRole("radio");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("HR Link 0.1.0");
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    const skip = screen.getByRole("link", { name: "Skip to main content" });
    expect(skip).toHaveAttribute("href", "#main");
    // Starting the app does not move focus: the first Tab reaches the skip link.
    expect(document.activeElement).toBe(document.body);
    await userEvent.setup().tab();
    expect(skip).toHaveFocus();
  });
});
