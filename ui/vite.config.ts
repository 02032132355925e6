import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

/** The repository root: the UI imports the shared message catalogue and the app icon from it. */
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  base: "./",
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repoRoot] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    restoreMocks: true,
    // Two shared cores: keep the worker count small.
    maxWorkers: 2,
    // Whole flows with axe-core runs take 2–3 s alone and over 5 s (the default limit) when
    // other builds share the cores; a hang still fails.
    testTimeout: 20_000,
  },
});
