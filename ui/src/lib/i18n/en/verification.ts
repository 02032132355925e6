export const verify = {
  heading: "Checking your connection to {{provider}}",
  intro:
    "HR Link is asking {{provider}} a few questions with your key. This usually takes a few seconds.",
  introUser:
    "HR Link is asking {{provider}} a few questions as your API user. This usually takes a few seconds.",
  introSignIn:
    "HR Link is asking {{provider}} a few questions with your sign-in. This usually takes a few seconds.",
  listLabel: "Checks",
  step: {
    authenticate: "Signing in",
    account: "Finding your organisation",
    permission: "Checking permission: {{name}}",
    people: "Counting people",
  },
  state: {
    pending: "Waiting",
    running: "In progress",
    done: "Done",
    failed: "Did not work",
  },
};

export const result = {
  okHeading: "Connected to {{company}} — is this the right company?",
  okHeadingOrganisation: "Connected to {{company}} — is this the right organisation?",
  ipayrollOrganisation: "iPayroll organisation {{number}}",
  okLead:
    "HR Link signed in to {{provider}} with your key and reached this company. If it is not the company you want to connect, use the key of the right company.",
  okLeadUser:
    "HR Link signed in to {{provider}} as your API user and reached this company. If it is not the company you want to connect, use an API user of the right company.",
  okLeadIpayroll:
    "HR Link signed in to iPayroll and reached this organisation. If it is not the one you want to connect, sign out of iPayroll in your browser, then sign in again as the API user of the right organisation.",
  okLeadEmploymenthero:
    "HR Link signed in to Employment Hero and reached this organisation. If it is not the one you want to connect, sign in again and choose the right organisation on Employment Hero's page.",
  problemHeading: "HR Link could not connect to {{provider}}",
  problemHeadingConnected: "Connected to {{company}}, but something needs fixing",
  chooseHeading: "Signed in to {{provider}}: which organisation is this for?",
  problemHeadingSignedIn: "Signed in to {{provider}}, but something needs fixing",
  problemLead: "Nothing has been saved. Fix the problem, then try again.",
  problemLeadChoose:
    "Nothing has been saved. Choose the organisation below, then HR Link checks it.",
  problemLeadSignIn: "Nothing has been saved. Fix the problem, then sign in again.",
  problemLeadOther: "Nothing has been saved. Fix the problem, then enter your details again.",
  permissionNextStepSignIn: "Grant it as shown next to it, then choose Sign in again.",
  company: "Company",
  organisation: "Organisation",
  companyNumber: "Number in {{provider}}",
  organisationNumber: "Organisation number",
  organisationId: "ID in {{provider}}",
  people: "Active people HR Link can see",
  peopleCount_one: "{{count}} active person, as {{provider}} counts",
  peopleCount_other: "{{count}} active people, as {{provider}} counts them",
  peopleCountEveryone_one: "{{count}} person in all, former staff included, as {{provider}} counts",
  peopleCountEveryone_other:
    "{{count}} people in all, former staff included, as {{provider}} counts them",
  peopleUnknown: "Could not count",
  permissionsHeading: "What HR Link may see in {{provider}}",
  permissionsCaption: "Permissions of your key",
  permissionsCaptionUser: "Permissions of your API user",
  permissionsCaptionSignIn: "Permissions of your sign-in",
  columnPermission: "Permission",
  columnNeeded: "Needed",
  columnStatus: "Status",
  required: "Required",
  chosen: "Chosen by you",
  beyondHeading: "{{provider}} gives HR Link more than you chose to share",
  beyondLead:
    "Nothing to fix: the connection works as it is, and HR Link only reads what you chose. If you prefer to share less, take these permissions away in {{provider}}:",
  status: {
    granted: "Granted",
    missing: "Missing",
    unknown: "Could not check",
  },
  unknownNote: "{{provider}} did not answer for this one. Try again later.",
  tryAgain: "Try again",
  useDifferent: "Use a different key",
  useNewKey: "Use a new key",
  useDifferentUser: "Enter the user name and password again",
  signInAgain: "Sign in again",
  notRightCompany: "No, use a different key",
  notRightUser: "No, use a different API user",
  notRightSignIn: "No, sign in again",
  alreadyConnectedTitle: "Already connected",
  alreadyConnected:
    "{{company}} is already connected in HR Link as “{{label}}”. Re-authorise that connection with these details instead of saving a second one.",
  checkPeople: "Continue: check the people",
  peopleConfirmed_one: "You confirmed {{count}} person.",
  peopleConfirmed_other: "You confirmed {{count}} people.",
};

export const organisations = {
  loading: "Finding the organisations this {{provider}} sign-in reaches…",
  legend: "Which {{provider}} organisation is this connection for?",
  hint: "Your {{provider}} sign-in reaches more than one organisation. Choose the one whose people HR Link should see.",
  errorRequired: "Choose the organisation this connection is for",
  check: "Check this organisation",
};
