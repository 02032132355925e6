import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach } from "vitest";
import { preloadScreens } from "../app/screens";

// findBy…/waitFor wait on a condition, so a longer bound costs nothing when the UI is quick; the
// 1 s default failed tests on a loaded 2-core machine (a lazy step's first render under load).
configure({ asyncUtilTimeout: 5000 });

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
