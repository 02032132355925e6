import { screen, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { sampleConnections } from "../../lib/ipc/fakeConnections";
import type { DeliveredProfile } from "../../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { renderApp } from "../../test/render";

const delivered = (connection_id: string, name: string): DeliveredProfile => ({
  connection_id,
  origin: "https://app.acme-rostering.example",
  product: "Acme Rostering",
  tenant: { id: "t_kowhai", name: "Kōwhai Gardening Ltd" },
  provider: "hrworks",
  account: { id: "48213", name },
  delivered_at: "2026-12-07T09:00:00Z",
});

describe("delivered connections on Your connections", () => {
  it("shows where each went and its status as the product reports it", async () => {
    renderApp({
      appInfo: { cloud: true, product: "Acme Rostering" },
      connections: { connections: sampleConnections() },
      delivered: [delivered("con_1", "Sandbox Bäckerei GmbH"), delivered("con_2", "Nordlicht")],
      deliveredHealth: {
        con_2: {
          status: "failed_auth",
          since: "2026-12-07T09:30:00Z",
          detail: "The key was revoked.",
        },
      },
    });
    const list = await screen.findByRole(
      "list",
      { name: "Delivered to your business software" },
      { timeout: 5000 },
    );
    const cards = within(list).getAllByRole("listitem");
    expect(cards).toHaveLength(2);
    const [working, failing] = cards as [HTMLElement, HTMLElement];
    expect(await within(working).findByText("Connected, says Acme Rostering")).toBeVisible();
    expect(
      within(working).getByText(
        "Acme Rostering for Kōwhai Gardening Ltd (https://app.acme-rostering.example)",
      ),
    ).toBeVisible();
    expect(await within(failing).findByText("Sign-in refused, says Acme Rostering")).toBeVisible();
    expect(within(failing).getByText("Acme Rostering says: The key was revoked.")).toBeVisible();
    // Re-authorising starts in the product: HR Link holds nothing of this connection.
    expect(within(working).queryByText("Re-authorise")).toBeNull();
    const user = userEvent.setup();
    await user.click(within(failing).getByText("Re-authorise"));
    expect(within(failing).getByText(/renewing it starts there/)).toBeVisible();
    await expectNoSeriousA11yViolations();
    // The product's new code goes on the code page.
    await user.click(
      within(failing).getByRole("button", { name: "Enter the code from Acme Rostering" }),
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Enter the code from Acme Rostering" }),
    ).toBeVisible();
  });

  it("says so when the product cannot be asked", async () => {
    renderApp({
      appInfo: { cloud: true, product: "Acme Rostering" },
      connections: { connections: sampleConnections() },
      delivered: [delivered("con_1", "Sandbox Bäckerei GmbH")],
      deliveredHealth: {
        con_1: { code: "delivery_unreachable", params: { product: "Acme Rostering" } },
      },
    });
    expect(await screen.findByText("Status not known")).toBeVisible();
    expect(screen.getByText(/HR Link could not reach Acme Rostering/)).toBeVisible();
  });
});
