import { useTranslation } from "react-i18next";
import {
  Banner,
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
  SummaryList,
  Tag,
  type TagTone,
} from "../../../components/ui";
import { accountRows } from "../../../lib/account";
import { renderProblem } from "../../../lib/i18n";
import { rejectedCredentials } from "../../../lib/i18n/providers";
import type {
  PermissionCheck,
  PermissionStatus,
  ProviderSummary,
  VerificationReport,
} from "../../../lib/ipc/types";
import { confirmedCount } from "../../people/categories";
import { BackLink } from "../BackLink";
import type { ConfirmedPeople, Outcome, WizardProblem } from "../machine";
import { StepCaption } from "../StepCaption";
import {
  accountName,
  type HandOver,
  handOver,
  isOrganisation,
  narrowAccess,
  peopleCountText,
  permissionAnchor,
  permissionFix,
  permissionName,
} from "../text";
import { OrganisationChoice, type OrganisationChoiceProps } from "./OrganisationChoice";

export interface ResultProps {
  provider: ProviderSummary;
  outcome: Outcome;
  prominentStep?: boolean;
  /** The checked key's hint as shown on screen ("••••••••0001"), for naming a refused one. */
  keyHint?: string;
  /** After a successful check: "Save this connection" (or "Update connection"). */
  onSave?: { label: string; onClick(): void };
  onTryAgain(): void;
  onUseDifferentKey(): void;
  onBack(): void;
  /** "Continue: check the people" (the People step); shown on success. */
  onCheckPeople?(): void;
  /** What the admin confirmed on the People step, once they have. */
  confirmedPeople?: ConfirmedPeople;
  /** The saved connection for this company, when it is connected already (a new connection). */
  alreadyConnected?: string | null;
  /** Lists the organisations a sign-in reaches and checks the one chosen (when it must choose). */
  organisations: Pick<OrganisationChoiceProps, "load" | "onChoose">;
}

const STATUS_TONE: Record<PermissionStatus, TagTone> = {
  granted: "success",
  missing: "error",
  unknown: "warning",
};

/** "Use a different key" in each system's terms. */
const USE_DIFFERENT = {
  key: "result.useDifferent",
  user: "result.useDifferentUser",
  signIn: "result.signInAgain",
} as const;

const NOT_RIGHT = {
  key: "result.notRightCompany",
  user: "result.notRightUser",
  signIn: "result.notRightSignIn",
} as const;

const CAPTION = {
  key: "result.permissionsCaption",
  user: "result.permissionsCaptionUser",
  signIn: "result.permissionsCaptionSignIn",
} as const;

/** Problems that checking the same credentials again cannot fix. */
/** Problems that checking the same credentials again cannot fix. */
const NO_RETRY = new Set<WizardProblem["code"]>([
  "credentials_expired",
  "credentials_rejected",
  "sign_in_expired",
]);

/**
 * Problems that only a new sign-in fixes: a sign-in's permissions are fixed when it is given, so
 * checking it again finds the same.
 */
const NEW_SIGN_IN_ONLY = new Set<WizardProblem["code"]>([
  "permission_missing",
  "organisation_choice_needed",
]);

function canRetry(problems: WizardProblem[], how: HandOver): boolean {
  if (problems.some((problem) => NO_RETRY.has(problem.code))) return false;
  return !(how === "signIn" && problems.every((problem) => NEW_SIGN_IN_ONLY.has(problem.code)));
}

function okLeadKey(provider: ProviderSummary, how: HandOver) {
  if (how === "key") return "result.okLead";
  if (how === "user") return "result.okLeadUser";
  return provider.id === "ipayroll" ? "result.okLeadIpayroll" : "result.okLeadEmploymenthero";
}

/** Step 4: what the check found. */
export function Result({
  provider,
  outcome,
  prominentStep,
  keyHint,
  onSave,
  onTryAgain,
  onUseDifferentKey,
  onBack,
  onCheckPeople,
  confirmedPeople,
  alreadyConnected,
  organisations,
}: ResultProps) {
  const { t, i18n } = useTranslation();
  const report = outcome.report;
  const peopleFirst = onCheckPeople !== undefined && confirmedPeople === undefined;
  const account = report?.account ?? null;
  const how = handOver(provider.credential_kind);
  const company = account ? accountName(provider, account, t) : "";

  if (outcome.kind === "ok" && account) {
    const heading = isOrganisation(provider.id)
      ? "result.okHeadingOrganisation"
      : "result.okHeading";
    return (
      <div>
        <BackLink onClick={onBack} />
        <StepCaption step="result" prominent={prominentStep} />
        <Panel tone="success" className="result-panel">
          <h1 className="heading-l">{t(heading, { company })}</h1>
          <p>{t(okLeadKey(provider, how), { provider: provider.name })}</p>
        </Panel>
        {alreadyConnected && (
          <Banner title={t("result.alreadyConnectedTitle")} tone="warning">
            {t("result.alreadyConnected", { company, label: alreadyConnected })}
          </Banner>
        )}
        <Findings provider={provider} report={outcome.report} />
        {confirmedPeople && (
          <p className="people-confirmed" role="status">
            {t("result.peopleConfirmed", {
              count: confirmedCount(confirmedPeople.counts),
            })}
          </p>
        )}
        <ButtonGroup>
          {/* Until the admin has confirmed the people, checking them is the next step. */}
          {peopleFirst && <Button onClick={onCheckPeople}>{t("result.checkPeople")}</Button>}
          {onSave && (
            <Button variant={peopleFirst ? "secondary" : "primary"} onClick={onSave.onClick}>
              {onSave.label}
            </Button>
          )}
          <Button variant="secondary" onClick={onUseDifferentKey}>
            {t(NOT_RIGHT[how])}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  const problems = outcome.kind === "problem" ? outcome.problems : [];
  const retry = canRetry(problems, how);
  const rejected = problems.some((problem) => problem.code === "credentials_rejected");
  const items: ErrorSummaryItem[] = problems.map((problem) => {
    const rendered = renderProblem(problem, i18n.language);
    const missing = problem.code === "permission_missing";
    const href =
      missing && report
        ? `#${permissionAnchor(problem.params.permission)}`
        : problem.code === "organisation_choice_needed"
          ? "#organisation"
          : undefined;
    const own =
      problem.code === "credentials_rejected" && keyHint
        ? rejectedCredentials(provider.id, keyHint, t)
        : null;
    if (own) return { text: own.message, detail: own.nextStep, href };
    // The catalogue says "choose Try again"; a sign-in's permissions change only by signing in.
    const detail =
      missing && how === "signIn" ? t("result.permissionNextStepSignIn") : rendered.nextStep;
    return { text: rendered.message, detail, href };
  });
  const signedIn = report !== null && report.permissions.length > 0;
  const choosing = problems.some((problem) => problem.code === "organisation_choice_needed");
  // An API key reaches businesses (Employment Hero Payroll's word), not organisations.
  const apiKey = provider.credential_kind === "api_key";
  // Several organisations and nothing else wrong: a question to answer, not an error.
  const onlyChoosing = choosing && problems.length === 1;

  return (
    <div>
      <BackLink onClick={onBack} />
      {!onlyChoosing && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={items} />}
      <StepCaption step="result" prominent={prominentStep} />
      <h1 className="heading-l">
        {onlyChoosing
          ? t(apiKey ? "apiKey.chooseHeading" : "result.chooseHeading", { provider: provider.name })
          : account
            ? t("result.problemHeadingConnected", { company })
            : signedIn
              ? t("result.problemHeadingSignedIn", { provider: provider.name })
              : t("result.problemHeading", { provider: provider.name })}
      </h1>
      <p className="lead">
        {choosing
          ? t(apiKey ? "apiKey.chooseLead" : "result.problemLeadChoose")
          : retry
            ? t("result.problemLead")
            : t(`result.problemLead${how === "signIn" ? "SignIn" : "Other"}`)}
      </p>
      {choosing && <OrganisationChoice provider={provider} {...organisations} />}
      {report && (account || signedIn) && <Findings provider={provider} report={report} />}
      <ButtonGroup>
        {retry && <Button onClick={onTryAgain}>{t("result.tryAgain")}</Button>}
        <Button variant={retry ? "secondary" : "primary"} onClick={onUseDifferentKey}>
          {t(rejected && how === "key" ? "result.useNewKey" : USE_DIFFERENT[how])}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The account, the people count and the permission table. */
function Findings({ provider, report }: { provider: ProviderSummary; report: VerificationReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.account && (
        <SummaryList
          rows={[
            ...accountRows(provider, report.account, t),
            {
              key: t("result.people"),
              value: peopleCountText(report.people, provider, t),
            },
          ]}
        />
      )}
      {report.permissions.length > 0 && (
        <PermissionTable provider={provider} permissions={report.permissions} />
      )}
      <BeyondSelection provider={provider} report={report} />
    </>
  );
}

/** The permissions the credentials grant beyond the selection, when they are far more (a calm note). */
function BeyondSelection({
  provider,
  report,
}: {
  provider: ProviderSummary;
  report: VerificationReport;
}) {
  const { t } = useTranslation();
  const beyond = report.warnings.flatMap((warning) =>
    warning.code === "permissions_beyond_selection" ? warning.params.permissions.split(", ") : [],
  );
  if (beyond.length === 0) return null;
  return (
    <Panel tone="info" className="beyond-selection">
      <section aria-labelledby="beyond-heading">
        <h2 className="heading-m" id="beyond-heading">
          {t("result.beyondHeading", { provider: provider.name })}
        </h2>
        <p>{t("result.beyondLead", { provider: provider.name })}</p>
        <ul>
          {beyond.map((id) => (
            <li key={id}>
              {permissionName(provider.id, id, t)} <code className="permission__id">{id}</code>
            </li>
          ))}
        </ul>
        <p>{narrowAccess(provider.id, t)}</p>
      </section>
    </Panel>
  );
}

function PermissionTable({
  provider,
  permissions,
}: {
  provider: ProviderSummary;
  permissions: PermissionCheck[];
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="permissions-heading" className="permissions">
      <h2 className="heading-m" id="permissions-heading">
        {t("result.permissionsHeading", { provider: provider.name })}
      </h2>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">
            {t(CAPTION[handOver(provider.credential_kind)])}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("result.columnPermission")}</th>
              <th scope="col">{t("result.columnNeeded")}</th>
              <th scope="col">{t("result.columnStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {permissions.map((permission) => (
              <tr
                key={permission.id}
                id={permissionAnchor(permission.id)}
                className={`permission--${permission.status}`}
              >
                <th scope="row" className="permission__name">
                  {permissionName(provider.id, permission.id, t)}
                  <code className="permission__id">{permission.id}</code>
                  {permission.status === "missing" && (
                    <p className="permission__fix">
                      {permissionFix(provider.id, provider.name, permission.id, t)}
                    </p>
                  )}
                  {permission.status === "unknown" && (
                    <p className="permission__fix">
                      {t("result.unknownNote", { provider: provider.name })}
                    </p>
                  )}
                </th>
                <td>{permission.required ? t("result.required") : t("result.chosen")}</td>
                <td>
                  <Tag tone={STATUS_TONE[permission.status]}>
                    {t(`result.status.${permission.status}`)}
                  </Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
