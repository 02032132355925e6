import type { Translation } from "../en";

export const apiKey: Translation["apiKey"] = {
  heading: "Welchen {{provider}}-API-Schlüssel soll HR Link verwenden?",
  intro:
    "{{provider}} gibt jedem Benutzer einen API-Schlüssel. HR Link liest damit Ihre Mitarbeitenden; er reicht in jedes Unternehmen, das Ihr Benutzer öffnen kann.",
  howToSummary: "Wo finde ich den API-Schlüssel?",
  regionLegend: "Wo läuft Ihr {{provider}}?",
  regionHint:
    "Jede Region ist ein eigenes {{provider}}: Der Schlüssel funktioniert nur in der Region, die ihn erstellt hat.",
  regionError: "Wählen Sie, wo Ihr {{provider}} läuft",
  keyLabel: "Der API-Schlüssel",
  keyHint:
    "Kopieren Sie ihn unter My Account und fügen Sie ihn hier ein. Er bleibt auf dem Bildschirm verborgen.",
  keyEnd: "Der Schlüssel endet auf {{end}}.",
  errorEmpty: "Fügen Sie den API-Schlüssel aus My Account ein",
  loadedTitle: "API-Schlüssel eingegeben",
  loadedBody: "Schlüssel {{hint}}, Region {{region}}",
  useDifferent: "Anderen API-Schlüssel verwenden",
  alreadyHave: "Ich habe schon einen API-Schlüssel",
  handoffWhat: "den API-Schlüssel und seine Region",
  sandbox: {
    summary: "Mit dem Sandbox-Testschlüssel ausprobieren",
    body: "Die Sandbox nimmt diesen erfundenen Schlüssel für ihr neuseeländisches Unternehmen an. Wählen Sie Neuseeland, kopieren Sie dann den Schlüssel und fügen Sie ihn unten ein.",
    copy: "Testschlüssel kopieren",
    copied: "Kopiert. Fügen Sie ihn jetzt unten ein.",
    copyFailed: "Kopieren ging nicht. Markieren Sie den Schlüssel und kopieren Sie ihn selbst.",
  },
  chooseHeading: "{{provider}}-Schlüssel geprüft: Für welches Unternehmen ist das?",
  chooseLead:
    "Noch ist nichts gespeichert. Wählen Sie unten das Unternehmen, dann prüft HR Link es.",
  businesses: {
    loading: "HR Link sucht die Unternehmen, die dieser {{provider}}-Schlüssel erreicht …",
    legend: "Für welches {{provider}}-Unternehmen ist diese Verbindung?",
    hint: "Ihr API-Schlüssel erreicht mehr als ein Unternehmen. Wählen Sie das, dessen Mitarbeitende HR Link sehen soll.",
    errorRequired: "Wählen Sie das Unternehmen für diese Verbindung",
    check: "Dieses Unternehmen prüfen",
  },
};
