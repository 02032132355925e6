/** The People step: reading the people, a listing's problem, and the listed people with their counts, review, changes and table. */

import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup, ErrorSummary, Panel, Spinner } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import type {
  ListingProgress,
  PairDecision,
  Problem,
  ProviderSummary,
  Result,
  WizardProblem,
} from "../../lib/ipc/types";
import { BackLink } from "../setup-wizard/BackLink";
import { StepCaption } from "../setup-wizard/StepCaption";
import { Changes } from "./Changes";
import type { PeopleStage } from "./machine";
import { PeopleTable } from "./PeopleTable";
import { Review } from "./Review";
import { Counts, Export } from "./Summary";

interface PeopleProps {
  provider: ProviderSummary;
  stage: PeopleStage;
  /** Screen-share mode: the core masked names and emails. */
  supportMode: boolean;
  prominentStep?: boolean;
  onCancel(): void;
  onTryAgain(): void;
  onBack(): void;
  onCompare(): void;
  /** "Yes, these are our people". */
  onConfirmed(): void;
  /** An answer to a suggested pair (entry id). */
  onDecide(entry: number, decision: PairDecision): void;
  /** Leaves a person out of the connection (or takes them back in). */
  onExclude(entry: number, excluded: boolean): void;
  /** "Export this list": Rust asks where to save the CSV; `false` when the admin cancels. */
  onExport(): Promise<Result<boolean, Problem>>;
}

/** Step 5: the people the connection will see, and whether they are the business's. */
export function People(props: PeopleProps) {
  const { stage, provider, prominentStep, onBack } = props;
  return (
    <div className="people">
      {stage.kind !== "listing" && <BackLink onClick={onBack} />}
      {stage.kind === "listing" && (
        <Listing
          provider={provider}
          progress={stage.progress}
          prominentStep={prominentStep}
          onCancel={props.onCancel}
        />
      )}
      {stage.kind === "failed" && (
        <Failed
          provider={provider}
          problem={stage.problem}
          prominentStep={prominentStep}
          onTryAgain={props.onTryAgain}
          onBack={onBack}
        />
      )}
      {stage.kind === "listed" && <Listed {...props} stage={stage} />}
    </div>
  );
}

export function Listing({
  provider,
  progress,
  prominentStep,
  onCancel,
}: {
  provider: ProviderSummary;
  progress: ListingProgress | null;
  prominentStep?: boolean;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const done = progress?.pages_done ?? 0;
  const total = progress?.pages_total ?? null;
  return (
    <div>
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">{t("people.listingHeading", { provider: provider.name })}</h1>
      <p className="lead">{t("people.listingLead")}</p>
      <div className="people-progress" role="status" aria-live="polite">
        {total !== null && total > 0 ? (
          <progress className="people-progress__bar" max={total} value={done} />
        ) : (
          <Spinner />
        )}
        <p className="people-progress__pages">
          {total !== null
            ? t("people.pages", { done, total })
            : t("people.pagesUnknown", { count: done })}
        </p>
        <p className="people-progress__people">
          {t("people.soFar", { count: progress?.people ?? 0 })}
        </p>
        <p className="people-progress__eta">{timeLeft(progress, t)}</p>
      </div>
      <ButtonGroup>
        <Button variant="secondary" onClick={onCancel}>
          {t("people.cancel")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function timeLeft(progress: ListingProgress | null, t: TFunction): string {
  const seconds = progress?.eta_seconds;
  if (seconds === null || seconds === undefined) return t("people.timeLeftUnknown");
  if (seconds < 90) return t("people.timeLeftSeconds", { count: Math.max(1, seconds) });
  return t("people.timeLeftMinutes", { count: Math.round(seconds / 60) });
}

function Failed({
  provider,
  problem,
  prominentStep,
  onTryAgain,
  onBack,
}: {
  provider: ProviderSummary;
  problem: WizardProblem;
  prominentStep?: boolean;
  onTryAgain(): void;
  onBack(): void;
}) {
  const { t, i18n } = useTranslation();
  const cancelled = problem.code === "people_listing_cancelled";
  const rendered = renderProblem(problem, i18n.language);
  return (
    <div>
      {!cancelled && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: rendered.message, detail: rendered.nextStep }]}
        />
      )}
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">
        {cancelled
          ? t("people.cancelledHeading")
          : t("people.failedHeading", { provider: provider.name })}
      </h1>
      <p className="lead">{cancelled ? t("people.cancelledLead") : rendered.nextStep}</p>
      <ButtonGroup>
        <Button onClick={onTryAgain}>{t("people.tryAgain")}</Button>
        <Button variant="secondary" onClick={onBack}>
          {t("people.backToResult")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

export type Listed = Extract<PeopleStage, { kind: "listed" }>;

const CONFIRM_ID = "people-confirm";

export function Listed({
  provider,
  stage,
  supportMode,
  prominentStep,
  onCompare,
  onConfirmed,
  onDecide,
  onExclude,
  onExport,
}: PeopleProps & { stage: Listed }) {
  const { t, i18n } = useTranslation();
  const { report, roster } = stage;
  const hrTotal = useMemo(() => report.people.filter((row) => row.hr).length, [report]);
  const rosterProblem = stage.rosterProblem
    ? renderProblem(stage.rosterProblem, i18n.language)
    : null;
  const decisionProblem = stage.decisionProblem
    ? renderProblem(stage.decisionProblem, i18n.language)
    : null;
  return (
    <div className="people-listed">
      {rosterProblem && (
        <ErrorSummary
          title={t("people.rosterErrorTitle")}
          items={[
            { text: rosterProblem.message, detail: rosterProblem.nextStep, href: "#compare" },
          ]}
        />
      )}
      {decisionProblem && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: decisionProblem.message, detail: decisionProblem.nextStep }]}
        />
      )}
      <StepCaption step="people" prominent={prominentStep} />
      <h1 className="heading-l">{t("people.heading")}</h1>
      <p className="lead">{t("people.lead", { provider: provider.name })}</p>
      <Panel className="people-total">
        <p className="heading-m people-total__count">
          {t("people.total", { count: hrTotal, provider: provider.name })}
        </p>
        <p className="people-total__note">{t("people.totalNote", { provider: provider.name })}</p>
      </Panel>
      <Changes view={stage.changes} provider={provider} />
      <Counts counts={report.counts} compared={roster !== null} provider={provider} />
      {/* Above the table: confirming a long list must not mean scrolling or tabbing past it. */}
      <ButtonGroup>
        <Button id={CONFIRM_ID} onClick={onConfirmed}>
          {t("people.confirm")}
        </Button>
      </ButtonGroup>

      <section aria-labelledby="compare-heading" className="people-compare">
        <h2 className="heading-m" id="compare-heading">
          {t("people.compareHeading")}
        </h2>
        <p>{t("people.compareLead", { provider: provider.name })}</p>
        {roster && (
          <p className="people-compare__read">
            {t("people.rosterRead", { count: roster.people })}
            {roster.skipped_rows > 0 &&
              ` ${t("people.rosterSkipped", { count: roster.skipped_rows })}`}
          </p>
        )}
        <Button
          id="compare"
          variant="secondary"
          busy={stage.comparing}
          onClick={() => !stage.comparing && onCompare()}
        >
          {stage.comparing
            ? t("people.comparing")
            : roster
              ? t("people.compareAgain")
              : t("people.compareButton")}
        </Button>
      </section>

      {roster && <Review rows={report.people} provider={provider} onDecide={onDecide} />}

      <section aria-labelledby="people-table-heading" className="people-list">
        <h2 className="heading-m" id="people-table-heading">
          {t("people.tableHeading")}
        </h2>
        {supportMode && <Banner title={t("app.supportMode")}>{t("people.maskedNote")}</Banner>}
        <a
          className="people-list__skip"
          href={`#${CONFIRM_ID}`}
          onClick={(event) => {
            // Focus, not only scroll: the next key press is the confirmation.
            event.preventDefault();
            const confirm = document.getElementById(CONFIRM_ID);
            confirm?.focus();
            confirm?.scrollIntoView({ block: "nearest" });
          }}
        >
          {t("people.skipToConfirm")}
        </a>
        <PeopleTable
          // Switching screen-share mode starts the table afresh: a name typed into its search
          // stays no more on screen than the names it found (nor would it match masked rows).
          key={supportMode ? "masked" : "full"}
          rows={report.people}
          compared={roster !== null}
          provider={provider}
          onExclude={onExclude}
        />
      </section>

      <Export supportMode={supportMode} onExport={onExport} />
    </div>
  );
}
