// Shared steps for the wizard specs: they act as an admin would, by visible labels.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The file the app reads instead of opening the native dialog (see wdio.conf.mjs). */
export const chosenFile = path.resolve(here, "../artifacts/chosen-key-file.txt");

/** Sandbox key pairs (crates/hrlink-sandbox/src/scenarios.rs). */
export const keys = {
  valid: { access: "SBXACCESSKEYVALID0000001", secret: "sbx/Secret+Valid=0000000000000000000000001" },
  unknown: { access: "SBXACCESSKEYUNKNOWN00001", secret: "sbx/Secret+Unknown=00000000000000000000003" },
};
export const sandboxCompany = "Sandbox Bäckerei GmbH";

/** A key file as HRworks downloads it (CRLF line endings). */
export function keyFile({ access, secret }) {
  return `Access Key: ${access}\r\nSecret Access Key: ${secret}\r\n`;
}

export function writeChosenFile(contents) {
  writeFileSync(chosenFile, contents);
}

export async function heading() {
  const h1 = await $("h1");
  await h1.waitForDisplayed();
  return h1;
}

export async function chooseHrworks() {
  await expect(await heading()).toHaveText("Which HR system do you use?");
  await $("label*=HRworks").click();
  await $("button=Continue").click();
  await expect(await heading()).toHaveText("Which HRworks key should HR Link use?");
}

/**
 * Pastes text into a field, as the admin does: typing it key by key over WebDriver would turn
 * the line breaks into key presses. Uses the native value setter so React sees the change.
 */
export async function paste(selector, text) {
  await browser.execute(
    (sel, value) => {
      const field = document.querySelector(sel);
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value").set;
      setter.call(field, value);
      field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    selector,
    text,
  );
}
