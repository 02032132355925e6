import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { sampleConnections } from "../lib/ipc/fakeConnections";
import { fakeEarlierSnapshot } from "../lib/ipc/fakePeople";
import type { ConnectionSummary } from "../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../test/axe";
import { withTableViewport } from "../test/layout";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../test/render";

type Session = ReturnType<typeof renderApp>;

withTableViewport();

const now = Math.floor(Date.now() / 1000);

const switchControl = () => screen.getByRole("switch", { name: "Screen-share mode" });

/** Everything the page holds: its markup and the values of its fields. */
const pageText = () =>
  document.documentElement.outerHTML +
  [...document.querySelectorAll("textarea, input")]
    .map((field) => (field as HTMLInputElement).value)
    .join("\n");

/** Verifies the Sandbox's valid HRworks key and lists the people. */
async function openPeople({ user }: Session) {
  await chooseHrworks(user);
  await pasteKey(user, VALID_KEY_FILE);
  await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
  await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
}

describe("the screen-share switch", () => {
  it("masks the people already on screen at once, without reading them again", async () => {
    const session = renderApp();
    await openPeople(session);
    expect(switchControl()).toHaveAttribute("aria-checked", "false");
    expect(pageText()).toContain("Anna");
    expect(pageText()).toContain("person1@example.com");
    expect(screen.queryByText(/Support code/)).toBeNull();
    const listings = session.backend.calls.filter((c) => c.method === "listPeople").length;
    // A name typed into the search goes too.
    await session.user.type(screen.getByLabelText("Search by name or email"), "Anna");
    expect(screen.getByLabelText("Search by name or email")).toHaveValue("Anna");

    await session.user.click(switchControl());
    expect(switchControl()).toHaveAttribute("aria-checked", "true");
    await waitFor(() => expect(pageText()).not.toContain("person1@example.com"));
    expect(pageText()).not.toContain("Anna");
    expect(screen.getByLabelText("Search by name or email")).toHaveValue("");
    expect(pageText()).toContain("p•••@example.com");
    expect(
      screen.getByText("Names and emails are shortened while you share your screen."),
    ).toBeVisible();
    expect(screen.getByText(/Support code/)).toBeVisible();
    expect(session.backend.calls).toContainEqual({ method: "setScreenShare", on: true });
    expect(session.backend.calls).toContainEqual({ method: "peopleReport", staged: "staged-1" });
    // Asked again, not listed again.
    expect(session.backend.calls.filter((c) => c.method === "listPeople")).toHaveLength(listings);
    expect(screen.getByRole("heading", { level: 1, name: "Are these your people?" })).toBeVisible();
    await expectNoSeriousA11yViolations();
  });

  it("asks before turning off, and shows the names again only then", async () => {
    const session = renderApp({ appInfo: { support_mode: true } });
    await openPeople(session);
    expect(pageText()).not.toContain("person1@example.com");

    await session.user.click(switchControl());
    const dialog = screen.getByRole("alertdialog", { name: "Turn off screen-share mode?" });
    expect(dialog).toHaveAccessibleDescription(
      "Names, email addresses and the last characters of keys will be visible to anyone watching your screen.",
    );
    const cancel = within(dialog).getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveFocus();
    await expectNoSeriousA11yViolations();
    await session.user.click(cancel);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(switchControl()).toHaveAttribute("aria-checked", "true");
    expect(switchControl()).toHaveFocus();
    expect(session.backend.calls.filter((c) => c.method === "setScreenShare")).toEqual([]);

    await session.user.click(switchControl());
    await session.user.click(screen.getByRole("button", { name: "Turn off" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(switchControl()).toHaveAttribute("aria-checked", "false");
    expect(switchControl()).toHaveFocus();
    await waitFor(() => expect(pageText()).toContain("person1@example.com"));
    expect(screen.queryByText(/Support code/)).toBeNull();
    expect(session.backend.calls).toContainEqual({ method: "setScreenShare", on: false });
  });

  it("is operated with the keyboard; Escape keeps it on", async () => {
    const { user, backend } = renderApp();
    await screen.findByRole("heading", { level: 1 });
    switchControl().focus();
    await user.keyboard(" ");
    await waitFor(() => expect(switchControl()).toHaveAttribute("aria-checked", "true"));
    await user.keyboard("{Enter}");
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(switchControl()).toHaveFocus();
    expect(switchControl()).toHaveAttribute("aria-checked", "true");
    await user.keyboard("{Enter}");
    await user.tab();
    expect(screen.getByRole("button", { name: "Turn off" })).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(switchControl()).toHaveAttribute("aria-checked", "false"));
    expect(backend.calls.filter((c) => c.method === "setScreenShare")).toEqual([
      { method: "setScreenShare", on: true },
      { method: "setScreenShare", on: false },
    ]);
  });

  it("hides a revealed key again and removes its Show toggle", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    // Half a key (one line), so it stays in the field rather than being checked.
    await pasteKey(user, "Access Key: SBXACCESSKEYVALID0000001");
    const field = screen.getByLabelText(/paste the two lines/i);
    await user.click(screen.getByRole("button", { name: /^Show/ }));
    expect(field).toHaveAttribute("data-masked", "false");

    await user.click(switchControl());
    await waitFor(() => expect(field).toHaveAttribute("data-masked", "true"));
    expect(screen.queryByRole("button", { name: /^(Show|Hide)/ })).toBeNull();
  });

  it("hides even the end of the key on the answers to check", async () => {
    const { user } = renderApp();
    await chooseHrworks(user);
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Save this connection" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    // The Sandbox's valid access key ends in 0001.
    expect(screen.getByText("access key ••••••••0001")).toBeVisible();

    await user.click(switchControl());
    await waitFor(() => expect(pageText()).not.toContain("0001"));
    expect(screen.getByText("access key ••••••••")).toBeVisible();
  });

  it("masks the changes since the last confirmation when re-authorising", async () => {
    const [bakery] = sampleConnections(now) as [ConnectionSummary];
    const session = renderApp({
      connections: { connections: [bakery] },
      snapshots: { "connection-bakery": fakeEarlierSnapshot(42, now) },
    });
    const { user } = session;
    await user.click(await screen.findByRole("button", { name: "Re-authorise Bakery payroll" }));
    await pasteKey(user, VALID_KEY_FILE);
    await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
    expect(await screen.findByText("Kate Sheppard")).toBeVisible();

    await user.click(switchControl());
    await waitFor(() => expect(pageText()).not.toContain("Kate Sheppard"));
    expect(await screen.findByText("K. S.")).toBeVisible();
    expect(pageText()).not.toContain("Liam Müller");
    expect(
      session.backend.calls.filter((c) => c.method === "peopleChanges").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("renews the diagnostics on show, and the key hints of the connections", async () => {
    const [bakery] = sampleConnections(now) as [ConnectionSummary];
    const { user } = renderApp({ connections: { connections: [bakery] } });
    const card = await screen.findByRole("listitem", { name: "Bakery payroll" });
    await waitFor(() => expect(card).toHaveTextContent("0001"));
    await user.click(screen.getByRole("button", { name: "Copy diagnostics" }));
    const bundle = await waitFor(() => {
      const shown = document.querySelector(".diagnostics__bundle");
      expect(shown).toHaveTextContent('"screen_share": false');
      return shown as HTMLElement;
    });

    await user.click(switchControl());
    await waitFor(() => expect(bundle).toHaveTextContent('"screen_share": true'));
    expect(bundle).toHaveTextContent('"kind": "screen_share"');
    expect(card).not.toHaveTextContent("0001");
  });

  it("speaks German", async () => {
    const { user } = renderApp({ language: "de", appInfo: { support_mode: true } });
    const control = await screen.findByRole("switch", { name: "Bildschirmfreigabe-Modus" });
    expect(control).toHaveAccessibleDescription("Verbirgt Schlüssel, Namen und E-Mail-Adressen.");
    expect(control).toHaveTextContent("Ein");
    await user.click(control);
    const dialog = screen.getByRole("alertdialog", {
      name: "Bildschirmfreigabe-Modus ausschalten?",
    });
    expect(within(dialog).getByRole("button", { name: "Abbrechen" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Ausschalten" }));
    await waitFor(() => expect(control).toHaveAttribute("aria-checked", "false"));
    expect(control).toHaveTextContent("Aus");
    await expectNoSeriousA11yViolations();
  });
});
