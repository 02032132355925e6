// Cloud delivery specs (`specs/cloud-*.e2e.mjs`) need the product's address before the app
// starts: the Sandbox (HR systems and the reference product "Acme Rostering") runs beside the
// app as `hrlink sandbox`, and the app starts in cloud mode against it (HRLINK_CONFIG,
// HRLINK_ENDPOINTS), as `scripts/start --cloud-demo` does.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

let running = null;

/** Starts the Sandbox with `cli` (the `hrlink` binary) and points the app at it. */
export async function startProduct(cli) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hrlink-e2e-product-"));
  const endpoints = path.join(dir, "endpoints.json");
  const child = spawn(cli, ["sandbox", "--endpoints-out", endpoints], { stdio: "ignore" });
  running = { child, dir };
  for (let i = 0; i < 300 && !existsSync(endpoints); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const origin = JSON.parse(readFileSync(endpoints, "utf8")).product.api;
  const config = path.join(dir, "hrlink.toml");
  writeFileSync(config, `product = "Acme Rostering"\n[delivery]\nmode = "cloud"\norigin = "${origin}"\n`);
  process.env.HRLINK_CONFIG = config;
  process.env.HRLINK_ENDPOINTS = endpoints;
  process.env.HRLINK_E2E_PRODUCT_ORIGIN = origin;
}

/** Stops the Sandbox started for this session, if any. */
export function stopProduct() {
  if (!running) return;
  running.child.kill();
  rmSync(running.dir, { recursive: true, force: true });
  delete process.env.HRLINK_CONFIG;
  delete process.env.HRLINK_ENDPOINTS;
  delete process.env.HRLINK_E2E_PRODUCT_ORIGIN;
  running = null;
}
