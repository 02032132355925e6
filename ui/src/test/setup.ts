import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach } from "vitest";
import { preloadScreens } from "../app/screens";

// jsdom has no canvas; axe-core probes it and would log "Not implemented" for every run.
HTMLCanvasElement.prototype.getContext = () => null;
// jsdom does no layout or scrolling; the UI scrolls to the top on each new step.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};

// The app fetches its later screens' chunks after the first paint; tests have them from the start,
// so a step renders in the same turn as in the app (lazyComponent's own tests cover loading).
beforeAll(() => preloadScreens());

// Like index.html: the app renames the window per step, but it always has a title.
beforeEach(() => {
  document.title = "HR Link";
});

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute("lang");
});
