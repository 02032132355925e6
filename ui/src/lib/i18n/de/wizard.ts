import type { Translation } from "../en";

export const wizard: Translation["wizard"] = {
  stepOf: "Schritt {{step}} von {{total}}",
  back: "Zurück",
  continue: "Weiter",
  errorPrefix: "Fehler:",
  errorSummaryTitle: "Es gibt ein Problem",
};

export const choose: Translation["choose"] = {
  heading: "Welches HR-System verwenden Sie?",
  hint: "HR Link verbindet sich damit und prüft, ob die Verbindung funktioniert, bevor etwas gespeichert wird.",
  comingSoon: "Bald verfügbar",
  errorRequired: "Wählen Sie das HR-System, das Sie verwenden",
  searchLabel: "Nach Ihrem HR-System suchen",
  searchHint: "Geben Sie einen Teil des Namens oder das Land ein.",
  noMatch: "Kein HR-System passt zu „{{query}}“. Leeren Sie die Suche, um alle zu sehen.",
};

export const scopes: Translation["scopes"] = {
  heading: "Was darf {{product}} in {{provider}} lesen?",
  intro:
    "Eine Berechtigung erlaubt {{product}}, eine Art von Daten in {{provider}} zu lesen. Sie erteilen diese Berechtigungen im nächsten Schritt in {{provider}}; HR Link prüft danach, ob sie erteilt wurden.",
  requiredLegend: "Erforderlich: wird immer freigegeben",
  requiredHint: "Ohne diese kann {{product}} nicht arbeiten.",
  optionalLegend: "Sie können außerdem freigeben",
  optionalHint: "Setzen Sie nur dort ein Häkchen, wo {{product}} die Daten nutzen soll.",
  requiredTag: "Erforderlich",
  systemName: "Heißt in {{provider}} „{{id}}“.",
};
