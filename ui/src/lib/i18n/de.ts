import type { Translation } from "./en";

/** German UI strings (formal "Sie", like the shared message catalogue). */
export const de: Translation = {
  app: {
    name: "HR Link",
    skipLink: "Zum Inhalt springen",
    language: "Sprache",
    supportMode: "Bildschirmfreigabe-Modus",
    supportModeHint: "Schlüssel bleiben verborgen, während Sie Ihren Bildschirm teilen.",
    loading: "Wird geladen …",
    loadFailedTitle: "HR Link konnte nicht starten",
    loadFailedBody:
      "Schließen Sie HR Link und öffnen Sie es erneut. Wenn das wieder passiert, wenden Sie sich an den Support.",
    version: "HR Link {{version}}",
    documentTitle: "{{page}} – HR Link",
  },
  demo: {
    title: "Demo-Modus",
    body: "HR Link verwendet seine eingebaute Sandbox, die jedes HR-System mit erfundenen Daten nachahmt. Es wird nichts Echtes verändert.",
  },
  wizard: {
    stepOf: "Schritt {{step}} von {{total}}",
    back: "Zurück",
    continue: "Weiter",
    errorPrefix: "Fehler:",
    errorSummaryTitle: "Es gibt ein Problem",
  },
  choose: {
    heading: "Welches HR-System verwenden Sie?",
    hint: "HR Link verbindet sich damit und prüft, ob die Verbindung funktioniert, bevor etwas gespeichert wird.",
    comingSoon: "Bald verfügbar",
    errorRequired: "Wählen Sie das HR-System, das Sie verwenden",
  },
  credentials: {
    heading: "Welchen {{provider}}-Schlüssel soll HR Link verwenden?",
    intro:
      "{{provider}} gibt jedem angebundenen Programm einen eigenen Schlüssel. Er kommt als kleine Textdatei mit zwei Zeilen: Access Key und Secret Access Key.",
    howTo: {
      summary: "Wie bekomme ich die Schlüsseldatei?",
      step1:
        "Melden Sie sich als Administrator bei HRworks an und öffnen Sie die Administrationsoberfläche.",
      step2: "Gehen Sie zu Basics > Integrationen > HR WORKS-API.",
      step3:
        "Legen Sie ein Schlüsselpaar für HR Link an oder wählen Sie das vorhandene. Setzen Sie unten auf der Seite die Häkchen bei den Berechtigungen, die HR Link braucht: „persons“ und „persons.master-data“ („organization-units“ ist optional). Klicken Sie dann auf Speichern.",
      step4:
        "Klicken Sie neben dem Schlüsselpaar auf Download. HRworks speichert eine kleine .txt-Datei, meist im Ordner Downloads.",
    },
    fileLabel: "Die heruntergeladene Schlüsseldatei",
    chooseFile: "Heruntergeladene Schlüsseldatei wählen …",
    dropHint: "Oder ziehen Sie die Schlüsseldatei hierher",
    dropActive: "Schlüsseldatei loslassen, um sie zu laden",
    pasteLabel: "Oder fügen Sie die zwei Zeilen der Schlüsseldatei ein",
    pasteHint:
      "Kopieren Sie beide Zeilen aus der Datei und fügen Sie sie hier ein. Sie bleiben auf dem Bildschirm verborgen.",
    show: "Anzeigen",
    hide: "Verbergen",
    showLabel: "Schlüssel anzeigen",
    hideLabel: "Schlüssel verbergen",
    nowVisible: "Der Schlüssel ist auf dem Bildschirm sichtbar",
    nowHidden: "Der Schlüssel ist verborgen",
    staging: "Schlüssel wird gelesen …",
    loadedTitle: "Schlüsseldatei geladen",
    loadedBody: "Access Key {{hint}}",
    useDifferent: "Anderen Schlüssel verwenden",
    errorEmpty:
      "Wählen Sie die heruntergeladene Schlüsseldatei oder fügen Sie ihre zwei Zeilen ein",
    sandbox: {
      summary: "Mit dem Test-Schlüssel der Sandbox ausprobieren",
      body: "Die Sandbox akzeptiert diesen erfundenen Schlüssel. Kopieren Sie ihn und fügen Sie ihn unten ein.",
      copy: "Test-Schlüssel kopieren",
      copied: "Kopiert. Fügen Sie ihn jetzt unten ein.",
      copyFailed: "Kopieren ging nicht. Markieren Sie die zwei Zeilen und kopieren Sie sie selbst.",
    },
  },
  verify: {
    heading: "Die Verbindung zu {{provider}} wird geprüft",
    intro:
      "HR Link stellt {{provider}} mit Ihrem Schlüssel ein paar Fragen. Das dauert meist nur wenige Sekunden.",
    listLabel: "Prüfungen",
    step: {
      authenticate: "Anmelden",
      account: "Ihre Organisation finden",
      permission: "Berechtigung prüfen: {{name}}",
      people: "Personen zählen",
    },
    state: {
      pending: "Wartet",
      running: "Läuft",
      done: "Erledigt",
      failed: "Hat nicht geklappt",
    },
  },
  result: {
    okHeading: "Verbunden mit {{company}} – ist das die richtige Firma?",
    okLead:
      "HR Link hat sich mit Ihrem Schlüssel bei {{provider}} angemeldet und diese Firma erreicht. Wenn das nicht die Firma ist, die Sie verbinden möchten, verwenden Sie den Schlüssel der richtigen Firma.",
    problemHeading: "HR Link konnte keine Verbindung zu {{provider}} herstellen",
    problemHeadingConnected: "Verbunden mit {{company}}, aber etwas muss noch behoben werden",
    problemLead:
      "Es wurde nichts gespeichert. Beheben Sie das Problem und versuchen Sie es dann erneut.",
    company: "Firma",
    companyNumber: "Nummer in {{provider}}",
    people: "Personen, die HR Link sehen kann",
    peopleCount_one: "{{count}} Person",
    peopleCount_other: "{{count}} Personen",
    peopleUnknown: "Konnten nicht gezählt werden",
    permissionsHeading: "Was HR Link in {{provider}} sehen darf",
    permissionsCaption: "Berechtigungen Ihres Schlüssels",
    columnPermission: "Berechtigung",
    columnNeeded: "Nötig",
    columnStatus: "Status",
    required: "Erforderlich",
    optional: "Optional",
    status: {
      granted: "Erteilt",
      missing: "Fehlt",
      unknown: "Nicht prüfbar",
    },
    unknownNote: "{{provider}} hat hierauf nicht geantwortet. Versuchen Sie es später erneut.",
    tryAgain: "Erneut versuchen",
    useDifferent: "Anderen Schlüssel verwenden",
    notRightCompany: "Nein, anderen Schlüssel verwenden",
  },
  permissions: {
    persons: "Sehen, wer bei Ihnen arbeitet (Namen und Personalnummern)",
    persons_master_data:
      "Stammdaten der Personen lesen (E-Mail, Position, Ein- und Austrittsdatum)",
    organization_units: "Ihre Abteilungen sehen",
    absences: "Abwesenheiten lesen",
  },
  permissionFix: {
    hrworks:
      "Gehen Sie in HRworks zu Basics > Integrationen > HR WORKS-API, wählen Sie den Schlüssel, setzen Sie unten auf der Seite das Häkchen bei „{{id}}“ und klicken Sie auf Speichern. Wählen Sie dann „Erneut versuchen“.",
    other:
      "Erteilen Sie dem Schlüssel diese Berechtigung in {{provider}} und wählen Sie dann „Erneut versuchen“.",
  },
  problem: {
    genericMessage: "Etwas ist schiefgelaufen, wofür HR Link keine Meldung hat (Code {{code}}).",
    genericNextStep:
      "Versuchen Sie es erneut. Wenn es wieder passiert, wenden Sie sich an den Support und nennen Sie den Code {{code}}.",
    accessKey: "Access Key",
    secretAccessKey: "Secret Access Key",
  },
};
