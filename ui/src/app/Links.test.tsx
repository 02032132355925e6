import { act, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sampleConnections } from "../lib/ipc/fakeConnections";
import type { LinkAction } from "../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../test/axe";
import { renderApp } from "../test/render";

const reauthorise = (connection_id: string): LinkAction => ({
  kind: "open",
  link: { kind: "reauthorise", connection_id },
});

describe("hrlink:// links", () => {
  it("opens the re-authorise flow of the connection a start-up link names", async () => {
    renderApp({
      connections: { connections: sampleConnections() },
      openingLink: reauthorise("connection-tea"),
    });
    expect(await screen.findByText("Re-authorise Tea rooms")).toBeVisible();
  });

  it("opens a link clicked while HR Link runs, over whatever is on screen", async () => {
    const { backend } = renderApp({ connections: { connections: sampleConnections() } });
    await screen.findByRole("heading", { level: 1, name: "Your connections" });
    act(() => backend.openLink(reauthorise("connection-bakery")));
    // The connections are asked for again: give a loaded machine time.
    expect(
      await screen.findByText("Re-authorise Bakery payroll", {}, { timeout: 5000 }),
    ).toBeVisible();
  });

  it("says calmly that a link was not understood, and nothing else happens", async () => {
    const { backend, user } = renderApp({
      connections: { connections: sampleConnections() },
      openingLink: { kind: "not_understood", reason: "unknown_target" },
    });
    const heading = () =>
      screen.getByRole("heading", { level: 1, name: "This link was not understood" });
    // Re-found inside the wait: under load the page may still be settling when it first shows.
    await waitFor(() => expect(heading()).toHaveFocus());
    expect(screen.getByText("Nothing was changed.")).toBeVisible();
    await expectNoSeriousA11yViolations();
    expect(backend.calls.map((c) => c.method)).not.toContain("reauthoriseConnection");
    await user.click(screen.getByRole("button", { name: "See your connections" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Your connections" }),
    ).toBeVisible();
  });

  it("says an enrollment link cannot be used in this version", async () => {
    renderApp({ openingLink: { kind: "unavailable" } });
    expect(
      await screen.findByRole("heading", { level: 1, name: "This link cannot be used here" }),
    ).toBeVisible();
  });

  it("says so when the connection a link names is not on this computer", async () => {
    renderApp({
      connections: { connections: sampleConnections() },
      openingLink: reauthorise("connection-removed"),
    });
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "That connection is not on this computer",
      }),
    ).toBeVisible();
  });

  it("speaks German too", async () => {
    renderApp({
      language: "de",
      openingLink: { kind: "not_understood", reason: "too_long" },
    });
    expect(
      await screen.findByRole("heading", { level: 1, name: "Dieser Link wurde nicht verstanden" }),
    ).toBeVisible();
  });
});
