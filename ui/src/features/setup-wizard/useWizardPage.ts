/**
 * What makes each wizard step behave like a page of its own: the window named after the page's
 * question, the view back at the top with focus on the new heading, and (once) the start-up
 * benchmark told that the first screen was painted.
 */

import { type RefObject, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useBackend } from "../../lib/ipc/BackendContext";

export interface WizardPage {
  /** Changes whenever a new page is shown (the step, and the guide screen within the guide). */
  step: string;
  guideScreen: number;
  /** The catalogue is loaded, so the first page is on screen. */
  loaded: boolean;
  /** The first step ("Which HR system do you use?") is the one shown. */
  firstStep: boolean;
  /** Move focus to the first page's heading (opened from another screen, not at start-up). */
  focusOnStart: boolean;
}

export function useWizardPage(
  rootRef: RefObject<HTMLElement | null>,
  { step, guideScreen, loaded, firstStep, focusOnStart }: WizardPage,
): void {
  const backend = useBackend();
  const { t } = useTranslation();

  // Once the first step is listed, report it after the next paint (two frames: the first runs
  // before that paint, the second after it), for the start-up benchmark.
  const firstScreenReported = useRef(false);
  const firstScreenReady = loaded && firstStep;
  useEffect(() => {
    if (!firstScreenReady || firstScreenReported.current) return;
    firstScreenReported.current = true;
    requestAnimationFrame(() => requestAnimationFrame(() => backend.firstScreenShown()));
  }, [backend, firstScreenReady]);

  // The window is named after the page's question, as a new page would be.
  useEffect(() => {
    const heading = rootRef.current?.querySelector("h1")?.textContent;
    if (heading) document.title = t("app.documentTitle", { page: heading });
  });

  // On every new step (and guide screen), start at the top and move focus to its heading (unless
  // an error summary took it, or a note asks for it), as a new page would. Not on the first step:
  // focus starts at the skip link.
  const shownSteps = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (!loaded) return;
    shownSteps.current += 1;
    if (shownSteps.current === 1 && !focusOnStart) return;
    window.scrollTo({ top: 0 });
    if (rootRef.current?.querySelector(".error-summary")) return;
    const target =
      rootRef.current?.querySelector<HTMLElement>("[data-autofocus]") ??
      rootRef.current?.querySelector("h1");
    if (target) {
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
  }, [step, guideScreen, loaded]);
}
