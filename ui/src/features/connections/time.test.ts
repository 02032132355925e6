import { describe, expect, it } from "vitest";
import { relativeTime } from "./time";

describe("relativeTime", () => {
  const now = 1_700_000_000;
  it("says how long ago, in English and German", () => {
    expect(relativeTime(now - 10, now, "en")).toBe("now");
    expect(relativeTime(now - 180, now, "en")).toBe("3 minutes ago");
    expect(relativeTime(now - 3 * 3600, now, "de")).toBe("vor 3 Stunden");
    expect(relativeTime(now - 24 * 3600, now, "en")).toBe("yesterday");
    expect(relativeTime(now - 2 * 24 * 3600, now, "de")).toBe("vorgestern");
    expect(relativeTime(now - 400 * 24 * 3600, now, "en")).toBe("last year");
  });
  it("treats a time in the future (clock skew) as now", () => {
    expect(relativeTime(now + 50, now, "en")).toBe("now");
  });
});
