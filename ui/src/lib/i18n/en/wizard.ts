export const wizard = {
  stepOf: "Step {{step}} of {{total}}",
  back: "Back",
  continue: "Continue",
  errorPrefix: "Error:",
  errorSummaryTitle: "There is a problem",
};

export const choose = {
  heading: "Which HR system do you use?",
  hint: "HR Link will connect to it and check that the connection works before anything is saved.",
  comingSoon: "Coming soon",
  errorRequired: "Select the HR system you use",
  searchLabel: "Search for your HR system",
  searchHint: "Type part of its name or its country.",
  noMatch: "No HR system matches “{{query}}”. Clear the search to see them all.",
};

export const scopes = {
  heading: "What may {{product}} read in {{provider}}?",
  intro:
    "A permission allows {{product}} to read one kind of data in {{provider}}. You will give these permissions in {{provider}} in the next step; HR Link then checks that they were given.",
  requiredLegend: "Required: always shared",
  requiredHint: "{{product}} cannot work without these.",
  optionalLegend: "You may also share",
  optionalHint: "Tick only what you want {{product}} to use.",
  requiredTag: "Required",
  systemName: "Called “{{id}}” in {{provider}}.",
};
