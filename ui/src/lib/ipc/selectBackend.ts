import { isTauri } from "@tauri-apps/api/core";
import { type Backend, tauriBackend } from "./backend";

/**
 * The backend the app runs with.
 *
 * Production builds always use the Rust core: `import.meta.env.DEV` is replaced by `false` at
 * build time, so the fake is not even bundled. In `vite` dev mode, a plain browser (no Tauri
 * internals) gets the in-memory fake so the UI can be developed and screenshotted without Rust.
 */
export async function selectBackend(): Promise<Backend> {
  if (import.meta.env.DEV && !isTauri()) {
    const { createDevBackend } = await import("./devBackend");
    return createDevBackend(new URLSearchParams(window.location.search));
  }
  return tauriBackend;
}
