import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";

// jsdom has no canvas; axe-core probes it and would log "Not implemented" for every run.
HTMLCanvasElement.prototype.getContext = () => null;
// jsdom does no layout or scrolling; the UI scrolls to the top on each new step.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};

// Like index.html: the app renames the window per step, but it always has a title.
beforeEach(() => {
  document.title = "HR Link";
});

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute("lang");
});
