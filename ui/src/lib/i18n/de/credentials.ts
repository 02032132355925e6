import type { Translation } from "../en";

export const credentials: Translation["credentials"] = {
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
  errorEmpty: "Wählen Sie die heruntergeladene Schlüsseldatei oder fügen Sie ihre zwei Zeilen ein",
  sandbox: {
    summary: "Mit dem Test-Schlüssel der Sandbox ausprobieren",
    body: "Die Sandbox akzeptiert diesen erfundenen Schlüssel. Kopieren Sie ihn und fügen Sie ihn unten ein.",
    copy: "Test-Schlüssel kopieren",
    copied: "Kopiert. Fügen Sie ihn jetzt unten ein.",
    copyFailed: "Kopieren ging nicht. Markieren Sie die zwei Zeilen und kopieren Sie sie selbst.",
  },
};

export const iris: Translation["iris"] = {
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
};

export const signIn: Translation["signIn"] = {
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
};

export const waiting: Translation["waiting"] = {
  heading: "Schließen Sie die Anmeldung bei {{provider}} in Ihrem Browser ab",
  status: "HR Link wartet, bis Sie im Browser fertig sind …",
  body: "HR Link hat die Anmeldeseite von {{provider}} in Ihrem Webbrowser geöffnet. Wenn Sie sie nicht sehen, suchen Sie nach einem neuen Browserfenster oder Tab.",
  timeout: "HR Link wartet höchstens 5 Minuten.",
  noBrowserTitle: "Es ließ sich kein Webbrowser öffnen",
  noBrowser:
    "Kopieren Sie die Anmeldeadresse unten und öffnen Sie sie in einem Webbrowser auf diesem Computer, um sich bei {{provider}} anzumelden.",
  addressHeading: "Die Anmeldeadresse",
  addressHint:
    "Wenn sich die Seite nicht geöffnet hat, kopieren Sie diese Adresse in einen Webbrowser auf diesem Computer (sie funktioniert nur hier).",
  copy: "Kopieren",
  copyLabel: "Die Anmeldeadresse kopieren",
  copied: "Kopiert. Fügen Sie sie in die Adressleiste Ihres Browsers ein.",
  copyFailed: "Kopieren hat nicht geklappt. Die Adresse ist markiert: Kopieren Sie sie mit Strg+C.",
  openAgain: "Browser erneut öffnen",
  cancel: "Abbrechen",
  closedBrowser: "Ich habe den Browser geschlossen",
};

export const sandboxLogin: Translation["sandboxLogin"] = {
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
};
