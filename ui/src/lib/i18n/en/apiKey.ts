/** The credentials step for an API key with its region (Employment Hero Payroll), and its business choice. */
export const apiKey = {
  heading: "Which {{provider}} API key should HR Link use?",
  intro:
    "{{provider}} gives each user one API key. HR Link reads your employees with it; it reaches every business your user can open.",
  howToSummary: "Where do I find the API key?",
  regionLegend: "Where does your {{provider}} run?",
  regionHint:
    "Each region is a separate {{provider}}: the key works only in the region that made it.",
  regionError: "Choose where your {{provider}} runs",
  keyLabel: "The API key",
  keyHint: "Copy it from My Account and paste it here. It stays hidden on screen.",
  keyEnd: "The key ends in {{end}}.",
  errorEmpty: "Paste the API key from My Account",
  loadedTitle: "API key entered",
  loadedBody: "key {{hint}}, region {{region}}",
  useDifferent: "Use a different API key",
  alreadyHave: "I already have an API key",
  handoffWhat: "the API key and its region",
  sandbox: {
    summary: "Try it with the Sandbox test key",
    body: "The Sandbox accepts this made-up key for its New Zealand business. Choose New Zealand, then copy the key and paste it into the box below.",
    copy: "Copy the test key",
    copied: "Copied. Now paste it into the box below.",
    copyFailed: "Could not copy. Select the key and copy it yourself.",
  },
  chooseHeading: "{{provider}} key checked: which business is this for?",
  chooseLead: "Nothing has been saved. Choose the business below, then HR Link checks it.",
  businesses: {
    loading: "Finding the businesses this {{provider}} key reaches…",
    legend: "Which {{provider}} business is this connection for?",
    hint: "Your API key reaches more than one business. Choose the one whose people HR Link should see.",
    errorRequired: "Choose the business this connection is for",
    check: "Check this business",
  },
};
