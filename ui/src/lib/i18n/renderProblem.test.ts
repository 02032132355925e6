import { describe, expect, it } from "vitest";
import deCatalogue from "../../../../crates/hrlink-core/messages/de.json";
import enCatalogue from "../../../../crates/hrlink-core/messages/en.json";
import type { ProblemCode } from "../ipc/types";
import { renderProblem } from "./renderProblem";

/**
 * Compile-time check: every code the core can send (from the generated bindings) has an entry in
 * the catalogue. A new `Problem` variant without a message fails `npm run typecheck` here.
 */
type Uncatalogued = Exclude<ProblemCode, keyof typeof enCatalogue>;
const everyCodeHasAMessage: [Uncatalogued] extends [never] ? true : Uncatalogued = true;

describe("renderProblem", () => {
  it("fills placeholders from the problem's parameters, in English", () => {
    const rendered = renderProblem(
      { code: "credentials_rejected", params: { provider: "HRworks" } },
      "en",
    );
    expect(rendered.message).toBe("HRworks did not accept these credentials.");
    expect(rendered.nextStep).toContain("still active in HRworks");
    expect(rendered.nextStep).not.toContain("{");
  });

  it("renders German from the same catalogue the CLI uses", () => {
    const rendered = renderProblem(
      { code: "credentials_rejected", params: { provider: "HRworks" } },
      "de",
    );
    // The Rust test in messages.rs asserts the same sentence.
    expect(rendered.message).toBe("HRworks hat diese Zugangsdaten nicht angenommen.");
    expect(rendered.nextStep).toBe(
      deCatalogue.credentials_rejected.next_step.replaceAll("{provider}", "HRworks"),
    );
  });

  it("accepts locales such as de-AT and falls back to English for unknown languages", () => {
    expect(renderProblem({ code: "file_unreadable" }, "de-AT").message).toBe(
      deCatalogue.file_unreadable.message,
    );
    expect(renderProblem({ code: "file_unreadable" }, "fr").message).toBe(
      enCatalogue.file_unreadable.message,
    );
  });

  it("names the missing key in HRworks' own words", () => {
    const rendered = renderProblem(
      { code: "key_file_incomplete", params: { missing: "secret_access_key" } },
      "en",
    );
    expect(rendered.message).toBe(
      "Only one of the two keys was found: the Secret Access Key is missing.",
    );
  });

  it("fills numbers and leaves out absent values", () => {
    const rendered = renderProblem(
      { code: "provider_rate_limited", params: { provider: "HRworks", retry_after_seconds: null } },
      "en",
    );
    expect(rendered.message).toBe("HRworks asked us to slow down.");
  });

  it("gives a generic message, naming the code, for a code it does not know", () => {
    for (const language of ["en", "de"]) {
      const rendered = renderProblem({ code: "quantum_flux" }, language);
      expect(rendered.message).toContain("quantum_flux");
      expect(rendered.nextStep).toContain("quantum_flux");
      expect(rendered.nextStep.length).toBeGreaterThan(10);
    }
    expect(renderProblem({ code: "quantum_flux" }, "de").message).toMatch(
      /^Etwas ist schiefgelaufen/,
    );
  });

  it("has a message and a next step for every code in both languages", () => {
    expect(everyCodeHasAMessage).toBe(true);
    expect(Object.keys(deCatalogue).sort()).toEqual(Object.keys(enCatalogue).sort());
    for (const catalogue of [enCatalogue, deCatalogue] as Array<Record<string, unknown>>) {
      for (const [code, entry] of Object.entries(catalogue)) {
        expect(entry, code).toMatchObject({
          message: expect.stringMatching(/\S/),
          next_step: expect.stringMatching(/\S/),
        });
      }
    }
  });
});
