import { describe, expect, it } from "vitest";
import { apiKeyText, isWholeKey, keyEnd } from "./apiKey";

describe("apiKey", () => {
  it("hands the region over on its own line before the trimmed key", () => {
    expect(apiKeyText("NZ", "  VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09\n")).toBe(
      "Region: NZ\nVTJKNFJXaHdWbUZzYVdRd01EQXdNUT09\n",
    );
  });

  it("takes one long token as a whole key, a short or spaced one not", () => {
    expect(isWholeKey(" VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09 ")).toBe(true);
    expect(isWholeKey("VTJKNFJX")).toBe(false);
    expect(isWholeKey("VTJKNFJXaHdW bUZzYVdRd01EQXdNUT09")).toBe(false);
  });

  it("shows only the key's last four", () => {
    expect(keyEnd("VTJKNFJXaHdWbUZzYVdRd01EQXdNUT09")).toBe("••••UT09");
    expect(keyEnd("short")).toBe("");
  });
});
