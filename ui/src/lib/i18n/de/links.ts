import type { Translation } from "../en";

export const links: Translation["links"] = {
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
};
