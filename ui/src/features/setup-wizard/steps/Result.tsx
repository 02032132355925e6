import { useTranslation } from "react-i18next";
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  Panel,
  SummaryList,
  Tag,
  type TagTone,
} from "../../../components/ui";
import { renderProblem } from "../../../lib/i18n";
import type {
  PermissionCheck,
  PermissionStatus,
  ProviderSummary,
  VerificationReport,
} from "../../../lib/ipc/types";
import { BackLink } from "../BackLink";
import { StepCaption } from "../StepCaption";
import { permissionAnchor, permissionFix, permissionName } from "../text";
import type { Outcome } from "../wizardMachine";

export interface ResultProps {
  provider: ProviderSummary;
  outcome: Outcome;
  prominentStep?: boolean;
  onTryAgain(): void;
  onUseDifferentKey(): void;
  onBack(): void;
}

const STATUS_TONE: Record<PermissionStatus, TagTone> = {
  granted: "success",
  missing: "error",
  unknown: "warning",
};

/** Step 4: what the check found. */
export function Result({
  provider,
  outcome,
  prominentStep,
  onTryAgain,
  onUseDifferentKey,
  onBack,
}: ResultProps) {
  const { t, i18n } = useTranslation();
  const report = outcome.report;
  const account = report?.account ?? null;

  if (outcome.kind === "ok" && account) {
    return (
      <div>
        <BackLink onClick={onBack} />
        <StepCaption step={4} prominent={prominentStep} />
        <Panel tone="success" className="result-panel">
          <h1 className="heading-l">{t("result.okHeading", { company: account.name })}</h1>
          <p>{t("result.okLead", { provider: provider.name })}</p>
        </Panel>
        <Findings provider={provider} report={outcome.report} />
        <ButtonGroup>
          <Button variant="secondary" onClick={onUseDifferentKey}>
            {t("result.notRightCompany")}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  const problems = outcome.kind === "problem" ? outcome.problems : [];
  const items: ErrorSummaryItem[] = problems.map((problem) => {
    const rendered = renderProblem(problem, i18n.language);
    const href =
      problem.code === "permission_missing" && report
        ? `#${permissionAnchor(problem.params.permission)}`
        : undefined;
    return { text: rendered.message, detail: rendered.nextStep, href };
  });
  // Staged credentials that the core no longer holds cannot be tried again.
  const canRetry = !problems.some((problem) => problem.code === "credentials_expired");

  return (
    <div>
      <BackLink onClick={onBack} />
      <ErrorSummary title={t("wizard.errorSummaryTitle")} items={items} />
      <StepCaption step={4} prominent={prominentStep} />
      <h1 className="heading-l">
        {account
          ? t("result.problemHeadingConnected", { company: account.name })
          : t("result.problemHeading", { provider: provider.name })}
      </h1>
      <p className="lead">{t("result.problemLead")}</p>
      {report && account && <Findings provider={provider} report={report} />}
      <ButtonGroup>
        {canRetry && <Button onClick={onTryAgain}>{t("result.tryAgain")}</Button>}
        <Button variant={canRetry ? "secondary" : "primary"} onClick={onUseDifferentKey}>
          {t("result.useDifferent")}
        </Button>
      </ButtonGroup>
    </div>
  );
}

/** The company, the people count and the permission table. */
function Findings({ provider, report }: { provider: ProviderSummary; report: VerificationReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.account && (
        <SummaryList
          rows={[
            { key: t("result.company"), value: report.account.name },
            {
              key: t("result.companyNumber", { provider: provider.name }),
              value: report.account.id,
            },
            {
              key: t("result.people"),
              value: report.people
                ? t("result.peopleCount", { count: report.people.count })
                : t("result.peopleUnknown"),
            },
          ]}
        />
      )}
      {report.permissions.length > 0 && (
        <PermissionTable provider={provider} permissions={report.permissions} />
      )}
    </>
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
          <caption className="visually-hidden">{t("result.permissionsCaption")}</caption>
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
                  {permissionName(permission.id, t)}
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
                <td>{permission.required ? t("result.required") : t("result.optional")}</td>
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
