import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const src = resolve(here, "../..");

/** Every relative import of the feature's own (non-test) source files, as a path under `src/`. */
function importsOf(folder: string): { file: string; target: string }[] {
  return readdirSync(folder)
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .flatMap((name) => {
      const text = readFileSync(join(folder, name), "utf8");
      return [...text.matchAll(/from\s+"(\.[^"]+)"/g)].map((found) => ({
        file: name,
        target: relative(src, resolve(folder, found[1] ?? "")),
      }));
    });
}

describe("the connections feature's boundary", () => {
  it("imports only its own files, lib/ and components/ (never the wizard's steps)", () => {
    const imports = importsOf(here);
    expect(imports.length).toBeGreaterThan(0);
    const outside = imports.filter(
      ({ target }) =>
        !target.startsWith("features/connections/") &&
        !target.startsWith("lib/") &&
        !target.startsWith("components/"),
    );
    expect(outside).toEqual([]);
  });
});
