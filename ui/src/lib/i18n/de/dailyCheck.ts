import type { Translation } from "../en";

/** „Meine Verbindungen täglich prüfen“: der Schalter unter Ihre Verbindungen und das Angebot nach dem Speichern. */
export const dailyCheck: Translation["dailyCheck"] = {
  label: "Meine Verbindungen täglich prüfen und mir sagen, wenn eine nicht mehr funktioniert",
  hintOff:
    "Einmal am Tag (gegen 09:00 Uhr, oder wenn der Computer das nächste Mal an ist) prüft HR Link jede Verbindung im Hintergrund, auch wenn es geschlossen ist, und zeigt eine Benachrichtigung, wenn eine nicht mehr funktioniert.",
  nextRun: "An. Nächste Prüfung: {{when}}.",
  nextRunUnknown:
    "An. Nächste Prüfung gegen 09:00 Uhr, oder wenn Sie sich das nächste Mal an diesem Computer anmelden.",
  off: "Aus.",
  unavailableHeading: "Keine tägliche Prüfung auf diesem Computer",
  demo: "In der Demo sind die HR-Systeme Nachbildungen, die nur laufen, solange HR Link geöffnet ist: Die tägliche Prüfung kann sie nicht erreichen.",
  offer: {
    heading: "Erfahren, wenn eine Verbindung nicht mehr funktioniert",
    lead: "HR Link kann Ihre Verbindungen täglich im Hintergrund prüfen und Ihnen mit einer Benachrichtigung sagen, wenn eine nicht mehr funktioniert – so beheben Sie es, bevor Daten fehlen.",
    accept: "Meine Verbindungen täglich prüfen",
    done: "Erledigt: HR Link prüft Ihre Verbindungen jetzt täglich. Ausschalten können Sie das unter Ihre Verbindungen.",
  },
};
