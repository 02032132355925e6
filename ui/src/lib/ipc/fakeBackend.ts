/** The fake backend for tests and plain-browser development; it lives in `./fake/`. */

export * from "./fake";
