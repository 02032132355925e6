import type { Translation } from "../en";

export const connections: Translation["connections"] = {
  heading: "Ihre Verbindungen",
  lead: "HR Link prüft jede Verbindung, wenn Sie diese Seite öffnen.",
  empty: "Sie haben noch kein HR-System verbunden.",
  emptyAction: "System verbinden",
  setAside_one:
    "{{count}} gespeicherte Verbindungsdatei konnte nicht gelesen werden und wurde beiseitegelegt. Sie wurde aufbewahrt, nicht gelöscht: Wenden Sie sich an den Support, falls eine Verbindung fehlt.",
  setAside_other:
    "{{count}} gespeicherte Verbindungsdateien konnten nicht gelesen werden und wurden beiseitegelegt. Sie wurden aufbewahrt, nicht gelöscht: Wenden Sie sich an den Support, falls eine Verbindung fehlt.",
  setAsideTitle: "Einige Verbindungen konnten nicht gelesen werden",
  loadFailed: "Ihre Verbindungen konnten nicht geladen werden",
  listLabel: "Gespeicherte Verbindungen",
  system: "HR-System",
  company: "Firma",
  key: "Schlüssel",
  user: "API-Benutzer",
  signIn: "Anmeldung",
  lastUsedBy: "Zuletzt verwendet von {{by}}, {{when}}",
  lastUsed: "Zuletzt verwendet {{when}}",
  use: {
    summary: "So verwendet {{product}} diese Verbindung",
    lead: "{{product}} fragt HR Link jedes Mal, wenn es Daten braucht, nach einem kurzlebigen Zugang; das Geheimnis bleibt im Schlüsselbund dieses Computers. Ein Programm oder die IT auf diesem Computer führt aus:",
    copy: "Kopieren",
    copyLabel: "Befehl für {{label}} kopieren",
    copied: "Kopiert.",
    copyFailed:
      "Kopieren nicht möglich. Der Befehl ist markiert: Drücken Sie Strg+C, um ihn zu kopieren.",
    refused:
      "Akzeptiert das HR-System die Verbindung nicht mehr, meldet der Befehl das und diese Karte zeigt „Anmeldung abgelehnt“: Autorisieren Sie sie dann hier neu.",
  },
  lastWorked: "Zuletzt funktioniert",
  neverWorked: "Seit dem Speichern nicht",
  signedIn: "Über Ihren Browser",
  chosen: "Zusätzlich freigegeben",
  chosenNone: "Nur das Nötige",
  warning: "Zur Beachtung:",
  checking: "Wird geprüft …",
  progress: "{{done}} von {{total}} Verbindungen geprüft",
  status: {
    connected: "Verbunden",
    failed_auth: "Anmeldung abgelehnt",
    missing_permission: "Berechtigung fehlt",
    unreachable: "Nicht erreichbar",
    vault_locked: "Schlüsselbund gesperrt",
  },
  checkNow: "Jetzt prüfen",
  reauthorise: "Neu autorisieren",
  rename: "Umbenennen",
  remove: "Entfernen",
  renameLabel: "Neuer Name für {{label}}",
  renameSave: "Namen speichern",
  cancel: "Abbrechen",
  renamed: "Umbenannt in {{label}}.",
  removed: "{{label}} wurde entfernt.",
  done: "Fertig",
  removeConfirm: {
    heading: "{{label}} entfernen?",
    lead: "HR Link löscht auf diesem Computer:",
    secret: "das im Schlüsselbund gespeicherte Geheimnis",
    profile: "die Angaben zur Verbindung in HR Link (Name, System und Firma)",
    notThere:
      "In {{provider}} wird dabei nichts gelöscht. Um den Zugang auch dort zu beenden: {{how}}",
    how: {
      other:
        "Löschen Sie in {{provider}} den Schlüssel oder Benutzer, den Sie für HR Link angelegt haben.",
    },
    confirm: "Ja, entfernen",
    cancel: "Nein, behalten",
  },
};
