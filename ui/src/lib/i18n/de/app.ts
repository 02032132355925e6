import type { Translation } from "../en";

export const app: Translation["app"] = {
  name: "HR Link",
  skipLink: "Zum Inhalt springen",
  language: "Sprache",
  supportMode: "Bildschirmfreigabe-Modus",
  supportModeHint: "Verbirgt Schlüssel, Namen und E-Mail-Adressen.",
  supportModeOn: "Ein",
  supportModeOff: "Aus",
  turnOffTitle: "Bildschirmfreigabe-Modus ausschalten?",
  turnOffBody:
    "Namen, E-Mail-Adressen und die letzten Zeichen von Schlüsseln sind dann für alle sichtbar, die Ihren Bildschirm sehen.",
  turnOffCancel: "Abbrechen",
  turnOffConfirm: "Ausschalten",
  loading: "Wird geladen …",
  loadFailedTitle: "HR Link konnte nicht starten",
  loadFailedBody:
    "Schließen Sie HR Link und öffnen Sie es erneut. Wenn das wieder passiert, wenden Sie sich an den Support.",
  version: "HR Link {{version}}",
  documentTitle: "{{page}} – HR Link",
};

export const resume: Translation["resume"] = {
  heading: "Dort weitermachen, wo Sie aufgehört haben?",
  intro:
    "Sie hatten begonnen, {{provider}} zu verbinden, und sind noch nicht fertig. HR Link hat sich gemerkt, wie weit Sie gekommen sind – aber nichts Geheimes: keinen Schlüssel, kein Passwort und keine Anmeldung.",
  reauthoriseIntro:
    "Sie hatten begonnen, „{{label}}“ ({{provider}}) neu zu verbinden, und sind noch nicht fertig. HR Link hat sich gemerkt, wie weit Sie gekommen sind – aber nichts Geheimes: keinen Schlüssel, kein Passwort und keine Anmeldung.",
  reached: "Sie waren zuletzt hier: {{step}}.",
  steps: {
    scopes: "Auswahl, was geteilt wird",
    guide: "API-Benutzer oder Schlüssel anlegen",
    credentials: "Schlüssel oder Zugangsdaten übergeben",
    verification: "Verbindung prüfen",
  },
  continue: "Einrichtung von {{provider}} fortsetzen",
  startAgain: "Neu beginnen",
  keyNotKept:
    "Willkommen zurück. Zu Ihrer Sicherheit hat HR Link Ihren Schlüssel, Ihr Passwort und Ihre Anmeldung beim Schließen bewusst nicht gespeichert. Bitte fügen Sie den Schlüssel erneut ein oder melden Sie sich erneut an, um fortzufahren.",
};

export const support: Translation["support"] = {
  code: "Support-Code",
  codeHint:
    "Nennen Sie diesen Code Ihrem Support-Kontakt, damit er Ihre Diagnosedaten zuordnen kann.",
  copyDiagnostics: "Diagnosedaten kopieren",
  copied: "Diagnosedaten kopiert. Fügen Sie sie in Ihre Nachricht an den Support ein.",
  copyFailed:
    "Das Kopieren hat nicht funktioniert. Die Diagnosedaten sind unten markiert: Kopieren Sie sie mit Strg+C.",
  diagnosticsLabel: "Diagnosedaten für den Support",
  about:
    "Die Diagnosedaten enthalten keine Schlüssel, Passwörter oder personenbezogenen Daten: was zuletzt geschah und die letzten Zeilen des Protokolls von HR Link.",
};

export const demo: Translation["demo"] = {
  title: "Demo-Modus",
  body: "Erfundene Daten aus der eingebauten Sandbox. Es wird nichts Echtes verändert.",
};

export const nav: Translation["nav"] = {
  label: "Hauptnavigation",
  connections: "Ihre Verbindungen",
  connect: "System verbinden",
};

export const problem: Translation["problem"] = {
  genericMessage: "Etwas ist schiefgelaufen, wofür HR Link keine Meldung hat (Code {{code}}).",
  genericNextStep:
    "Versuchen Sie es erneut. Wenn es wieder passiert, wenden Sie sich an den Support und nennen Sie den Code {{code}}.",
  accessKey: "Access Key",
  secretAccessKey: "Secret Access Key",
};
