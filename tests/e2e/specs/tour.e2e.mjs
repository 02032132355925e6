// Every wizard step in the real app, in English and German, at 1280×800 and 1024×640: walks an
// HRworks connection from the first step to the connections screen and, on each page, switches
// the language and the window size, keeps a screenshot (tests/e2e/artifacts/tour/) and runs axe
// in the real webview. Fails on any serious or critical axe violation.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  artifacts,
  expectText,
  headingText,
  keyFile,
  keys,
  painted,
  textOf,
  waitForFirstStep,
  waitForHeading,
  waitForPeopleTable,
  writeChosenFile,
} from "./support.mjs";

const require = createRequire(path.resolve(artifacts, "../../../ui/package.json"));
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const tourDir = path.join(artifacts, "tour");
const sizes = [
  [1280, 800],
  [1024, 640],
];
const violations = [];
let page = 0;

async function useLanguage(language) {
  await $(`.language-switcher button[lang="${language}"]`).click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === language, {
    timeoutMsg: `the page did not switch to ${language}`,
  });
}

/** Serious and critical axe findings on the page as it is now. */
async function seriousFindings() {
  await browser.execute(axeSource);
  return browser.executeAsync((done) => {
    window.axe
      .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then((result) =>
        done(
          result.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
        ),
      )
      .catch((error) => done([`axe failed: ${error}`]));
  });
}

async function axe(name) {
  for (const v of await seriousFindings()) violations.push(`${name}: ${v}`);
}

/** Keeps the page in both languages and both sizes, then returns to English at 1280×800. */
async function capture(name) {
  page += 1;
  const base = `${String(page).padStart(2, "0")}-${name}`;
  for (const language of ["en", "de"]) {
    await useLanguage(language);
    for (const [width, height] of sizes) {
      await browser.setWindowSize(width, height);
      // WebKit can capture the previous frame: wait until the page has painted what it holds.
      await painted();
      await browser.saveScreenshot(path.join(tourDir, `${base}-${language}-${width}x${height}.png`));
    }
    await axe(`${base} (${language})`);
  }
  await useLanguage("en");
  await browser.setWindowSize(1280, 800);
}

describe("Every step in English and German", () => {
  before(() => mkdirSync(tourDir, { recursive: true }));

  // Some 15 pages × 2 languages × 2 sizes with axe on each: 42 s on a quiet machine, over the
  // suite's 90 s per test at load 22 on 2 cores; hence its own timeout (set before it starts:
  // WebdriverIO's wrapper reads it then).
  it("walks an HRworks connection and keeps each page at two sizes", async () => {
    await waitForFirstStep();
    // Positive control: axe in this webview does find a planted critical fault (an image
    // without a text alternative), so an empty list below means something.
    await browser.execute(() => {
      const img = document.createElement("img");
      img.id = "axe-control";
      img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
      document.body.append(img);
    });
    expect((await seriousFindings()).join()).toContain("image-alt");
    await browser.execute(() => document.getElementById("axe-control")?.remove());

    await capture("choose-system");
    await $("button=Continue").click();
    await $(".error-summary").waitForDisplayed();
    await capture("choose-system-error");
    await $("label*=HRworks").click();
    await $("button=Continue").click();

    await $(".step-indicator*=Step 2 of ").waitForDisplayed();
    await capture("what-to-share");
    await $("button=Continue").click();

    await $(".step-indicator*=Step 3 of ").waitForDisplayed();
    await $("button=I'm not the admin").click();
    await capture("hand-off");
    await $("button=Back").click();
    for (let screen = 1; ; screen++) {
      await $(".step-indicator*=Step 3 of ").waitForDisplayed();
      await capture(`guide-${screen}`);
      const before = await headingText();
      await $("button=Continue").click();
      await browser.waitUntil(async () => (await headingText()) !== before, {
        timeoutMsg: "the guide did not move on",
      });
      if (await $(".step-indicator*=Step 4 of ").isExisting()) break;
    }

    await expectText("h1", "Which HRworks key should HR Link use?");
    await capture("credentials");
    writeChosenFile(keyFile(keys.valid));
    // The loaded file is checked at once; Back shows it loaded, Continue checks it again.
    await $("button*=Choose the downloaded key file").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected to"), {
      timeout: 30_000,
      timeoutMsg: "no verification result",
    });
    await $("button=Back").click();
    await expectText("body", expect.stringContaining("Key file loaded"));
    await capture("credentials-loaded");
    await $("button=Continue").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected to"), {
      timeout: 30_000,
      timeoutMsg: "no verification result",
    });
    await capture("result");

    await $("button=Continue: check the people").click();
    await waitForHeading("Are these your people?");
    await waitForPeopleTable();
    await capture("people");
    await $("button=Yes, these are our people").click();

    await waitForHeading("Check your answers before saving");
    await capture("check-answers");
    await $("button=Save connection").click();
    await browser.waitUntil(async () => (await headingText()).startsWith("Connected: "), {
      timeoutMsg: "not saved",
    });
    await capture("saved");

    await $("button=Your connections").click();
    await waitForHeading("Your connections");
    await browser.waitUntil(async () => !(await textOf("body")).includes("Checking…"), {
      timeout: 30_000,
      timeoutMsg: "the check did not finish",
    });
    await capture("connections");

    expect(violations).toEqual([]);
  }).timeout(10 * 60_000);
});
