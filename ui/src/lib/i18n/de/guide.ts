import type { Translation } from "../en";

export const guide: Translation["guide"] = {
  caption: "Seite {{screen}} von {{screens}} der Anleitung",
  whereToFind: "Wo finde ich das?",
  stepsLabel: "Schritte",
  copy: "Kopieren",
  copyLabel: "„{{value}}“ kopieren",
  copyScopes: "Alle Scopes kopieren",
  copied: "Kopiert. Fügen Sie es jetzt in {{provider}} ein.",
  copyFailed:
    "Kopieren hat nicht geklappt. Der Text ist markiert: Drücken Sie Strg+C (oder ⌘C), um ihn zu kopieren.",
  alreadyHave: {
    key: "Ich habe schon eine Schlüsseldatei",
    user: "Ich habe schon einen API-Benutzer",
    signIn: "Das habe ich schon erledigt",
  },
  notAdmin: "Ich bin nicht der Administrator",
  demoTitle: "Demo",
  demo: "Die eingebaute Sandbox ahmt {{provider}} nach, deshalb müssen Sie nichts anlegen. Lesen Sie die Schritte, wenn Sie möchten, und wählen Sie dann „{{skip}}“.",
  usernameLabel: "Name des API-Benutzers",
  usernameHint: "Zum Beispiel 49764apihrlink.",
  usernameOk: "Dieser Name passt zur Regel von iPayroll. Kopieren Sie ihn in iPayroll:",
  usernameRule: {
    too_short:
      "Er muss mindestens 13 Zeichen lang sein: Ergänzen Sie nach „api“ mehr vom Namen des Programms.",
    invalid_characters:
      "Verwenden Sie nur Buchstaben und Ziffern: keine Leerzeichen, Bindestriche oder Umlaute.",
    no_org_number: "Beginnen Sie mit Ihrer 5-stelligen Organisationsnummer, zum Beispiel 49764.",
    no_api_infix: "Schreiben Sie nach den 5 Ziffern „api“ in Kleinbuchstaben.",
    no_partner_name: "Ergänzen Sie nach „api“ einen Namen für das Programm, zum Beispiel hrlink.",
    org_number_mismatch: "Beginnen Sie mit der 5-stelligen Nummer Ihrer eigenen Organisation.",
  },
};

export const handoff: Translation["handoff"] = {
  heading: "Schritte für die Administration von {{provider}}",
  intro:
    "Geben Sie diese Schritte der Person, die {{provider}} verwaltet. Sie enthalten keine Passwörter oder Schlüssel. Wenn sie fertig ist, gibt sie Ihnen {{what}}, und Sie machen in HR Link weiter.",
  what: {
    key: "die heruntergeladene Schlüsseldatei",
    user: "Name und Passwort des API-Benutzers",
    signIn: "die Anmeldung, mit der Sie verbinden",
  },
  needsHeading: "Was Sie brauchen",
  permissionsHeading: "Was {{product}} lesen darf",
  print: "Drucken oder als PDF speichern",
  printHint:
    "Wählen Sie im Druckfenster Ihren Drucker oder „Als PDF speichern“, um es per E-Mail zu verschicken.",
  saveFile: "Als Datei speichern",
  saveFileHint:
    "Oder speichern Sie die Schritte als Webseite, die sich in jedem Browser öffnen lässt, um sie per E-Mail zu verschicken.",
  saved: "Gespeichert. Sie können die Datei an die Person schicken, die {{provider}} verwaltet.",
};

export { default as providerGuide } from "../../../../../crates/hrlink-core/messages/guide.de.json";
