import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  Button,
  ButtonGroup,
  CopyValue,
  Details,
  SummaryList,
  TextField,
  VisuallyHidden,
} from "../../components/ui";
import { accountRows, handOver } from "../../lib/account";
import { renderProblem } from "../../lib/i18n";
import { permissionName } from "../../lib/i18n/providers";
import type { ConnectionSummary, Problem, ProviderSummary } from "../../lib/ipc/types";
import { type LabelError, useLabelErrorText, validateLabel } from "../../lib/label";
import { shownHint } from "../../lib/screenShare";
import { needsReauthorising, StatusTag } from "./StatusTag";
import { relativeTime } from "./time";

export type RowProblem = Problem | { code: "unexpected_error" };

export interface ConnectionCardProps {
  connection: ConnectionSummary;
  /** The product that uses the connection (`product` in hrlink.toml). */
  product: string;
  provider: ProviderSummary | undefined;
  checking: boolean;
  /** What the last check here found wrong (or why the check itself failed). */
  problem: RowProblem | null;
  /** What the last check here found worth a look without stopping the connection. */
  warnings: Problem[];
  supportMode: boolean;
  now: number;
  renaming: boolean;
  renameBusy: boolean;
  renameProblem: RowProblem | null;
  onCheck(): void;
  onReauthorise(): void;
  onStartRename(): void;
  onRename(label: string): void;
  onCancelRename(): void;
  onRemove(): void;
}

/** One saved connection: its status, when it last worked, and what can be done with it. */
export function ConnectionCard(props: ConnectionCardProps) {
  const { connection, provider, supportMode } = props;
  const { t, i18n } = useTranslation();
  const how = provider ? handOver(provider.credential_kind) : "key";
  const problem = props.problem ? renderProblem(props.problem, i18n.language) : null;
  const warnings = props.warnings.map((warning) => renderProblem(warning, i18n.language));
  const chosen = connection.chosen_permissions;
  const headingId = `connection-${connection.id}`;
  const forLabel = (
    <>
      {" "}
      <VisuallyHidden>{connection.label}</VisuallyHidden>
    </>
  );

  const hintRow =
    how === "signIn"
      ? { key: t("connections.signIn"), value: t("connections.signedIn") }
      : {
          key: how === "user" ? t("connections.user") : t("connections.key"),
          value: shownHint(connection.hint, supportMode),
        };

  return (
    <li className="connection" aria-labelledby={headingId}>
      <div className="connection__head">
        <h2 className="heading-m connection__label" id={headingId}>
          {connection.label}
        </h2>
        <span aria-live="polite">
          <StatusTag status={connection.status} checking={props.checking} />
        </span>
      </div>
      <SummaryList
        rows={[
          { key: t("connections.system"), value: provider?.name ?? connection.provider },
          ...(provider
            ? accountRows(provider, connection.account, t)
            : [{ key: t("connections.company"), value: connection.account.name }]),
          hintRow,
          {
            key: t("connections.lastWorked"),
            value:
              connection.last_ok_at == null
                ? t("connections.neverWorked")
                : // "Last worked: now" would read as working now: not for one that just failed.
                  connection.status !== "connected" && props.now - connection.last_ok_at < 60
                  ? t("connections.workedMomentsAgo")
                  : relativeTime(connection.last_ok_at, props.now, i18n.language),
          },
          ...(chosen
            ? [
                {
                  key: t("connections.chosen"),
                  value:
                    chosen.length > 0
                      ? chosen.map((id) => permissionName(connection.provider, id, t)).join(", ")
                      : t("connections.chosenNone"),
                },
              ]
            : []),
        ]}
      />
      {connection.last_used && (
        <p className="connection__used">
          {connection.last_used.by
            ? t("connections.lastUsedBy", {
                by: connection.last_used.by,
                when: relativeTime(connection.last_used.at, props.now, i18n.language),
              })
            : t("connections.lastUsed", {
                when: relativeTime(connection.last_used.at, props.now, i18n.language),
              })}
        </p>
      )}
      <ProductUse connection={connection} product={props.product} />
      {problem && !props.checking && (
        <div className="connection__problem">
          <p className="connection__problem-message">{problem.message}</p>
          <p>{problem.nextStep}</p>
        </div>
      )}
      {!props.checking &&
        warnings.map((warning) => (
          <div className="connection__warning" key={warning.message}>
            <p>
              <strong>{t("connections.warning")}</strong> {warning.message}
            </p>
            <p>{warning.nextStep}</p>
          </div>
        ))}
      {props.renaming ? (
        <RenameForm
          connection={connection}
          busy={props.renameBusy}
          problem={props.renameProblem}
          onSubmit={props.onRename}
          onCancel={props.onCancelRename}
        />
      ) : (
        <ButtonGroup>
          <Button variant="secondary" busy={props.checking} onClick={props.onCheck}>
            {t("connections.checkNow")}
            {forLabel}
          </Button>
          <Button
            variant={needsReauthorising(connection.status) ? "primary" : "secondary"}
            disabled={props.checking}
            onClick={props.onReauthorise}
          >
            {t("connections.reauthorise")}
            {forLabel}
          </Button>
          <Button variant="link" onClick={props.onStartRename}>
            {t("connections.rename")}
            {forLabel}
          </Button>
          <Button variant="link" disabled={props.checking} onClick={props.onRemove}>
            {t("connections.remove")}
            {forLabel}
          </Button>
        </ButtonGroup>
      )}
    </li>
  );
}

/** How the product gets access: the command a product or IT person runs, ready to copy. */
function ProductUse({ connection, product }: { connection: ConnectionSummary; product: string }) {
  const { t } = useTranslation();
  const command = `hrlink credential get ${connection.id} --json`;
  return (
    <Details summary={t("connections.use.summary", { product })}>
      <p>{t("connections.use.lead", { product })}</p>
      <CopyValue
        value={command}
        labels={{
          copy: t("connections.use.copy"),
          copyLabel: t("connections.use.copyLabel", { label: connection.label }),
          copied: t("connections.use.copied"),
          copyFailed: t("connections.use.copyFailed"),
        }}
      />
      <p>{t("connections.use.refused")}</p>
    </Details>
  );
}

function RenameForm({
  connection,
  busy,
  problem,
  onSubmit,
  onCancel,
}: {
  connection: ConnectionSummary;
  busy: boolean;
  problem: RowProblem | null;
  onSubmit(label: string): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState(connection.label);
  const [error, setError] = useState<LabelError | null>(null);
  const labelError = useLabelErrorText()(error);
  const rendered = problem ? renderProblem(problem, i18n.language) : null;
  const id = `rename-${connection.id}`;
  return (
    <form
      noValidate
      className="connection__rename"
      onSubmit={(event) => {
        event.preventDefault();
        const invalid = validateLabel(label);
        setError(invalid);
        if (!invalid) onSubmit(label.trim());
      }}
    >
      <TextField
        id={id}
        label={t("connections.renameLabel", { label: connection.label })}
        error={labelError ?? (rendered ? `${rendered.message} ${rendered.nextStep}` : null)}
        errorPrefix={t("wizard.errorPrefix")}
        value={label}
        readOnly={busy}
        autoComplete="off"
        spellCheck={false}
        autoFocus
        onChange={(event) => {
          setLabel(event.target.value);
          setError(null);
        }}
      />
      <ButtonGroup>
        <Button type="submit" busy={busy}>
          {t("connections.renameSave")}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onCancel}>
          {t("connections.cancel")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
