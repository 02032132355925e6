import { afterEach, describe, expect, it, vi } from "vitest";
import { tauriBackend } from "./backend";
import { selectBackend } from "./selectBackend";

describe("selectBackend", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it("always uses the Rust core in production builds", async () => {
    vi.stubEnv("DEV", false);
    expect(await selectBackend()).toBe(tauriBackend);
  });

  it("uses the Rust core inside Tauri, even in dev mode", async () => {
    vi.stubEnv("DEV", true);
    vi.stubGlobal("isTauri", true);
    expect(await selectBackend()).toBe(tauriBackend);
  });

  it("uses the fake in a plain browser in dev mode", async () => {
    vi.stubEnv("DEV", true);
    const backend = await selectBackend();
    expect(backend).not.toBe(tauriBackend);
    expect(await backend.appInfo()).toMatchObject({ demo: true });
  });
});
