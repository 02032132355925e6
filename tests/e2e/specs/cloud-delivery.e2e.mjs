// Cloud delivery end to end: the app in cloud mode against the Sandbox's reference product
// "Acme Rostering" (started beside the app, see ../cloud-product.mjs). The code typed loosely,
// the tenant confirmed, an HRworks key checked, sent, and the product lists the connection.
import {
  appStartTimeout,
  expectText,
  keys,
  pasteKeyAndCheck,
  sandboxCompany,
  skipGuide,
} from "./support.mjs";
import { enterCode, receivedRows } from "./cloud-product-page.mjs";
import { shots } from "./cloud-shots.mjs";

describe("Cloud delivery to the Sandbox product", () => {
  it("delivers an HRworks key and the product shows the connection", async () => {
    const before = await receivedRows();
    await expectText("h1", "Enter the code from Acme Rostering", { timeout: appStartTimeout });
    await shots("code");
    // Small letters, a space, no "HRL-": the product's HRworks code.
    await enterCode("hrwk 2026");
    await expectText("h1", "Connect your HR system to Acme Rostering for Kōwhai Gardening Ltd?");
    await expectText("body", expect.stringContaining("Code created by Aroha Ngata"));
    await shots("confirm");
    await $("button=Yes, continue").click();
    // The product chose HRworks: the wizard starts at what to share.
    await $(".step-indicator*=Step 2 of ").waitForDisplayed();
    await $("button=Continue").click();
    await skipGuide();
    const result = await pasteKeyAndCheck(keys.valid);
    expect(result).toBe(`Connected to ${sandboxCompany} — is this the right company?`);
    await $("button=Send to Acme Rostering").click();
    await expectText("h1", "Acme Rostering now has your HRworks connection", { timeout: 30_000 });
    await shots("delivered");
    await $("button=See your connections").click();
    await expectText("body", expect.stringContaining("Connected, says Acme Rostering"));
    await shots("connections");

    const after = await receivedRows();
    expect(after).toHaveLength(before.length + 1);
    const added = after.filter((row) => !before.includes(row));
    expect(added).toHaveLength(1);
    expect(added[0]).toContain(`<td>hrworks</td><td>${sandboxCompany}</td>`);
    expect(added[0]).not.toContain(keys.valid.secret);
  });
});
