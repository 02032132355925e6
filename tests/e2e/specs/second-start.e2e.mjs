// HR Link started again while it runs (issue 17): the second start hands its arguments to the
// running app over the single-instance plugin and ends; a `hrlink://connections/<id>/reauthorise`
// link among them opens that connection's re-authorisation in the first window. Two connections
// are saved, so landing on the right one is what is checked. The second start is the real
// binary with the session's environment (its D-Bus session, display and config dir).
import { execFile } from "node:child_process";
import {
  application,
  cardSelector,
  chooseHrworks,
  expectText,
  keyFile,
  keys,
  paste,
  shot,
  waitForCheckedCard,
  waitForHeading,
} from "./support.mjs";


/** Saves the Sandbox key `pair` as a connection labelled `label`, ending on the saved page. */
async function save(pair, label) {
  await paste("#key-text", keyFile(pair));
  await $("button=Save this connection").click();
  await waitForHeading("Check your answers before saving");
  const field = await $("#connection-label");
  await field.click();
  await browser.execute(() => document.querySelector("#connection-label").select());
  await browser.keys(["Backspace"]);
  await field.addValue(label);
  await $("button=Save connection").click();
  await waitForHeading(`Connected: ${label}`);
}

/** Starts the app again with `args`; resolves with its exit code (it must end by itself). */
function startAgain(args) {
  return new Promise((resolve, reject) => {
    const child = execFile(application, args, { env: process.env, timeout: 60_000 }, (error) => {
      if (error && error.killed) reject(new Error("the second start did not end within 60 s"));
      else resolve(error ? error.code : 0);
    });
    child.stdin?.end();
  });
}

describe("Starting HR Link again with a re-authorise link", () => {
  let logistics = "";

  it("has two saved connections", async () => {
    await chooseHrworks();
    await save(keys.valid, "Bakery payroll");
    await $("button=Connect another system").click();
    await chooseHrworks();
    await save(keys.otherCompany, "Logistics");
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await expectText("body", expect.stringContaining("Bakery payroll"));
    await waitForCheckedCard();
    // The id, from the command on the Logistics card (`hrlink credential get <id> --json`).
    logistics = await browser.execute((selector) => {
      const card = [...document.querySelectorAll(selector)].find((li) =>
        li.querySelector("h2")?.textContent?.includes("Logistics"),
      );
      return card?.querySelector(".copy-value__text")?.textContent?.split(/\s+/)[3] ?? "";
    }, cardSelector);
    expect(logistics).toMatch(/^\S+$/);
  });

  it("hands the link to the running window, which opens that connection's re-authorisation", async () => {
    const code = await startAgain([`hrlink://connections/${logistics}/reauthorise`]);
    expect(code).toBe(0);
    await waitForHeading("Which HRworks key should HR Link use?");
    await expectText(".wizard__context", "Re-authorise Logistics");
    expect(await browser.execute(() => document.visibilityState)).toBe("visible");
    await shot("second-start", "reauthorise");
  });

  it("shows a link it does not understand as such, and nothing else happens", async () => {
    await $("button=Your connections").click();
    await waitForHeading("Your connections");
    const code = await startAgain(["hrlink://delete-everything"]);
    expect(code).toBe(0);
    await waitForHeading("This link was not understood");
    await shot("second-start", "not-understood");
  });
});
