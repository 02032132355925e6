import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button, useCopy } from "../components/ui";
import { parseLanguage } from "../lib/i18n";
import { useBackend } from "../lib/ipc/BackendContext";

/** The run's support code, shown in screen-share mode so the admin can read it aloud. */
export function SupportCode({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <span className="support-code" title={t("support.codeHint")}>
      {t("support.code")}: <strong className="support-code__value">{code}</strong>
    </span>
  );
}

/**
 * "Copy diagnostics": asks the core for the redacted bundle (with the screen shown now) and
 * copies it. The bundle is then shown too, so the admin sees exactly what support gets; when the
 * clipboard refuses, it is selected for copying with the keyboard.
 */
export function CopyDiagnostics({
  step,
  screenShare,
}: {
  step: () => string;
  /** Screen-share mode: a bundle on show is asked for again when it switches. */
  screenShare: boolean;
}) {
  const backend = useBackend();
  const { t, i18n } = useTranslation();
  /** The bundle and the click it answers (each click copies again, even when unchanged). */
  const [request, setRequest] = useState<{ bundle: string; click: number } | null>(null);
  const { state, ref, copy } = useCopy<HTMLPreElement>(request?.bundle ?? "");

  /** Asks for the bundle; `copy`: a click (copies it), else only the preview is renewed. */
  const fetchBundle = async (copy: boolean) => {
    const language = parseLanguage(i18n.resolvedLanguage ?? i18n.language) ?? "en";
    try {
      const bundle = await backend.diagnostics(language, step());
      setRequest((previous) => ({ bundle, click: (previous?.click ?? 0) + (copy ? 1 : 0) }));
    } catch {
      // The app is not answering; there is nothing to copy.
    }
  };

  // The bundle on show tells the screen-share mode: renewed when it switches.
  const shown = request !== null;
  const switched = useRef(screenShare);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the mode switches
  useEffect(() => {
    if (switched.current === screenShare) return;
    switched.current = screenShare;
    if (shown) void fetchBundle(false);
  }, [screenShare]);

  // Copy once the bundle is on screen, so that a refused clipboard can select it.
  const click = request?.click ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: copies once per click
  useEffect(() => {
    if (click > 0) void copy();
  }, [click]);

  return (
    <div className="diagnostics">
      <Button variant="secondary" onClick={() => void fetchBundle(true)}>
        {t("support.copyDiagnostics")}
      </Button>
      <span className="diagnostics__status" aria-live="polite">
        {state === "copied" && t("support.copied")}
        {state === "failed" && t("support.copyFailed")}
      </span>
      {request && (
        <>
          <p className="diagnostics__about">{t("support.about")}</p>
          <details className="diagnostics__details" open={state === "failed" || undefined}>
            <summary>{t("support.diagnosticsLabel")}</summary>
            <pre className="diagnostics__bundle" ref={ref}>
              {request.bundle}
            </pre>
          </details>
        </>
      )}
    </div>
  );
}
