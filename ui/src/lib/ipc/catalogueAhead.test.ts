import { describe, expect, it, vi } from "vitest";
import { withCatalogueAhead } from "./catalogueAhead";
import { createFakeBackend } from "./fakeBackend";

describe("withCatalogueAhead", () => {
  it("asks for the HR systems and guides at once, and only once", async () => {
    const backend = createFakeBackend();
    const providers = vi.spyOn(backend, "listProviders");
    const guides = vi.spyOn(backend, "providerGuides");
    const ahead = withCatalogueAhead(backend);
    // Asked before anyone needs them.
    expect(providers).toHaveBeenCalledTimes(1);
    expect(guides).toHaveBeenCalledTimes(1);
    expect(await ahead.listProviders()).not.toHaveLength(0);
    expect(await ahead.providerGuides()).not.toHaveLength(0);
    await ahead.listProviders();
    expect(providers).toHaveBeenCalledTimes(1);
    expect(guides).toHaveBeenCalledTimes(1);
  });

  it("asks again after a failed answer", async () => {
    const backend = createFakeBackend();
    const providers = vi
      .spyOn(backend, "listProviders")
      .mockRejectedValueOnce(new Error("not yet"));
    const ahead = withCatalogueAhead(backend);
    await expect(ahead.listProviders()).rejects.toThrow("not yet");
    await expect(ahead.listProviders()).resolves.not.toHaveLength(0);
    expect(providers).toHaveBeenCalledTimes(2);
  });

  it("passes every other call through", async () => {
    const backend = createFakeBackend();
    const info = vi.spyOn(backend, "appInfo");
    await withCatalogueAhead(backend).appInfo();
    expect(info).toHaveBeenCalledTimes(1);
  });
});
