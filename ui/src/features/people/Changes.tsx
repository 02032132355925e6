/** Re-authorising: who joined, left or changed since the people were last confirmed. */

import { useTranslation } from "react-i18next";
import { Banner } from "../../components/ui";
import { dateLocale, renderProblem } from "../../lib/i18n";
import type { Field, PersonView, ProviderSummary } from "../../lib/ipc/types";
import type { ChangesView } from "./machine";

const CHANGES_SHOWN = 50;

/** Re-authorising: who joined, left, stopped working or changed since the last confirmation. */
export function Changes({ view, provider }: { view: ChangesView; provider: ProviderSummary }) {
  const { t, i18n } = useTranslation();
  if (view.kind === "none") return null;
  if (view.kind === "loading") {
    return (
      <p className="people-changes__loading" role="status">
        {t("people.changes.loading")}
      </p>
    );
  }
  if (view.kind === "unreadable") {
    const rendered = renderProblem(view.problem, i18n.language);
    return (
      <Banner title={t("people.changes.unreadableTitle")} tone="warning">
        {rendered.message} {rendered.nextStep}
      </Banner>
    );
  }
  const { changes } = view;
  const day = (seconds: number) =>
    new Intl.DateTimeFormat(dateLocale(i18n.language), { day: "numeric", month: "long" }).format(
      new Date(seconds * 1000),
    );
  const since = day(changes.confirmed_at);
  const parts = (["joined", "left", "terminated", "changed"] as const)
    .filter((list) => changes[list].length > 0)
    .map((list) => t(`people.changes.${list}`, { count: changes[list].length }));
  const lists: { key: "joined" | "left" | "terminated"; people: PersonView[] }[] = [
    { key: "joined", people: changes.joined },
    { key: "left", people: changes.left },
    { key: "terminated", people: changes.terminated },
  ];
  return (
    <section aria-labelledby="changes-heading" className="people-changes">
      <h2 className="heading-m" id="changes-heading">
        {t("people.changes.heading")}
      </h2>
      <p className="people-changes__summary">
        {parts.length === 0
          ? t("people.changes.nothing", { date: since })
          : t("people.changes.summary", { date: since, parts: parts.join(", ") })}
        {changes.broken_since !== null &&
          ` ${t("people.changes.brokenSince", { date: day(changes.broken_since) })}`}
      </p>
      {lists.map(
        ({ key, people }) =>
          people.length > 0 && (
            <div key={key} className="people-changes__group" data-changes={key}>
              <h3 className="heading-s">
                {t(`people.changes.${key}Heading`, { provider: provider.name })}
              </h3>
              <ChangeList items={people.map((person) => ({ person }))} />
            </div>
          ),
      )}
      {changes.changed.length > 0 && (
        <div className="people-changes__group" data-changes="changed">
          <h3 className="heading-s">{t("people.changes.changedHeading")}</h3>
          <ChangeList items={changes.changed} />
        </div>
      )}
    </section>
  );
}

function ChangeList({ items }: { items: { person: PersonView; fields?: Field[] }[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ul className="people-changes__list">
        {items.slice(0, CHANGES_SHOWN).map(({ person, fields }, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed once shown; names repeat
          <li key={index}>
            {person.name}
            {fields && fields.length > 0 && (
              <span className="people-changes__fields">
                {" "}
                ({fields.map((field) => t(`people.field.${field}`)).join(", ")})
              </span>
            )}
          </li>
        ))}
      </ul>
      {items.length > CHANGES_SHOWN && (
        <p>{t("people.changes.more", { count: items.length - CHANGES_SHOWN })}</p>
      )}
    </>
  );
}
