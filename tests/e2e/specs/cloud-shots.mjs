// Screenshots of pages as a user sees them (first the cloud delivery pages): English and German, 1280×800 and
// 1024×640 (tests/e2e/artifacts/<folder>/), then back to English at 1280×800.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { artifacts, painted } from "./support.mjs";


async function useLanguage(language) {
  await $(`.language-switcher button[lang="${language}"]`).click();
  await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === language, {
    timeoutMsg: `the page did not switch to ${language}`,
  });
}

/**
 * `name` in both languages and sizes, into `artifacts/<folder>/`. `scrollTo`: a selector (or a
 * function finding the element) to bring into view in each shot.
 */
export async function shots(name, { scrollTo, folder = "cloud" } = {}) {
  const dir = path.join(artifacts, folder);
  mkdirSync(dir, { recursive: true });
  for (const language of ["en", "de"]) {
    await useLanguage(language);
    for (const [width, height] of [
      [1280, 800],
      [1024, 640],
    ]) {
      await browser.setWindowSize(width, height);
      if (scrollTo) await (typeof scrollTo === "function" ? scrollTo() : $(scrollTo)).scrollIntoView({ block: "end" });
      await painted();
      await browser.saveScreenshot(path.join(dir, `${name}-${language}-${width}x${height}.png`));
    }
  }
  await useLanguage("en");
  await browser.setWindowSize(1280, 800);
  await painted();
}
