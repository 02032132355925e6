import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { createI18n } from "../lib/i18n";
import { renderApp } from "../test/render";

afterEach(() => localStorage.clear());

describe("the language switcher", () => {
  it("keeps the chosen language for the next start", async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole("button", { name: "Deutsch" }));
    await screen.findByRole("heading", { level: 1, name: "Welches HR-System verwenden Sie?" });
    // The next start makes its i18n instance as main.tsx does.
    expect(createI18n().language).toBe("de");
    await user.click(screen.getByRole("button", { name: "English" }));
    expect(createI18n().language).toBe("en");
  });
});
