// The guide in the real app: the core's catalogue over IPC, the iPayroll user name rule checked by
// the core as it is typed, a Copy button in the real webview, and the hand-off sheet (printed or
// saved as a file by Rust).
import { readFileSync } from "node:fs";
import path from "node:path";
import { artifacts, expectText, waitForFirstStep } from "./support.mjs";

describe("The guide (iPayroll)", () => {
  it("checks the user name with the core, copies it and hands the steps over", async () => {
    await waitForFirstStep();
    await $("label*=iPayroll").click();
    await $("button=Continue").click();
    await expectText("h1", "What may Demo Rostering read in iPayroll?");
    await $("button=Continue").click();
    await expectText("h1", "First, sign out of iPayroll in your browser");
    await $("button=Continue").click();
    await expectText("h1", "Create an API user for Demo Rostering");

    const field = await $("#ipayroll-api-username");
    await field.setValue("4976api");
    await expectText(".field__error", 
      expect.stringContaining("Start with your 5-digit organisation number"),
    );
    await field.setValue("49764apihrlink");
    await $(".guide-username__ok").waitForDisplayed();
    await $("button[aria-label='Copy “49764apihrlink”']").click();
    // The webview grants the clipboard to a click (no plugin or capability needed).
    await expectText(".copy-value__status", "Copied. Now paste it in iPayroll.");

    await $("button=I'm not the admin").click();
    await expectText("h1", "Steps for your iPayroll administrator");
    await expectText("body", expect.stringContaining("4. Next, you will allow access"));
    // Kept as an artefact: the sheet as the real webview renders it.
    await browser.saveScreenshot("artifacts/guide-handoff-ipayroll.png");
    // "Save as file": Rust writes the sheet where the save dialog points (the e2e stand-in).
    await $("button=Save as file").click();
    await $(".handoff__saved*=Saved.").waitForDisplayed();
    const saved = readFileSync(path.join(artifacts, "saved-handoff.html"), "utf8");
    expect(saved).toMatch(/^<!DOCTYPE html>/);
    expect(saved).toContain("<title>Steps for your iPayroll administrator</title>");
    expect(saved).toContain("4. Next, you will allow access");
    expect(saved).toContain("default-src 'none'");
    expect(saved).not.toContain("<button");
    await $("button=Back").click();
    await expectText("h1", "Create an API user for Demo Rostering");
  });
});
