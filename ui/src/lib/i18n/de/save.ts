import type { Translation } from "../en";

export const save: Translation["save"] = {
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
    reauthoriseHeading: "Prüfen Sie Ihre Angaben, bevor {{label}} aktualisiert wird",
    reauthoriseLead:
      "HR Link legt die neuen Angaben anstelle der alten im Schlüsselbund dieses Computers ab. Geändert wird erst, wenn Sie „Verbindung aktualisieren“ wählen.",
    connection: "Verbindung",
    people: "Personen",
    peopleConfirmed_one: "Sie haben {{count}} Person bestätigt",
    peopleConfirmed_other: "Sie haben {{count}} Personen bestätigt",
    peopleLeftOut_one: "{{count}} Person ausgenommen: HR Link gibt sie nicht weiter",
    peopleLeftOut_other: "{{count}} Personen ausgenommen: HR Link gibt sie nicht weiter",
    rosterCompared_one:
      "Mit Ihren Unterlagen verglichen ({{count}} Person): {{matched}} zugeordnet",
    rosterCompared_other:
      "Mit Ihren Unterlagen verglichen ({{count}} Personen): {{matched}} zugeordnet",
    rosterNotCompared: "Nicht mit Ihren Unterlagen verglichen",
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
    productCan: "{{product}} auf diesem Computer kann jetzt Ihre Personen aus {{provider}} lesen.",
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
};
