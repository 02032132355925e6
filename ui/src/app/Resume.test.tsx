import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { WizardDraft } from "../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../test/axe";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../test/render";

const CANARY = "CANARY-7f3a9c-do-not-print";

const hrworksDraft: WizardDraft = {
  provider: "hrworks",
  optional: ["organization-units"],
  guide_screen: 1,
  username: "",
  step: "verification",
  target: null,
};

describe("resuming after a restart", () => {
  it("offers to continue, and lands on the credentials with a note that the key was not kept", async () => {
    const { user, backend } = renderApp({ draft: hrworksDraft });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Carry on where you left off?" }),
    ).toBeVisible();
    expect(screen.getByText(/You started connecting HRworks earlier/)).toBeVisible();
    expect(screen.getByText("You got as far as: checking the connection.")).toBeVisible();
    await expectNoSeriousA11yViolations();

    await user.click(screen.getByRole("button", { name: "Continue setting up HRworks" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Which HRworks key should HR Link use?",
      }),
    ).toBeVisible();
    const note = screen.getByText(/deliberately did not keep your key/);
    expect(note).toBeVisible();
    // Read first: the note has focus, not the heading.
    expect(note.closest(".wizard-note")).toHaveFocus();
    expect(screen.getByText("Step 4 of 7")).toBeInTheDocument();
    await expectNoSeriousA11yViolations();

    // Back keeps the resumed choices: the guide screen the admin had reached.
    await user.click(screen.getByRole("button", { name: "Back" }));
    await waitFor(() => expect(backend.draft?.step).toBe("guide"));
    expect(backend.draft).toMatchObject({ guide_screen: 1, optional: ["organization-units"] });
  });

  it("starts again when asked, forgetting the draft", async () => {
    const { user, backend } = renderApp({ draft: { ...hrworksDraft, step: "scopes" } });
    await user.click(await screen.findByRole("button", { name: "Start again" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Which HR system do you use?" }),
    ).toBeVisible();
    expect(backend.calls).toContainEqual({ method: "clearWizardDraft" });
    expect(backend.draft).toBeNull();
  });

  it("asks in German", async () => {
    const { user } = renderApp({ draft: { ...hrworksDraft, step: "guide" }, language: "de" });
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Dort weitermachen, wo Sie aufgehört haben?",
      }),
    ).toBeVisible();
    expect(
      screen.getByText("Sie waren zuletzt hier: API-Benutzer oder Schlüssel anlegen."),
    ).toBeVisible();
    expect(screen.getByRole("button", { name: "Neu beginnen" })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Einrichtung von HRworks fortsetzen" }));
    expect(await screen.findByText("Schritt 3 von 7")).toBeInTheDocument();
  });

  it("keeps the progress as the admin moves on, never the key, and the save clears it", async () => {
    const { user, backend } = renderApp();
    await chooseHrworks(user);
    await waitFor(() => expect(backend.draft?.step).toBe("credentials"));
    expect(backend.draft?.provider).toBe("hrworks");
    // One line pasted is half a key: it stays in the field (and out of the draft) until Continue.
    await pasteKey(user, `Access Key: SBXACCESSKEYVALID0000001 Secret Access Key: ${CANARY}`);
    await user.clear(screen.getByLabelText("Or paste the two lines of the key file"));
    await pasteKey(user, VALID_KEY_FILE);
    await waitFor(() => expect(backend.draft?.step).toBe("verification"));
    const saves = backend.calls.filter((c) => c.method === "saveWizardDraft");
    expect(saves.length).toBeGreaterThan(2);
    expect(JSON.stringify(saves)).not.toContain(CANARY);
    expect(JSON.stringify(saves)).not.toContain("sbx/Secret");
    await user.click(await screen.findByRole("button", { name: "Save this connection" }));
    await user.click(await screen.findByRole("button", { name: "Save connection" }));
    await screen.findByRole("heading", { level: 1, name: /^Connected: / });
    // Saving forgets the draft (in the core); nothing is kept again afterwards.
    expect(backend.draft).toBeNull();
  });
});
