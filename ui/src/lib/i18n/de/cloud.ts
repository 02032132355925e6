import type { Translation } from "../en";

export const cloud: Translation["cloud"] = {
  code: {
    heading: "Geben Sie den Code von {{product}} ein",
    lead: "Wählen Sie in {{product}} „HR-System verbinden“. {{product}} zeigt einen Code, der mit HRL beginnt. Er gilt einmal und 15 Minuten lang.",
    label: "Code von {{product}}",
    hint: "Zum Beispiel HRL-7K3M-Q9XZ. Leerzeichen und Kleinbuchstaben sind kein Problem.",
    submit: "Weiter",
    busy: "Der Code wird bei {{product}} geprüft …",
  },
  confirm: {
    heading: "Ihr HR-System mit {{product}} für {{tenant}} verbinden?",
    lead: "Fahren Sie nur fort, wenn {{tenant}} Ihr Unternehmen in {{product}} ist. Ein Code, den Ihnen jemand anderes geschickt hat, würde Ihr HR-System mit dessen Unternehmen verbinden.",
    createdBy: "Code erstellt von {{name}}",
    tenant: "Unternehmen in {{product}}",
    product: "Die Verbindung geht an",
    provider: "HR-System",
    anyProvider: "Sie wählen es im nächsten Schritt",
    reauthorise:
      "{{product}} bittet Sie, die Verbindung zu {{provider}} für {{account}} zu erneuern. Der neue Schlüssel oder die neue Anmeldung muss {{account}} erreichen; ein anderes Unternehmen wird abgelehnt, bevor etwas gesendet wird.",
    yes: "Ja, weiter",
    no: "Nein, das ist nicht mein Unternehmen",
  },
  notMine: {
    heading: "Es wurde nichts gesendet",
    body: "HR Link hat den Code vergessen. Wenn Ihnen jemand den Code geschickt hat, verwenden Sie ihn nicht. Um Ihr eigenes Unternehmen zu verbinden, melden Sie sich bei {{product}} an und holen Sie sich dort einen Code.",
    again: "Anderen Code eingeben",
  },
  reauthoriseCaption: "{{provider}} für {{account}} neu autorisieren",
  send: "An {{product}} senden",
  sending: {
    heading: "Wird an {{product}} gesendet …",
    body: "{{product}} prüft die Verbindung selbst, bevor es sie annimmt. Das dauert einige Sekunden.",
  },
  done: {
    heading: "{{product}} hat jetzt Ihre Verbindung zu {{provider}}",
    body: "{{product}} hat sie selbst geprüft und erreicht {{account}} für {{tenant}}.",
    nothingKept:
      "Kein Schlüssel, kein Passwort und kein Token von {{provider}} bleibt auf diesem Computer. HR Link merkt sich nur, wohin die Verbindung ging, damit Sie unter „Ihre Verbindungen“ sehen, was {{product}} meldet.",
    seeConnections: "Ihre Verbindungen ansehen",
  },
  failed: {
    codeHeading: "Dieser Code kann nicht verwendet werden",
    sendHeading: "{{product}} hat die Verbindung nicht angenommen",
    differentHeading: "Das ist nicht das Unternehmen, das {{product}} erwartet",
    unreachableHeading: "HR Link konnte {{product}} nicht erreichen",
    exchangeHeading: "Die Anmeldung konnte nicht abgeschlossen werden",
    keychainHeading: "HR Link kann den Schlüsselbund dieses Computers nicht verwenden",
    expiredHeading: "HR Link hält Ihren Schlüssel oder Ihre Anmeldung nicht mehr",
    kept: "HR Link hält Ihren Schlüssel oder Ihre Anmeldung noch eine Weile bereit, damit Sie für einen neuen Versuch nichts erneut eingeben müssen.",
    tryAgain: "Erneut versuchen",
    newCode: "Anderen Code eingeben",
  },
  delivered: {
    heading: "An Ihre Unternehmenssoftware übergeben",
    label: "{{provider}} für {{product}}",
    status: {
      connected: "Verbunden, meldet {{product}}",
      failed_auth: "Anmeldung abgelehnt, meldet {{product}}",
      missing_permission: "Berechtigung fehlt, meldet {{product}}",
      removed: "In {{product}} entfernt",
    },
    unknown: "Status unbekannt",
    where: "Übergeben an",
    whereValue: "{{product}} für {{tenant}} ({{origin}})",
    when: "Übergeben am",
    detail: "{{product}} meldet: {{detail}}",
    reauthorise: "Neu autorisieren",
    reauthoriseHow:
      "Diese Verbindung liegt bei {{product}}, nicht bei HR Link, deshalb beginnt die Erneuerung dort: Öffnen Sie die Verbindung in {{product}} und wählen Sie, sie neu zu verbinden. {{product}} zeigt einen neuen Code (oder einen Link, der HR Link öffnet); geben Sie ihn hier ein und verwenden Sie einen Schlüssel oder eine Anmeldung von {{provider}} für {{account}}.",
    enterCode: "Code von {{product}} eingeben",
  },
};
