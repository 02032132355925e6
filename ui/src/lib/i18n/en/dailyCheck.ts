/** "Check my connections every day": the switch on Your connections and the saved page's offer. */
export const dailyCheck = {
  label: "Check my connections every day and tell me if one stops working",
  hintOff:
    "Once a day (around 09:00, or when the computer is next on) HR Link checks each connection in the background, even when it is closed, and shows a notification if one stops working.",
  nextRun: "On. Next check: {{when}}.",
  nextRunUnknown: "On. Next check around 09:00, or when you next sign in to this computer.",
  off: "Off.",
  unavailableHeading: "No daily check on this computer",
  demo: "In the demo the HR systems are imitations that run only while HR Link is open, so the daily check cannot reach them.",
  offer: {
    heading: "Find out when a connection stops working",
    lead: "HR Link can check your connections every day in the background and tell you with a notification if one stops working, so you can fix it before data goes missing.",
    accept: "Check my connections every day",
    done: "Done: HR Link checks your connections every day. You can switch this off on Your connections.",
  },
};
