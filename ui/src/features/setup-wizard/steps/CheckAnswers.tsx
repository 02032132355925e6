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
import { BackLink } from "../BackLink";
import type { Saving } from "../machine";
import { handOver, permissionName } from "../text";

export const LABEL_ID = "connection-label";

export interface CheckAnswersProps {
  provider: ProviderSummary;
  staged: StagedCredentials;
  report: VerificationReport;
  label: string;
  labelError: LabelError | null;
  saving: Saving;
  /** Whether the HR system can be changed (not when re-authorising). */
  canChangeProvider: boolean;
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

/** "Check your answers" before a new connection is saved, with its name. */
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
      action: props.canChangeProvider
        ? change("provider", t("save.confirm.changeSystem"))
        : undefined,
    },
  ];
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
    {
      key: t("result.people"),
      value: report.people
        ? t("result.peopleCount", { count: report.people.count })
        : t("result.peopleUnknown"),
    },
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
      <h1 className="heading-l">{t("save.confirm.heading")}</h1>
      <p className="lead">{t("save.confirm.lead")}</p>
      <SummaryList rows={rows} />
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
      <ButtonGroup>
        <Button type="submit" busy={saving.busy}>
          {saving.busy
            ? t("save.confirm.saving")
            : problem
              ? t("save.confirm.tryAgain")
              : t("save.confirm.save")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
