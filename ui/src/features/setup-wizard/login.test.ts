import { describe, expect, it } from "vitest";
import { loginCredentialText, splitLogin } from "./login";

describe("splitLogin", () => {
  const both = { username: "sbx-api-valid", password: "Sbx!Valid-7Kq2Rw9P" };

  it.each([
    ["labelled lines", "Username: sbx-api-valid\nPassword: Sbx!Valid-7Kq2Rw9P"],
    ["labelled, Windows line ends", "Username: sbx-api-valid\r\nPassword: Sbx!Valid-7Kq2Rw9P\r\n"],
    ["labels in any case, = or a tab", "USER NAME = sbx-api-valid\npassword\tSbx!Valid-7Kq2Rw9P"],
    ["values below their labels", "User name\nsbx-api-valid\nPassword:\nSbx!Valid-7Kq2Rw9P"],
    [
      "with a title line",
      "API user created\nUsername: sbx-api-valid\nPassword: Sbx!Valid-7Kq2Rw9P",
    ],
    ["password first", "Password: Sbx!Valid-7Kq2Rw9P\nUsername: sbx-api-valid"],
    ["two bare lines", "  sbx-api-valid \n\nSbx!Valid-7Kq2Rw9P\n"],
  ])("reads %s", (_, text) => {
    expect(splitLogin(text)).toEqual(both);
  });

  it.each([
    ["one line", "sbx-api-valid"],
    ["one labelled line", "Username: sbx-api-valid"],
    ["a label without a value", "Username: sbx-api-valid\nPassword:"],
    ["three bare lines", "a\nb\nc"],
    ["a first line of several words", "API user details\nSbx!Valid-7Kq2Rw9P"],
  ])("leaves %s to the box", (_, text) => {
    expect(splitLogin(text)).toBeNull();
  });

  it("does not take a password that starts with a label's word for a label", () => {
    expect(splitLogin("sbx-api-valid\nPassword123")).toEqual({
      username: "sbx-api-valid",
      password: "Password123",
    });
  });
});

describe("loginCredentialText", () => {
  it("labels both values, trimmed, for the core", () => {
    expect(loginCredentialText(" sbx-api-valid ", "Sbx!Valid-7Kq2Rw9P ")).toBe(
      "Username: sbx-api-valid\nPassword: Sbx!Valid-7Kq2Rw9P",
    );
  });
});
