import type { Translation } from "../en";

export const verify: Translation["verify"] = {
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
};

export const result: Translation["result"] = {
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
  peopleCount_one: "{{count}} aktive Person, wie {{provider}} zählt",
  peopleCount_other: "{{count}} aktive Personen, wie {{provider}} sie zählt",
  peopleCountEveryone_one:
    "{{count}} Person insgesamt, ehemalige Mitarbeitende eingeschlossen, wie {{provider}} zählt",
  peopleCountEveryone_other:
    "{{count}} Personen insgesamt, ehemalige Mitarbeitende eingeschlossen, wie {{provider}} sie zählt",
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
  useNewKey: "Neuen Schlüssel verwenden",
  useDifferentUser: "Benutzername und Passwort erneut eingeben",
  signInAgain: "Erneut anmelden",
  notRightCompany: "Nein, anderen Schlüssel verwenden",
  notRightUser: "Nein, anderen API-Benutzer verwenden",
  notRightSignIn: "Nein, erneut anmelden",
  alreadyConnectedTitle: "Schon verbunden",
  alreadyConnected:
    "{{company}} ist in HR Link schon als „{{label}}“ verbunden. Autorisieren Sie diese Verbindung mit den neuen Angaben neu, statt eine zweite zu speichern.",
  checkPeople: "Weiter: Mitarbeitende prüfen",
  peopleConfirmed_one: "Sie haben {{count}} Person bestätigt.",
  peopleConfirmed_other: "Sie haben {{count}} Personen bestätigt.",
};

export const organisations: Translation["organisations"] = {
  loading: "HR Link sucht die Organisationen, die diese Anmeldung bei {{provider}} erreicht …",
  legend: "Für welche Organisation in {{provider}} ist diese Verbindung?",
  hint: "Ihre Anmeldung bei {{provider}} erreicht mehr als eine Organisation. Wählen Sie die, deren Personen HR Link sehen soll.",
  errorRequired: "Wählen Sie die Organisation, für die diese Verbindung ist",
  check: "Diese Organisation prüfen",
};
