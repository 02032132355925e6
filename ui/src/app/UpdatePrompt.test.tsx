import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { expectNoSeriousA11yViolations } from "../test/axe";
import { chooseHrworks, renderApp } from "../test/render";
import { wizardMidWay } from "./UpdatePrompt";

const ready = { kind: "ready", version: "0.3.0" } as const;

describe("the update prompt", () => {
  it("offers a verified update: Restart now installs it", async () => {
    const { backend, user, container } = renderApp({ update: ready });
    expect(await screen.findByText("HR Link 0.3.0 is ready")).toBeVisible();
    await expectNoSeriousA11yViolations(container);
    await user.click(screen.getByRole("button", { name: "Restart now" }));
    expect(backend.calls).toContainEqual({ method: "installUpdate", wizardMidWay: false });
  });

  it("Later hides it and installs nothing", async () => {
    const { backend, user } = renderApp({ update: ready });
    await user.click(await screen.findByRole("button", { name: "Later" }));
    expect(screen.queryByText("HR Link 0.3.0 is ready")).toBeNull();
    expect(backend.calls.some((call) => call.method === "installUpdate")).toBe(false);
  });

  it("is held back while a wizard is mid-way", async () => {
    const { user } = renderApp({ update: ready });
    expect(await screen.findByText("HR Link 0.3.0 is ready")).toBeVisible();
    await chooseHrworks(user);
    expect(screen.queryByText("HR Link 0.3.0 is ready")).toBeNull();
  });

  it("says in German that it is ready", async () => {
    renderApp({ update: ready, language: "de" });
    expect(await screen.findByText("HR Link 0.3.0 ist bereit")).toBeVisible();
    expect(screen.getByRole("button", { name: "Jetzt neu starten" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Später" })).toBeVisible();
  });

  it("says plainly that a tampered update was refused", async () => {
    renderApp({
      update: {
        kind: "refused",
        problem: { code: "update_not_verified", params: { version: "0.3.0" } },
      },
    });
    expect(await screen.findByText("An update was refused")).toBeVisible();
    expect(screen.getByText(/Nothing was installed/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Restart now" })).toBeNull();
  });

  it("shows nothing without an update", async () => {
    renderApp();
    await screen.findByRole("heading", { level: 1 });
    expect(screen.queryByRole("button", { name: "Restart now" })).toBeNull();
  });

  it("shows the problem when installing fails", async () => {
    const { user } = renderApp({
      update: ready,
      installProblem: { code: "update_not_installed", params: { version: "0.3.0" } },
    });
    await user.click(await screen.findByRole("button", { name: "Restart now" }));
    expect(await screen.findByText(/could not be installed on this computer/)).toBeVisible();
  });
});

describe("wizardMidWay", () => {
  it("is false outside a wizard and at its first and last steps", () => {
    expect(wizardMidWay(false, "credentials")).toBe(false);
    expect(wizardMidWay(true, null)).toBe(false);
    expect(wizardMidWay(true, "chooseProvider")).toBe(false);
    expect(wizardMidWay(true, "saved")).toBe(false);
    expect(wizardMidWay(true, "cloud_code")).toBe(false);
    expect(wizardMidWay(true, "credentials")).toBe(true);
    expect(wizardMidWay(true, "people")).toBe(true);
  });
});
