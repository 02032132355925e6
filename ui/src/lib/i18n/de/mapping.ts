import type { Translation } from "../en";

export const mapping: Translation["mapping"] = {
  loading: "Standorte, Teams und Rollen aus {{provider}} werden gelesen…",
  failedHeading: "Standorte, Teams und Rollen aus {{provider}} konnten nicht gelesen werden",
  tryAgain: "Erneut versuchen",
  heading: "Wohin gehören Ihre Mitarbeitenden aus {{provider}} in {{product}}?",
  lead: "Wählen Sie für jeden Standort, jedes Team und jede Rolle aus {{provider}}, wohin sie in {{product}} gehören. Vorschläge sind eingetragen: Prüfen Sie sie, bevor Sie fortfahren.",
  mustExistTitle: "Die Kategorien von {{product}} müssen zuerst existieren",
  mustExist:
    "Sie können nur Kategorien wählen, die es in {{product}} schon gibt. Fehlt eine, legen Sie sie in {{product}} an, gehen Sie dann zurück und fahren Sie erneut fort, um sie hier zu sehen.",
  fromSaved: "Ihre Auswahl von der letzten Verbindung ist eingetragen.",
  legend: {
    locations: "Wohin gehören Ihre Standorte aus {{provider}} in {{product}}?",
    areas_of_work: "Zu welchem Arbeitsbereich in {{product}} gehören Ihre Teams aus {{provider}}?",
    roles: "Welche Rolle in {{product}} erhalten Ihre Rollen aus {{provider}}?",
  },
  column: {
    hr: "In {{provider}}",
    people: "Personen",
    product: "In {{product}}",
  },
  notMapped: "Nicht zugeordnet",
  exact: "Gleicher Name",
  suggested: "Vorschlag: bitte prüfen",
  newSince: "Neu seit Ihrer letzten Verbindung",
  tie: "{{product}} hat mehrere mit diesem Namen: Wählen Sie eine.",
  people_one: "{{count, number}} Person",
  people_other: "{{count, number}} Personen",
  unmapped: {
    locations_one: "{{count, number}} Person am Standort {{name}} erhält keinen Standort.",
    locations_other: "{{count, number}} Personen am Standort {{name}} erhalten keinen Standort.",
    areas_of_work_one: "{{count, number}} Person in {{name}} erhält keinen Arbeitsbereich.",
    areas_of_work_other: "{{count, number}} Personen in {{name}} erhalten keinen Arbeitsbereich.",
    roles_one: "{{count, number}} Person mit der Rolle {{name}} erhält keine Rolle.",
    roles_other: "{{count, number}} Personen mit der Rolle {{name}} erhalten keine Rolle.",
    rolesDefault_one:
      "{{count, number}} Person mit der Rolle {{name}} erhält die Standardrolle {{role}}.",
    rolesDefault_other:
      "{{count, number}} Personen mit der Rolle {{name}} erhalten die Standardrolle {{role}}.",
  },
  defaultRole: "Rolle für neue Personen",
  defaultRoleHint:
    "Neue Personen erhalten diese Rolle in {{product}}, sofern keine Zuordnung etwas anderes sagt.",
  noDefaultRole: "Keine Standardrolle",
  continue: "Weiter",
  keeping: "Ihre Auswahl wird übernommen…",
  summary: {
    locations: "Standorte",
    areas_of_work: "Arbeitsbereiche",
    roles: "Rollen",
    defaultRole: "Rolle für neue Personen",
    onto: "{{hr}} → {{product}}",
    none: "Nichts zugeordnet",
    change: "die Zuordnung",
  },
};
