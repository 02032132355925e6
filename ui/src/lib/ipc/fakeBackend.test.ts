import { describe, expect, it } from "vitest";
import {
  createFakeBackend,
  keyFileText,
  maskTail,
  parseKeyFile,
  SANDBOX_KEYS,
} from "./fakeBackend";
import type { VerifyProgress } from "./types";

describe("fakeBackend", () => {
  it("parses key files like the core and masks like mask_tail", () => {
    expect(parseKeyFile(keyFileText(SANDBOX_KEYS.valid))).toEqual({
      status: "ok",
      data: { accessKey: SANDBOX_KEYS.valid.access },
    });
    expect(parseKeyFile("Access Key: ABC...XYZ\nSecret Access Key: s")).toMatchObject({
      error: { code: "key_file_redacted_example" },
    });
    expect(parseKeyFile("Access Key: A")).toMatchObject({
      error: { code: "key_file_incomplete", params: { missing: "secret_access_key" } },
    });
    expect(parseKeyFile("hello")).toMatchObject({ error: { code: "key_file_unrecognised" } });
    expect(maskTail(SANDBOX_KEYS.valid.access)).toBe("••••••••0001");
    expect(maskTail("short")).toBe("•••••");
  });

  it("never hands the secret back, and streams progress before the report", async () => {
    const backend = createFakeBackend();
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    expect(JSON.stringify(staged)).not.toContain(SANDBOX_KEYS.valid.secret);
    const events: VerifyProgress[] = [];
    const result = await backend.verifyConnection(staged.data.id, (event) => events.push(event));
    expect(events[0]).toEqual({ state: "started", step: { kind: "authenticate" } });
    expect(result).toMatchObject({ status: "ok", data: { ok: true, people: { count: 42 } } });
  });

  it("refuses other providers like the core does, and forgets discarded credentials", async () => {
    const backend = createFakeBackend();
    expect(await backend.stageCredentials("iris", { kind: "text", text: "x" })).toMatchObject({
      error: { code: "configuration_invalid" },
    });
    const staged = await backend.stageCredentials("hrworks", {
      kind: "text",
      text: keyFileText(SANDBOX_KEYS.valid),
    });
    if (staged.status !== "ok") throw new Error("staging failed");
    await backend.discardCredentials(staged.data.id);
    expect(await backend.verifyConnection(staged.data.id, () => {})).toEqual({
      status: "error",
      error: { code: "credentials_expired" },
    });
  });
});
