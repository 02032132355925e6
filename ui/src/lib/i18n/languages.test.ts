import { describe, expect, it } from "vitest";
import { dateLocale, detectLanguage, parseLanguage } from "./languages";

describe("languages", () => {
  it("reads the OS's language tags", () => {
    expect(parseLanguage("de_DE.UTF-8")).toBe("de");
    expect(parseLanguage("de-AT")).toBe("de");
    expect(parseLanguage("fr-FR")).toBeUndefined();
    expect(detectLanguage(["fr-FR", "de-CH", "en-NZ"])).toBe("de");
    expect(detectLanguage(["fr-FR"])).toBe("en");
  });

  it("writes English dates day first, as in New Zealand and the UK", () => {
    const date = new Date(Date.UTC(2010, 3, 16));
    const numeric = (language: string) =>
      new Intl.DateTimeFormat(dateLocale(language), { dateStyle: "short", timeZone: "UTC" }).format(
        date,
      );
    expect(numeric("en")).toBe("16/04/2010");
    expect(numeric("de")).toBe("16.04.10");
  });
});
