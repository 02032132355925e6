import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  ButtonGroup,
  ErrorSummary,
  type ErrorSummaryItem,
  SummaryList,
  type SummaryRow,
  TextField,
  VisuallyHidden,
} from "../../../components/ui";
import { accountRows } from "../../../lib/account";
import { renderProblem } from "../../../lib/i18n";
import type {
  ProviderSummary,
  StagedCredentials,
  VerificationReport,
} from "../../../lib/ipc/types";
import { type LabelError, useLabelErrorText } from "../../../lib/label";
import { shownHint } from "../../../lib/screenShare";
import { mappingRows } from "../../mapping/MappingSummary";
import type { MappingDone } from "../../mapping/machine";
import { confirmedCount } from "../../people/categories";
import { BackLink } from "../BackLink";
import type { ConfirmedPeople, Saving } from "../machine";
import { handOver, peopleCountText, permissionName } from "../text";

export const LABEL_ID = "connection-label";

export interface CheckAnswersProps {
  provider: ProviderSummary;
  staged: StagedCredentials;
  report: VerificationReport;
  label: string;
  labelError: LabelError | null;
  saving: Saving;
  /** Re-authorising: the connection keeps its name, and the HR system cannot be changed. */
  reauthorising: boolean;
  /** What the admin confirmed on the People step, if they did. */
  confirmed?: ConfirmedPeople;
  /** Screen-share mode: the key's or user's hint is hidden entirely. */
  supportMode: boolean;
  /** How the mapping step ended, if the product has categories. */
  mapped?: MappingDone;
  onLabelChange(text: string): void;
  onChange(answer: "provider" | "credentials" | "mapping"): void;
  onSubmit(): void;
  onBack(): void;
}

const CREDENTIAL_ROW = {
  key: { key: "save.confirm.key", change: "save.confirm.changeKey" },
  user: { key: "save.confirm.user", change: "save.confirm.changeUser" },
  signIn: { key: "save.confirm.signIn", change: "save.confirm.changeSignIn" },
} as const;

/** The People row: what the admin confirmed (left out, compared), or the check's count. */
function peopleValue(
  provider: ProviderSummary,
  report: VerificationReport,
  confirmed: ConfirmedPeople | undefined,
  t: TFunction,
): ReactNode {
  if (!confirmed) {
    return peopleCountText(report.people, provider, t);
  }
  const { counts, rosterPeople } = confirmed;
  const matched = counts.matched + counts.matched_with_differences;
  const leftOut = counts.excluded ?? 0;
  return (
    <ul>
      <li>{t("save.confirm.peopleConfirmed", { count: confirmedCount(counts) })}</li>
      {leftOut > 0 && <li>{t("save.confirm.peopleLeftOut", { count: leftOut })}</li>}
      <li>
        {rosterPeople === null
          ? t("save.confirm.rosterNotCompared")
          : t("save.confirm.rosterCompared", { count: rosterPeople, matched })}
      </li>
    </ul>
  );
}

/**
 * "Check your answers" before a connection is saved (with its name) or, re-authorising, before
 * it is updated with the new details.
 */
export function CheckAnswers(props: CheckAnswersProps) {
  const { provider, staged, report, saving } = props;
  const { t, i18n } = useTranslation();
  const how = handOver(provider.credential_kind);
  const labelErrorText = useLabelErrorText()(props.labelError);
  const problem = saving.problem ? renderProblem(saving.problem, i18n.language) : null;
  const summary: ErrorSummaryItem[] = labelErrorText
    ? [{ text: labelErrorText, href: `#${LABEL_ID}` }]
    : problem
      ? [{ text: problem.message, detail: problem.nextStep }]
      : [];

  const change = (answer: "provider" | "credentials" | "mapping", what: string) => (
    <Button variant="link" disabled={saving.busy} onClick={() => props.onChange(answer)}>
      {t("save.confirm.change")} <VisuallyHidden>{what}</VisuallyHidden>
    </Button>
  );

  const account = report.account;
  const credentialRow = CREDENTIAL_ROW[how];
  const rows: SummaryRow[] = [
    {
      key: t("save.confirm.system"),
      value: provider.name,
      action: props.reauthorising ? undefined : change("provider", t("save.confirm.changeSystem")),
    },
  ];
  if (props.reauthorising) rows.unshift({ key: t("save.confirm.connection"), value: props.label });
  if (account) rows.push(...accountRows(provider, account, t));
  rows.push(
    {
      key: t(credentialRow.key),
      value:
        how === "key"
          ? t("save.confirm.keyValue", { hint: shownHint(staged.hint, props.supportMode) })
          : how === "user"
            ? shownHint(staged.hint, props.supportMode)
            : t("save.confirm.signInValue", { provider: provider.name }),
      action: change("credentials", t(credentialRow.change)),
    },
    {
      key: t("save.confirm.permissions"),
      value: (() => {
        const granted = report.permissions.filter((p) => p.status === "granted");
        if (granted.length === 0) return t("save.confirm.noPermissions");
        return (
          <ul>
            {granted.map((p) => (
              <li key={p.id}>{permissionName(provider.id, p.id, t)}</li>
            ))}
          </ul>
        );
      })(),
    },
    { key: t("save.confirm.people"), value: peopleValue(provider, report, props.confirmed, t) },
    ...mappingRows(props.mapped, t, (what) => change("mapping", what)),
  );

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <BackLink onClick={props.onBack} disabled={saving.busy} />
      {summary.length > 0 && <ErrorSummary title={t("wizard.errorSummaryTitle")} items={summary} />}
      <h1 className="heading-l">
        {props.reauthorising
          ? t("save.confirm.reauthoriseHeading", { label: props.label })
          : t("save.confirm.heading")}
      </h1>
      <p className="lead">
        {t(props.reauthorising ? "save.confirm.reauthoriseLead" : "save.confirm.lead")}
      </p>
      <SummaryList rows={rows} />
      {!props.reauthorising && (
        <TextField
          id={LABEL_ID}
          label={t("save.confirm.labelLabel")}
          hint={t("save.confirm.labelHint")}
          error={labelErrorText}
          errorPrefix={t("wizard.errorPrefix")}
          value={props.label}
          readOnly={saving.busy}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onLabelChange(event.target.value)}
        />
      )}
      <ButtonGroup>
        <Button type="submit" busy={saving.busy}>
          {saving.busy
            ? t("save.confirm.saving")
            : problem
              ? t("save.confirm.tryAgain")
              : props.reauthorising
                ? t("save.updateConnection")
                : t("save.confirm.save")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
