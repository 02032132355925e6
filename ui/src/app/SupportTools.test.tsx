import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/axe";
import { chooseHrworks, pasteKey, REJECTED_KEY_FILE, renderApp } from "../test/render";

describe("support on a screen-share", () => {
  it("shows the run's support code in screen-share mode only", async () => {
    renderApp({ appInfo: { support_mode: true, support_code: "HRL-7K3Q-9P2M" } });
    expect(await screen.findByText("HRL-7K3Q-9P2M")).toBeVisible();
    expect(screen.getByText(/Support code/)).toBeVisible();
    await expectNoSeriousA11yViolations();
  });

  it("has no support code outside screen-share mode, but Copy diagnostics in both", async () => {
    renderApp({ appInfo: { support_code: "HRL-7K3Q-9P2M" } });
    expect(await screen.findByRole("button", { name: "Copy diagnostics" })).toBeVisible();
    expect(screen.queryByText("HRL-7K3Q-9P2M")).toBeNull();
  });

  it("copies the redacted bundle with the step shown and the last error codes", async () => {
    const { user, backend } = renderApp({
      appInfo: { support_mode: true, support_code: "HRL-7K3Q-9P2M" },
    });
    await chooseHrworks(user);
    await pasteKey(user, REJECTED_KEY_FILE);
    await screen.findByRole("button", { name: "Use a new key" });
    await user.click(screen.getByRole("button", { name: "Copy diagnostics" }));
    expect(await screen.findByText(/Diagnostics copied/)).toBeVisible();
    const copied = JSON.parse(await navigator.clipboard.readText());
    expect(copied).toMatchObject({
      language: "en",
      screen_share: true,
      support_code: "HRL-7K3Q-9P2M",
      step: "result",
    });
    expect(copied.events).toContainEqual({
      kind: "verification",
      provider: "hrworks",
      outcome: "credentials_rejected",
    });
    expect(backend.calls).toContainEqual({ method: "diagnostics", language: "en", step: "result" });
    // What was copied is shown too (folded), and says it has no secrets.
    expect(screen.getByText(/contain no keys, passwords or personal data/)).toBeVisible();
    await expectNoSeriousA11yViolations();
  });

  it("selects the bundle for copying by hand when the clipboard refuses, in German", async () => {
    const { user } = renderApp({ language: "de" });
    const refuse = vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("no"));
    await user.click(await screen.findByRole("button", { name: "Diagnosedaten kopieren" }));
    expect(await screen.findByText(/Das Kopieren hat nicht funktioniert/)).toBeVisible();
    const bundle = document.querySelector(".diagnostics__bundle") as HTMLElement;
    await waitFor(() => expect(bundle.closest("details")).toHaveAttribute("open"));
    expect(window.getSelection()?.toString()).toContain('"step": "chooseProvider"');
    expect(bundle).toHaveTextContent('"language": "de"');
    refuse.mockRestore();
  });
});
