/**
 * The mapping step: for each of the HR system's locations, teams and roles (with how many people
 * are in it), the product category it goes to, pre-filled by the core and marked as a suggestion
 * where only the names suggest it; the default role; and who will be left without a category.
 * Category names are not personal data and people are only counted, so screen-share mode shows
 * the page as it is.
 */

import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Banner, Button, ButtonGroup, ErrorSummary, Spinner, Tag } from "../../components/ui";
import { renderProblem } from "../../lib/i18n";
import type { CategoryKind, ProviderSummary } from "../../lib/ipc/types";
import { BackLink } from "../setup-wizard/BackLink";
import {
  type MappingStage,
  productCategories,
  productName,
  type ShownMapping,
  suggestionMark,
  unmapped,
} from "./machine";
import "./mapping.css";

export interface MappingStepProps {
  provider: ProviderSummary;
  /** The product's name. */
  product: string;
  stage: MappingStage;
  onChoose(kind: CategoryKind, hrId: string, productId: string | null): void;
  onDefaultRole(role: string | null): void;
  onSubmit(): void;
  onTryAgain(): void;
  onBack(): void;
}

/** Shown only when reading takes a while: a product without categories skips the step at once. */
const LOADING_DELAY_MS = 400;

export function MappingStep(props: MappingStepProps) {
  const { stage } = props;
  const keeping = stage.kind === "shown" && stage.keeping;
  return (
    <div className="mapping">
      {stage.kind !== "loading" && <BackLink onClick={props.onBack} disabled={keeping} />}
      {stage.kind === "loading" && <Loading provider={props.provider} />}
      {stage.kind === "failed" && <Failed {...props} problem={stage.problem} />}
      {stage.kind === "shown" && <Shown {...props} stage={stage} />}
    </div>
  );
}

function Loading({ provider }: { provider: ProviderSummary }) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="loading" role="status">
      {visible && (
        <>
          <Spinner /> {t("mapping.loading", { provider: provider.name })}
        </>
      )}
    </div>
  );
}

function Failed(props: MappingStepProps & { problem: Parameters<typeof renderProblem>[0] }) {
  const { t, i18n } = useTranslation();
  const rendered = renderProblem(props.problem, i18n.language);
  return (
    <div>
      <ErrorSummary
        title={t("wizard.errorSummaryTitle")}
        items={[{ text: rendered.message, detail: rendered.nextStep }]}
      />
      <h1 className="heading-l">{t("mapping.failedHeading", { provider: props.provider.name })}</h1>
      <ButtonGroup>
        <Button onClick={props.onTryAgain}>{t("mapping.tryAgain")}</Button>
      </ButtonGroup>
    </div>
  );
}

function Shown(props: MappingStepProps & { stage: ShownMapping }) {
  const { stage, provider, product } = props;
  const { t, i18n } = useTranslation();
  const names = { provider: provider.name, product };
  const problem = stage.problem ? renderProblem(stage.problem, i18n.language) : null;
  const roles = stage.proposal.categories.roles;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {problem && (
        <ErrorSummary
          title={t("wizard.errorSummaryTitle")}
          items={[{ text: problem.message, detail: problem.nextStep }]}
        />
      )}
      <h1 className="heading-l">{t("mapping.heading", names)}</h1>
      <p className="lead">{t("mapping.lead", names)}</p>
      {stage.proposal.from_saved && <p>{t("mapping.fromSaved")}</p>}
      <Banner title={t("mapping.mustExistTitle", names)}>{t("mapping.mustExist", names)}</Banner>
      {stage.proposal.kinds.map(({ kind }) => (
        <KindTable key={kind} {...props} kind={kind} />
      ))}
      {roles.length > 0 && (
        <div className="field">
          <label className="field__label" htmlFor="mapping-default-role">
            {t("mapping.defaultRole")}
          </label>
          <div className="field__hint" id="mapping-default-role-hint">
            {t("mapping.defaultRoleHint", names)}
          </div>
          <select
            id="mapping-default-role"
            className="input mapping__select"
            aria-describedby="mapping-default-role-hint"
            value={stage.defaultRole ?? ""}
            disabled={stage.keeping}
            onChange={(event) => props.onDefaultRole(event.target.value || null)}
          >
            <option value="">{t("mapping.noDefaultRole")}</option>
            {roles.map((role) => (
              <option key={role.id} value={role.id}>
                {role.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <ButtonGroup>
        <Button type="submit" busy={stage.keeping}>
          {stage.keeping ? t("mapping.keeping") : t("mapping.continue")}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** One kind's rows: the HR category, its people, the product category it goes to. */
function KindTable(props: MappingStepProps & { stage: ShownMapping; kind: CategoryKind }) {
  const { stage, kind, provider, product } = props;
  const { t } = useTranslation();
  const names = { provider: provider.name, product };
  const rows = stage.proposal.kinds.find((k) => k.kind === kind)?.rows ?? [];
  const choices = productCategories(stage.proposal, kind);
  const left = unmapped(stage, kind);
  const defaultRole = stage.defaultRole && productName(stage.proposal, "roles", stage.defaultRole);
  const legendId = `mapping-${kind}-legend`;
  return (
    <section className="mapping__kind" aria-labelledby={legendId}>
      <h2 className="heading-m" id={legendId}>
        {t(`mapping.legend.${kind}`, names)}
      </h2>
      <table className="mapping__table">
        <thead>
          <tr>
            <th scope="col">{t("mapping.column.hr", names)}</th>
            <th scope="col" className="mapping__people">
              {t("mapping.column.people")}
            </th>
            <th scope="col">{t("mapping.column.product", names)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const id = `mapping-${kind}-${index}`;
            const chosen = stage.choices[kind][row.category.id];
            const mark = suggestionMark(row, chosen);
            const tie = row.ties.length > 0 && chosen === undefined;
            return (
              <tr key={row.category.id}>
                <th scope="row">
                  <label htmlFor={id}>{row.category.name}</label>
                  {row.new_since_saved && (
                    <span className="mapping__mark">
                      <Tag tone="warning">{t("mapping.newSince")}</Tag>
                    </span>
                  )}
                </th>
                <td className="mapping__people">
                  {t("mapping.people", { count: row.category.people })}
                </td>
                <td>
                  <select
                    id={id}
                    className="input mapping__select"
                    aria-describedby={mark || tie ? `${id}-mark` : undefined}
                    value={chosen ?? ""}
                    disabled={stage.keeping}
                    onChange={(event) =>
                      props.onChoose(kind, row.category.id, event.target.value || null)
                    }
                  >
                    <option value="">{t("mapping.notMapped")}</option>
                    {choices.map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.name}
                      </option>
                    ))}
                  </select>
                  {mark && (
                    <span className="mapping__mark" id={`${id}-mark`}>
                      <Tag tone={mark === "exact" ? "neutral" : "info"}>
                        {t(mark === "exact" ? "mapping.exact" : "mapping.suggested")}
                      </Tag>
                    </span>
                  )}
                  {tie && (
                    <p className="field__hint mapping__tie" id={`${id}-mark`}>
                      {t("mapping.tie", names)}
                    </p>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {left.length > 0 && (
        <ul className="mapping__unmapped" aria-live="polite">
          {left.map((row) => (
            <li key={row.category.id}>
              {kind === "roles" && defaultRole
                ? t("mapping.unmapped.rolesDefault", {
                    count: row.category.people,
                    name: row.category.name,
                    role: defaultRole,
                  })
                : t(`mapping.unmapped.${kind}`, {
                    count: row.category.people,
                    name: row.category.name,
                  })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
