import providerGuide from "../../../../crates/hrlink-core/messages/guide.de.json";
import type { Translation } from "./en";
import { type ProviderTextFile, providerTexts } from "./providerTexts";

/** German UI strings (formal "Sie", like the shared message catalogue). */
const providers = providerTexts(
  import.meta.glob<ProviderTextFile>(
    "../../../../crates/hrlink-core/messages/providers/*.de.json",
    {
      eager: true,
      import: "default",
    },
  ),
);

export const de: Translation = {
  app: {
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
  },
  resume: {
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
  },
  support: {
    code: "Support-Code",
    codeHint:
      "Nennen Sie diesen Code Ihrem Support-Kontakt, damit er Ihre Diagnosedaten zuordnen kann.",
    copyDiagnostics: "Diagnosedaten kopieren",
    copied: "Diagnosedaten kopiert. Fügen Sie sie in Ihre Nachricht an den Support ein.",
    copyFailed:
      "Das Kopieren hat nicht funktioniert. Die Diagnosedaten sind unten markiert: Kopieren Sie sie mit Strg+C.",
    diagnosticsLabel: "Diagnosedaten für den Support",
    about: "Die Diagnosedaten enthalten keine Schlüssel, Passwörter oder personenbezogenen Daten.",
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
    searchLabel: "Nach Ihrem HR-System suchen",
    searchHint: "Geben Sie einen Teil des Namens oder das Land ein.",
    noMatch: "Kein HR-System passt zu „{{query}}“. Leeren Sie die Suche, um alle zu sehen.",
  },
  scopes: {
    heading: "Was darf {{product}} in {{provider}} lesen?",
    intro:
      "Eine Berechtigung erlaubt {{product}}, eine Art von Daten in {{provider}} zu lesen. Sie erteilen diese Berechtigungen im nächsten Schritt in {{provider}}; HR Link prüft danach, ob sie erteilt wurden.",
    requiredLegend: "Nötig: wird immer freigegeben",
    requiredHint: "Ohne diese kann {{product}} nicht arbeiten.",
    optionalLegend: "Sie können außerdem freigeben",
    optionalHint: "Setzen Sie nur dort ein Häkchen, wo {{product}} die Daten nutzen soll.",
    requiredTag: "Nötig",
    systemName: "Heißt in {{provider}} „{{id}}“.",
  },
  guide: {
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
  },
  handoff: {
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
  iris: {
    heading: "Welchen IRIS-API-Benutzer soll HR Link verwenden?",
    intro:
      "Ein API-Benutzer ist ein besonderer Benutzer in IRIS HR Professional, über den ein anderes Programm wie HR Link Ihre Personaldaten lesen darf. IRIS erzeugt seinen Benutzernamen und sein Passwort für Sie.",
    howTo: {
      summary: "Wie lege ich einen API-Benutzer an?",
      step1: "Melden Sie sich als Administrator bei IRIS HR Professional an.",
      step2:
        "Schalten Sie das API-Modul ein: Gehen Sie zu System Tools > Utilities > Tools > System Configuration > Modules, setzen Sie das Häkchen bei API und klicken Sie auf Save. Fehlt API dort oder lässt es sich nicht anhaken, bitten Sie den IRIS-Support, es einzuschalten.",
      step3:
        "Gehen Sie zu System Tools > Utilities > Company > API Users und klicken Sie auf Create User. Geben Sie ihm einen Namen, der sagt, wofür er ist, etwa „HR Link“, und setzen Sie das Häkchen bei Active.",
      step4:
        "IRIS zeigt den Benutzernamen und das Passwort an. Das Passwort wird nur einmal angezeigt: Lassen Sie IRIS geöffnet und kopieren Sie jetzt beides in die Felder unten.",
      limit:
        "In IRIS können höchstens 10 API-Benutzer gleichzeitig aktiv sein. Haben Sie schon 10, entfernen Sie das Häkchen bei Active bei einem, der nicht mehr gebraucht wird.",
    },
    provisional:
      "IRIS hat die Details seiner Verbindung für andere Programme noch nicht veröffentlicht, daher prüft HR Link sie so, wie IRIS voraussichtlich arbeitet, und diese Prüfung kann sich ändern, sobald IRIS sie veröffentlicht.",
    usernameLabel: "Benutzername",
    usernameHint:
      "Sie können Benutzername und Passwort zusammen hier einfügen: HR Link setzt beides in das jeweils richtige Feld.",
    passwordLabel: "Passwort",
    passwordHint: "Es bleibt auf dem Bildschirm verborgen.",
    showLabel: "Passwort anzeigen",
    hideLabel: "Passwort verbergen",
    nowVisible: "Das Passwort ist auf dem Bildschirm sichtbar",
    nowHidden: "Das Passwort ist verborgen",
    pasted: "Benutzername und Passwort wurden in ihre Felder gesetzt.",
    errorUsername: "Geben Sie den Benutzernamen des API-Benutzers ein",
    errorPassword: "Geben Sie das Passwort des API-Benutzers ein",
    staging: "Angaben werden gelesen …",
    loadedTitle: "API-Benutzer eingegeben",
    loadedBody: "Benutzername {{hint}}",
    useDifferent: "Anderen API-Benutzer verwenden",
  },
  signIn: {
    heading: "Melden Sie sich in Ihrem Browser bei {{provider}} an",
    intro:
      "HR Link verbindet sich über die eigene Anmeldeseite von {{provider}}, daher sieht HR Link Ihr Passwort nie.",
    whatHappens: "So geht es weiter",
    step1: "HR Link öffnet die Anmeldeseite von {{provider}} in Ihrem Webbrowser.",
    step2: "Sie melden sich dort an und erlauben HR Link den Zugriff.",
    step2ChooseOrganisation:
      "Sie melden sich dort an, wählen die Organisation, die verbunden werden soll, und erlauben HR Link den Zugriff.",
    step3: "Sie kehren zu diesem Fenster zurück, und HR Link prüft die Verbindung.",
    beforeYouStart: "Bevor Sie beginnen",
    ipayrollApiUser:
      "Melden Sie sich als API-Benutzer an, nicht als Hauptbenutzer. Der API-Benutzer ist die iPayroll-Anmeldung, die Ihr Hauptbenutzer für angebundene Programme angelegt hat; sein Benutzername beginnt mit Ihrer Organisationsnummer und „api“, zum Beispiel 49764apihrlink.",
    ipayrollSignOut:
      "Ist dieser Browser bereits bei iPayroll angemeldet, melden Sie sich dort zuerst ab. Sonst verbindet iPayroll womöglich die falsche Organisation.",
    employmentheroOrganisation:
      "Wählen Sie auf der Seite von Employment Hero die Organisation, die Sie verbinden möchten.",
    employmentheroDedicatedUser:
      "Wir empfehlen, sich mit einem eigenen Employment-Hero-Benutzer nur für HR Link mit vollen Berechtigungen anzumelden, damit die Verbindung weiter funktioniert, wenn jemand das Unternehmen verlässt.",
    button: "Mit {{provider}} anmelden",
    tryAgain: "Erneut versuchen",
    stopped: "Anmeldung abgebrochen. Sie können sie erneut starten.",
    loadedTitle: "Bei {{provider}} angemeldet",
    loadedBody: "HR Link prüft diese Anmeldung als Nächstes.",
    signInAgain: "Erneut anmelden",
  },
  waiting: {
    heading: "Schließen Sie die Anmeldung bei {{provider}} in Ihrem Browser ab",
    status: "HR Link wartet, bis Sie im Browser fertig sind …",
    body: "HR Link hat die Anmeldeseite von {{provider}} in Ihrem Webbrowser geöffnet. Wenn Sie sie nicht sehen, suchen Sie nach einem neuen Browserfenster oder Tab.",
    timeout: "HR Link wartet höchstens 5 Minuten.",
    cancel: "Abbrechen",
    closedBrowser: "Ich habe den Browser geschlossen",
  },
  sandboxLogin: {
    summary: "Mit dem Test-Benutzer der Sandbox ausprobieren",
    bodyIris: "Die Sandbox akzeptiert diesen erfundenen API-Benutzer.",
    bodySignIn:
      "Die Anmeldeseite der Sandbox für {{provider}} akzeptiert diesen erfundenen Benutzer: Kopieren Sie ihn in diese Seite.",
    username: "Benutzername",
    password: "Passwort",
    copy: "Kopieren",
    copyUsername: "Kopieren: Benutzername",
    copyPassword: "Kopieren: Passwort",
    copyBoth: "Beides kopieren",
    fill: "Für mich ausfüllen",
    copied: "Kopiert.",
    copyFailed: "Kopieren ging nicht. Markieren Sie den Text und kopieren Sie ihn selbst.",
    filled: "Ausgefüllt. Wählen Sie jetzt „Weiter“.",
  },
  verify: {
    heading: "Die Verbindung zu {{provider}} wird geprüft",
    intro:
      "HR Link stellt {{provider}} mit Ihrem Schlüssel ein paar Fragen. Das dauert meist nur wenige Sekunden.",
    introUser:
      "HR Link stellt {{provider}} als Ihr API-Benutzer ein paar Fragen. Das dauert meist nur wenige Sekunden.",
    introSignIn:
      "HR Link stellt {{provider}} mit Ihrer Anmeldung ein paar Fragen. Das dauert meist nur wenige Sekunden.",
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
    okHeadingOrganisation: "Verbunden mit {{company}} – ist das die richtige Organisation?",
    ipayrollOrganisation: "der iPayroll-Organisation {{number}}",
    okLeadUser:
      "HR Link hat sich als Ihr API-Benutzer bei {{provider}} angemeldet und diese Firma erreicht. Wenn das nicht die Firma ist, die Sie verbinden möchten, verwenden Sie einen API-Benutzer der richtigen Firma.",
    okLeadIpayroll:
      "HR Link hat sich bei iPayroll angemeldet und diese Organisation erreicht. Wenn es nicht die ist, die Sie verbinden möchten, melden Sie sich in Ihrem Browser bei iPayroll ab und dann als API-Benutzer der richtigen Organisation erneut an.",
    okLeadEmploymenthero:
      "HR Link hat sich bei Employment Hero angemeldet und diese Organisation erreicht. Wenn es nicht die ist, die Sie verbinden möchten, melden Sie sich erneut an und wählen Sie auf der Seite von Employment Hero die richtige Organisation.",
    okLead:
      "HR Link hat sich mit Ihrem Schlüssel bei {{provider}} angemeldet und diese Firma erreicht. Wenn das nicht die Firma ist, die Sie verbinden möchten, verwenden Sie den Schlüssel der richtigen Firma.",
    problemHeading: "HR Link konnte keine Verbindung zu {{provider}} herstellen",
    problemHeadingConnected: "Verbunden mit {{company}}, aber etwas muss noch behoben werden",
    chooseHeading: "Bei {{provider}} angemeldet: Für welche Organisation ist die Verbindung?",
    problemHeadingSignedIn: "Bei {{provider}} angemeldet, aber etwas muss noch behoben werden",
    problemLead:
      "Es wurde nichts gespeichert. Beheben Sie das Problem und versuchen Sie es dann erneut.",
    problemLeadChoose:
      "Es wurde nichts gespeichert. Wählen Sie unten die Organisation, dann prüft HR Link sie.",
    problemLeadSignIn:
      "Es wurde nichts gespeichert. Beheben Sie das Problem und melden Sie sich dann erneut an.",
    problemLeadOther:
      "Es wurde nichts gespeichert. Beheben Sie das Problem und geben Sie Ihre Angaben dann erneut ein.",
    permissionNextStepSignIn:
      "Erteilen Sie sie wie daneben beschrieben und wählen Sie dann „Erneut anmelden“.",
    company: "Firma",
    organisation: "Organisation",
    companyNumber: "Nummer in {{provider}}",
    organisationNumber: "Organisationsnummer",
    organisationId: "ID in {{provider}}",
    people: "Aktive Personen, die HR Link sehen kann",
    peopleCount_one: "{{count}} aktive Person",
    peopleCount_other: "{{count}} aktive Personen",
    peopleUnknown: "Konnten nicht gezählt werden",
    permissionsHeading: "Was HR Link in {{provider}} sehen darf",
    permissionsCaption: "Berechtigungen Ihres Schlüssels",
    permissionsCaptionUser: "Berechtigungen Ihres API-Benutzers",
    permissionsCaptionSignIn: "Berechtigungen Ihrer Anmeldung",
    columnPermission: "Berechtigung",
    columnNeeded: "Nötig",
    columnStatus: "Status",
    required: "Erforderlich",
    chosen: "Von Ihnen gewählt",
    beyondHeading: "{{provider}} gibt HR Link mehr frei, als Sie teilen wollten",
    beyondLead:
      "Sie müssen nichts beheben: Die Verbindung funktioniert so, und HR Link liest nur, was Sie ausgewählt haben. Wenn Sie lieber weniger teilen möchten, entziehen Sie in {{provider}} diese Berechtigungen:",
    status: {
      granted: "Erteilt",
      missing: "Fehlt",
      unknown: "Nicht prüfbar",
    },
    unknownNote: "{{provider}} hat hierauf nicht geantwortet. Versuchen Sie es später erneut.",
    tryAgain: "Erneut versuchen",
    useDifferent: "Anderen Schlüssel verwenden",
    useDifferentUser: "Benutzername und Passwort erneut eingeben",
    signInAgain: "Erneut anmelden",
    notRightCompany: "Nein, anderen Schlüssel verwenden",
    notRightUser: "Nein, anderen API-Benutzer verwenden",
    notRightSignIn: "Nein, erneut anmelden",
    checkPeople: "Weiter: Mitarbeitende prüfen",
    peopleConfirmed_one: "Sie haben {{count}} Person bestätigt.",
    peopleConfirmed_other: "Sie haben {{count}} Personen bestätigt.",
  },
  organisations: {
    loading: "HR Link sucht die Organisationen, die diese Anmeldung bei {{provider}} erreicht …",
    legend: "Für welche Organisation in {{provider}} ist diese Verbindung?",
    hint: "Ihre Anmeldung bei {{provider}} erreicht mehr als eine Organisation. Wählen Sie die, deren Personen HR Link sehen soll.",
    errorRequired: "Wählen Sie die Organisation, für die diese Verbindung ist",
    check: "Diese Organisation prüfen",
  },
  /** What HR Link says about each system, from the core's catalogue (`messages/providers/*.de.json`). */
  providers,
  /** A permission's id in a sentence. */
  quoted: "„{{text}}“",
  /** How to grant a missing permission in a system HR Link has no words for. */
  permissionFixOther:
    "Erteilen Sie dem Schlüssel diese Berechtigung in {{provider}} und wählen Sie dann „Erneut versuchen“.",
  links: {
    not_understood: {
      title: "Dieser Link wurde nicht verstanden",
      body: "HR Link kennt den geöffneten Link nicht. Wenn Sie ihn von jemandem bekommen haben, bitten Sie um einen neuen, oder erledigen Sie das Vorhaben direkt in HR Link.",
    },
    unavailable: {
      title: "Dieser Link kann hier nicht verwendet werden",
      body: "Der Link enthält einen Verbindungscode Ihrer Unternehmenssoftware. Diese Version von HR Link nimmt, so wie sie auf diesem Computer eingerichtet ist, keine Verbindungscodes an. Fragen Sie den Support Ihrer Unternehmenssoftware, wie Sie stattdessen verbinden.",
    },
    connection_missing: {
      title: "Diese Verbindung ist nicht auf diesem Computer",
      body: "Der Link soll eine Verbindung neu autorisieren, die in HR Link auf diesem Computer nicht gespeichert ist. Vielleicht wurde sie entfernt oder auf einem anderen Computer gespeichert.",
    },
    nothingChanged: "Es wurde nichts geändert.",
    showConnections: "Zu Ihren Verbindungen",
  },
  nav: {
    label: "Hauptnavigation",
    connections: "Ihre Verbindungen",
    connect: "System verbinden",
  },
  save: {
    saveConnection: "Diese Verbindung speichern",
    updateConnection: "Verbindung aktualisieren",
    reauthoriseCaption: "{{label}} neu autorisieren",
    confirm: {
      heading: "Prüfen Sie Ihre Angaben vor dem Speichern",
      lead: "HR Link bewahrt den geheimen Teil der Verbindung im Schlüsselbund dieses Computers auf, dem geschützten Speicher für Passwörter. Gespeichert wird erst, wenn Sie „Verbindung speichern“ wählen.",
      system: "HR-System",
      key: "Schlüssel",
      keyValue: "Access Key {{hint}}",
      user: "API-Benutzer",
      signIn: "Angemeldet",
      signInValue: "Im Browser, über die Anmeldeseite von {{provider}}",
      permissions: "Erteilte Berechtigungen",
      noPermissions: "Keine geprüft",
      change: "Ändern",
      changeSystem: "das HR-System",
      changeKey: "den Schlüssel",
      changeUser: "den API-Benutzer",
      changeSignIn: "die Anmeldung",
      labelLabel: "Name dieser Verbindung",
      labelHint:
        "Unter diesem Namen sehen Sie die Verbindung in Ihrer Liste. Sie können ihn später ändern.",
      labelRequired: "Geben Sie einen Namen für diese Verbindung ein",
      labelTooLong: "Der Name darf höchstens {{max}} Zeichen lang sein",
      save: "Verbindung speichern",
      saving: "Wird gespeichert …",
      tryAgain: "Erneut versuchen",
    },
    updating: {
      heading: "{{label}} wird aktualisiert",
      busy: "Die neuen Angaben werden gespeichert …",
      failedHeading: "{{label}} wurde nicht aktualisiert",
      failedLead:
        "Die Verbindung hat weiterhin ihre alten Angaben. Beheben Sie das Problem oben und versuchen Sie es erneut.",
      tryAgain: "Erneut versuchen",
    },
    different: {
      heading: "Das ist {{reached}}, aber diese Verbindung war für {{saved}}",
      lead: "Es wurde nichts geändert. Sie haben zwei Möglichkeiten.",
      rightHeading: "Das Konto von {{saved}} verwenden",
      rightKey:
        "Erstellen Sie in {{provider}} einen Schlüssel für {{saved}} und versuchen Sie es erneut.",
      rightUser: "Geben Sie den API-Benutzer von {{saved}} ein und versuchen Sie es erneut.",
      rightSignIn:
        "Melden Sie sich in Ihrem Browser zuerst bei {{provider}} ab: Dort sind Sie bei {{reached}} angemeldet. Versuchen Sie es dann erneut und melden Sie sich mit dem Konto von {{saved}} an.",
      retry: "Mit dem richtigen Konto erneut versuchen",
      replaceHeading: "Oder durch {{reached}} ersetzen",
      replaceBody:
        "Tun Sie das nur, wenn diese Verbindung künftig für {{reached}} gelten soll. HR Link verwendet {{saved}} dann nicht mehr.",
      nameLabel: "Geben Sie zum Ersetzen den Namen der neuen Firma ein",
      nameHint: "Geben Sie „{{reached}}“ ein.",
      nameRequired: "Geben Sie den Namen der neuen Firma ein, um die Verbindung zu ersetzen",
      nameMismatch: "Der eingegebene Name ist nicht {{reached}}. Geben Sie ihn wie angezeigt ein",
      replace: "Verbindung ersetzen",
    },
    done: {
      saved: "Verbunden: {{label}}",
      reauthorised: "{{label}} neu autorisiert",
      replaced: "{{label}} ist jetzt mit {{company}} verbunden",
      nextHeading: "Wie es weitergeht",
      nextSaved:
        "HR Link prüft diese Verbindung bei jedem Öffnen und zeigt unter „Ihre Verbindungen“, wie es ihr geht. Funktioniert sie nicht mehr, können Sie sie dort neu autorisieren.",
      nextReauthorised:
        "HR Link verwendet ab jetzt die neuen Angaben. Die alten wurden im Schlüsselbund dieses Computers ersetzt.",
      productCan:
        "{{product}} auf diesem Computer kann jetzt Ihre Personen aus {{provider}} lesen.",
      keychain:
        "Der geheime Teil liegt nur im Schlüsselbund dieses Computers: {{product}} fragt HR Link nach kurzlebigem Zugang und sieht ihn nie. Unter Ihre Verbindungen steht der Befehl, den es verwendet.",
      seeConnections: "Ihre Verbindungen ansehen",
      connectAnother: "Weiteres System verbinden",
      peopleNotKeptHeading: "Die bestätigten Personen wurden nicht aufbewahrt",
      peopleNotKept:
        "Die Verbindung ist gespeichert, aber die Liste der Personen, die Sie bestätigt haben, konnte nicht aufbewahrt werden. Beim nächsten erneuten Verbinden kann HR Link deshalb nicht zeigen, was sich geändert hat.",
      peopleNotKeptNext:
        "Autorisieren Sie die Verbindung danach unter „Ihre Verbindungen“ neu und bestätigen Sie die Personen noch einmal, damit HR Link beim nächsten Mal vergleichen kann.",
    },
  },
  connections: {
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
  },
  providerGuide,
  people: {
    heading: "Sind das Ihre Mitarbeitenden?",
    lead: "Diese Personen sieht HR Link in {{provider}}. Prüfen Sie, ob es die Personen Ihres Unternehmens sind, bevor Sie die Verbindung speichern.",
    listingHeading: "Ihre Mitarbeitenden werden aus {{provider}} gelesen",
    listingLead:
      "Bei einem großen Unternehmen kann das einige Minuten dauern. Es wird nichts gespeichert.",
    pages: "Seite {{done, number}} von {{total, number}}",
    pagesUnknown_one: "{{count}} Seite gelesen",
    pagesUnknown_other: "{{count}} Seiten gelesen",
    soFar_one: "Bisher {{count, number}} Person",
    soFar_other: "Bisher {{count, number}} Personen",
    timeLeftSeconds_one: "Noch etwa {{count}} Sekunde",
    timeLeftSeconds_other: "Noch etwa {{count}} Sekunden",
    timeLeftMinutes_one: "Noch etwa {{count}} Minute",
    timeLeftMinutes_other: "Noch etwa {{count}} Minuten",
    timeLeftUnknown: "Die verbleibende Zeit wird berechnet …",
    cancel: "Abbrechen",
    failedHeading: "HR Link konnte nicht alle Mitarbeitenden lesen",
    cancelledHeading: "Sie haben das Lesen der Mitarbeitenden abgebrochen",
    cancelledLead: "Es wurde nichts gespeichert. Starten Sie erneut, wenn Sie so weit sind.",
    tryAgain: "Mitarbeitende erneut lesen",
    backToResult: "Zurück zur Prüfung",
    total_one: "{{count, number}} Person in {{provider}}",
    total_other: "{{count, number}} Personen in {{provider}}",
    totalNote:
      "Alle, die {{provider}} führt, auch inaktive und ausgeschiedene Personen. Die Prüfung vorher hat nur aktive Personen gezählt, deshalb war ihre Zahl kleiner.",
    changes: {
      loading: "Wird mit den Personen verglichen, die Sie zuletzt bestätigt haben …",
      unreadableTitle: "Kein Vergleich mit dem letzten Mal",
      heading: "Was sich seit Ihrer letzten Bestätigung geändert hat",
      nothing:
        "Seit Sie Ihre Mitarbeitenden am {{date}} bestätigt haben, hat sich nichts geändert.",
      summary: "Seit Ihrer letzten Bestätigung am {{date}}: {{parts}}.",
      brokenSince: "Die Verbindung funktionierte seit dem {{date}} nicht mehr.",
      joined_one: "{{count, number}} neu dazugekommen",
      joined_other: "{{count, number}} neu dazugekommen",
      left_one: "{{count, number}} nicht mehr aufgeführt",
      left_other: "{{count, number}} nicht mehr aufgeführt",
      terminated_one: "{{count, number}} inaktiv oder ausgeschieden",
      terminated_other: "{{count, number}} inaktiv oder ausgeschieden",
      changed_one: "{{count, number}} mit geänderten Angaben",
      changed_other: "{{count, number}} mit geänderten Angaben",
      joinedHeading: "Neu in {{provider}}",
      leftHeading: "Nicht mehr in {{provider}}",
      terminatedHeading: "Jetzt inaktiv oder ausgeschieden",
      changedHeading: "Geänderte Angaben",
      more_one: "Und {{count, number}} weitere.",
      more_other: "Und {{count, number}} weitere.",
    },
    field: {
      name: "Name",
      email: "E-Mail",
      personnel_number: "Personalnummer",
      status: "Status",
      start_date: "Eintrittsdatum",
      end_date: "Austrittsdatum",
      department: "Abteilung",
      location: "Standort",
      job_title: "Position",
    },
    exportHeading: "Eine Kopie dieser Liste behalten",
    exportLead:
      "Speichern Sie die Personen, wie sie jetzt sind (ohne die ausgenommenen), als CSV-Datei, die sich in Excel oder jeder Tabellenkalkulation öffnen lässt. Sie wählen den Speicherort; die Datei enthält Namen und E-Mail-Adressen, bewahren Sie sie also sicher auf.",
    exportLeadSupport:
      "Solange Sie Ihren Bildschirm teilen, ist der Export ausgeschaltet, denn die Datei würde Namen und E-Mail-Adressen enthalten.",
    exportButton: "Diese Liste exportieren (CSV)",
    exportSaved: "Die Liste wurde als CSV-Datei gespeichert.",
    countsHeading: "Was HR Link gefunden hat",
    compareHeading: "Mit Ihren Unterlagen vergleichen",
    compareLead:
      "Laden Sie eine Liste Ihrer Mitarbeitenden, die Sie anderswo führen (zum Beispiel aus Ihrer Lohnabrechnung oder einer Tabelle exportiert), als CSV- oder Excel-Datei. HR Link vergleicht sie mit {{provider}} und zeigt, wer fehlt oder abweicht. Die Datei bleibt auf diesem Computer.",
    compareButton: "Mit Ihren Unterlagen vergleichen",
    compareAgain: "Mit einer anderen Datei vergleichen",
    comparing: "Ihre Datei wird gelesen …",
    rosterRead_one: "{{count, number}} Person aus Ihrer Datei gelesen",
    rosterRead_other: "{{count, number}} Personen aus Ihrer Datei gelesen",
    rosterSkipped_one:
      "{{count, number}} Zeile ohne Name, E-Mail oder Personalnummer wurde übersprungen.",
    rosterSkipped_other:
      "{{count, number}} Zeilen ohne Name, E-Mail oder Personalnummer wurden übersprungen.",
    rosterErrorTitle: "Mit Ihrer Datei gibt es ein Problem",
    tableHeading: "Alle Personen, die HR Link gefunden hat",
    tableCaption: "Personen, sortiert nach {{column}}",
    sortedBy: {
      name: "Name",
      status: "Status",
      location: "Standort",
      start_date: "Eintrittsdatum",
      category: "Ergebnis",
    },
    showing: "{{shown, number}} von {{total, number}} angezeigt",
    search: "Nach Name oder E-Mail suchen",
    filterStatus: "Status",
    filterCategory: "Ergebnis des Vergleichs",
    filterLocation: "Standort",
    all: "Alle",
    columnName: "Name",
    columnEmail: "Geschäftliche E-Mail",
    columnStatus: "Status",
    columnLocation: "Standort",
    columnStart: "Eintrittsdatum",
    columnCategory: "Ergebnis",
    columnInclude: "Einbeziehen",
    includePerson: "{{name}} einbeziehen",
    excludedLabel: "Ausgenommen",
    excludedExplain: "Sie haben diese Personen ausgenommen: Die Verbindung verwendet sie nicht.",
    noEmail: "Keine E-Mail",
    noMatches: "Keine Person passt zu Ihrer Suche.",
    reviewHeading: "Bitte selbst prüfen",
    reviewLead:
      "HR Link hält diese Einträge möglicherweise für dieselbe Person, ist aber nicht sicher. Geben Sie an, ob das stimmt.",
    reviewInHr: "In {{provider}}",
    reviewInRecords: "In Ihren Unterlagen",
    samePerson: "Dieselbe Person",
    notSamePerson: "Nicht dieselbe Person",
    answeredSame: "Ihre Antwort: dieselbe Person.",
    answeredDifferent: "Ihre Antwort: nicht dieselbe Person.",
    changeAnswer: "Antwort ändern",
    reviewMore_one:
      "Noch {{count, number}} weiterer Eintrag: Wählen Sie „Bitte prüfen“ unter „Ergebnis des Vergleichs“.",
    reviewMore_other:
      "Noch {{count, number}} weitere Einträge: Wählen Sie „Bitte prüfen“ unter „Ergebnis des Vergleichs“.",
    maskedNote: "Namen und E-Mails werden gekürzt, während Sie Ihren Bildschirm teilen.",
    confirm: "Ja, das sind unsere Mitarbeitenden",
    status: {
      active: "Aktiv",
      inactive: "Inaktiv",
      terminated: "Ausgeschieden",
    },
    category: {
      matched: "Übereinstimmend",
      matched_with_differences: "Übereinstimmend mit Abweichungen",
      needs_review: "Bitte prüfen",
      only_in_hr: "Nur in {{provider}}",
      only_in_existing: "Nur in Ihren Unterlagen",
      inactive: "Inaktiv oder ausgeschieden",
      duplicates: "Mögliche Doppelungen",
    },
    explain: {
      matched: "An beiden Stellen vorhanden, und die Angaben stimmen überein.",
      matched_with_differences:
        "An beiden Stellen vorhanden, aber einige Angaben weichen ab (zum Beispiel die E-Mail oder das Eintrittsdatum).",
      needs_review:
        "Wahrscheinlich dieselbe Person, aber HR Link ist nicht sicher. Prüfen Sie diese selbst.",
      only_in_hr:
        "In {{provider}}, aber nicht in Ihren Unterlagen: neue Mitarbeitende oder Personen, die in Ihrer Liste fehlen.",
      only_in_existing:
        "In Ihren Unterlagen, aber nicht in {{provider}}: ausgeschiedene Personen oder Personen, die nie in {{provider}} angelegt wurden.",
      inactive:
        "In {{provider}} deaktiviert oder bereits ausgeschieden. Die Verbindung sieht sie trotzdem.",
      duplicates:
        "Sehen aus wie eine andere Person in {{provider}} (gleiche E-Mail oder gleicher Name). Prüfen Sie, ob sie doppelt angelegt wurden.",
    },
  },
  problem: {
    genericMessage: "Etwas ist schiefgelaufen, wofür HR Link keine Meldung hat (Code {{code}}).",
    genericNextStep:
      "Versuchen Sie es erneut. Wenn es wieder passiert, wenden Sie sich an den Support und nennen Sie den Code {{code}}.",
    accessKey: "Access Key",
    secretAccessKey: "Secret Access Key",
  },
};
