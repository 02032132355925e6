import type { Translation } from "../en";

export const update: Translation["update"] = {
  readyTitle: "HR Link {{version}} ist bereit",
  readyBody:
    "Die neue Version ist heruntergeladen und ihre Signatur geprüft. Starten Sie HR Link neu, um sie zu verwenden; Ihre Verbindungen bleiben, wie sie sind.",
  restartNow: "Jetzt neu starten",
  later: "Später",
  refusedTitle: "Ein Update wurde abgelehnt",
  dismiss: "OK",
};
