export const guide = {
  caption: "Page {{screen}} of {{screens}} of the guide",
  whereToFind: "Where do I find this?",
  stepsLabel: "Steps",
  copy: "Copy",
  copyLabel: "Copy “{{value}}”",
  copyScopes: "Copy all scopes",
  copied: "Copied. Now paste it in {{provider}}.",
  copyFailed: "Could not copy. It is selected: press Ctrl+C (or ⌘C) to copy it.",
  alreadyHave: {
    key: "I already have a key file",
    user: "I already have an API user",
    signIn: "I have done this already",
  },
  notAdmin: "I'm not the admin",
  demoTitle: "Demo",
  demo: "The built-in Sandbox imitates {{provider}}, so there is nothing to create. Read the steps if you like, then choose “{{skip}}”.",
  usernameLabel: "The API user's name",
  usernameHint: "For example 49764apihrlink.",
  usernameOk: "This name follows iPayroll's rule. Copy it into iPayroll:",
  usernameRule: {
    too_short: "Make it at least 13 characters: add more of the program's name after “api”.",
    invalid_characters: "Use only letters and digits: no spaces, dashes or accents.",
    no_org_number: "Start with your 5-digit organisation number, for example 49764.",
    no_api_infix: "After the 5 digits, write “api” in small letters.",
    no_partner_name: "After “api”, add a name for the program, for example hrlink.",
    org_number_mismatch: "Start with your own organisation's 5-digit number.",
  },
};

export const handoff = {
  heading: "Steps for your {{provider}} administrator",
  intro:
    "Give these steps to the person who administers {{provider}}. They contain no passwords or keys. When they are done, they give you {{what}}, and you continue in HR Link.",
  what: {
    key: "the downloaded key file",
    user: "the API user's name and password",
    signIn: "the login to connect with",
  },
  needsHeading: "What you need",
  permissionsHeading: "What {{product}} may read",
  print: "Print or save as PDF",
  printHint: "In the print window, choose your printer, or “Save as PDF” to send it by email.",
  saveFile: "Save as file",
  saveFileHint: "Or save the steps as a web page that opens in any browser, to send by email.",
  saved: "Saved. You can send the file to whoever administers {{provider}}.",
};

/** The guide's texts, from the core's catalogue (`crates/hrlink-core/messages/guide.en.json`). */
export { default as providerGuide } from "../../../../../crates/hrlink-core/messages/guide.en.json";
