// The mapping step in the real app (issue 18), local mode: Sandbox HRworks' establishments and
// units beside the product's own categories (specs/mapping.hrlink.toml), a close suggestion
// accepted, a location left unmapped, saved; then the product reads the mapping with
// `hrlink connections show <id> --json` (the CLI beside the app, same config dir and keychain).
// Screenshots of the step in English and German at 1280×800 and 1024×640 land in
// tests/e2e/artifacts/mapping/.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import {
  cli,
  artifacts,
  cardSelector,
  chooseHrworks,
  expectText,
  expectValue,
  keyFile,
  keys,
  painted,
  paste,
  waitForCheckedCard,
  waitForHeading,
} from "./support.mjs";


const HEADING = "Where do your HRworks people go in Acme Rostering?";

/** The select labelled `name` (its row's HR category), as a CSS selector. */
async function selectFor(name) {
  const id = await browser.waitUntil(
    () =>
      browser.execute(
        (text) => [...document.querySelectorAll("label")].find((l) => l.textContent === text)?.htmlFor ?? null,
        name,
      ),
    { timeoutMsg: `no select labelled ${name}` },
  );
  return `#${id}`;
}

async function useLanguage(language) {
  await $(`.language-switcher button[lang="${language}"]`).click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === language, {
    timeoutMsg: `the page did not switch to ${language}`,
  });
}

/** The step at both window sizes in both languages: its top, its first rows and its end. */
async function shots() {
  const dir = path.join(artifacts, "mapping");
  mkdirSync(dir, { recursive: true });
  for (const language of ["en", "de"]) {
    await useLanguage(language);
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ]) {
      await browser.setWindowSize(width, height);
      for (const where of ["top", "rows", "end"]) {
        await browser.execute((at) => {
          const rows = document.querySelector(".mapping__kind");
          if (at === "rows" && rows) rows.scrollIntoView();
          else window.scrollTo(0, at === "top" ? 0 : document.body.scrollHeight);
        }, where);
        await painted();
        await browser.saveScreenshot(path.join(dir, `mapping-${language}-${width}x${height}-${where}.png`));
      }
    }
  }
  await useLanguage("en");
  await browser.setWindowSize(1280, 800);
  await browser.execute(() => window.scrollTo(0, 0));
  await painted();
}

describe("The mapping step", () => {
  let connection = "";

  it("pre-fills the product's categories from HRworks' names and warns of the unmapped", async () => {
    await chooseHrworks();
    await paste("#key-text", keyFile(keys.valid));
    await $("button=Save this connection").click();
    await waitForHeading(HEADING, { timeout: 60_000 });
    // Exact names and a close one are pre-filled; the close one is marked as a suggestion.
    await expectValue(await selectFor("Zentrale München"), "loc_1");
    await expectValue(await selectFor("Filiale Köln-Ehrenfeld"), "loc_2");
    await expectText(`${await selectFor("Filiale Köln-Ehrenfeld")} + .mapping__mark`, "Suggestion: check it");
    await expectValue(await selectFor("Lager & Logistik"), "aw_1");
    await expectValue(await selectFor("Lager Garching"), "");
    await expectValue("#mapping-default-role", "r_2");
    await expectText(".mapping__unmapped", /people? at Lager Garching will not get a location\./);
    await shots();
  });

  it("saves the chosen mapping with the connection: the suggestion accepted, one left unmapped", async () => {
    await $("button=Continue").click();
    await waitForHeading("Check your answers before saving");
    await expectText(".summary-list", expect.stringContaining("Filiale Köln-Ehrenfeld → Filiale Köln"));
    await expectText(".summary-list", expect.stringContaining("Lager Garching → Not mapped"));
    await $("button=Save connection").click();
    await expectText("h1", expect.stringMatching(/^Connected: /));
    await $("button=See your connections").click();
    await waitForHeading("Your connections");
    await waitForCheckedCard();
    await $(cardSelector).$("summary*=How Acme Rostering uses this connection").click();
    const command = await browser.execute(
      (sel) => document.querySelector(sel)?.textContent ?? "",
      `${cardSelector} .copy-value__text`,
    );
    connection = command.trim().split(/\s+/)[3] ?? "";
    expect(connection).not.toBe("");
  });

  it("is what `hrlink connections show --json` gives the product", async () => {
    if (!existsSync(cli)) throw new Error(`no CLI at ${cli}: build it with cargo build -p hrlink-cli`);
    const { stdout } = await promisify(execFile)(cli, ["connections", "show", connection, "--json"], {
      env: process.env,
    });
    const profile = JSON.parse(stdout);
    expect(profile.mapping.locations["1"]).toBe("loc_1");
    expect(Object.values(profile.mapping.locations)).toContain("loc_2");
    expect(profile.mapping.areas_of_work["3100"]).toBe("aw_1");
    expect(profile.mapping.default_role).toBe("r_2");
    // Lager Garching was shown and left unmapped: known, but not in the mapping.
    const known = profile.mapping_known.locations;
    const unmapped = known.filter((id) => !(id in profile.mapping.locations));
    expect(unmapped.length).toBeGreaterThan(0);
  });
});
