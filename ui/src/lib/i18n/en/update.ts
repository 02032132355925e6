/** A newer HR Link, downloaded and verified at start-up: "ready — Restart now / Later". */
export const update = {
  readyTitle: "HR Link {{version}} is ready",
  readyBody:
    "It has been downloaded and its signature checked. Restart HR Link to use it; your connections stay as they are.",
  restartNow: "Restart now",
  later: "Later",
  refusedTitle: "An update was refused",
  dismiss: "OK",
};
