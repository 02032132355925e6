/**
 * English UI strings. Problem messages are not here: they come from the shared catalogue
 * (`crates/hrlink-core/messages/*.json`) through `renderProblem`.
 */
export const en = {
  app: {
    name: "HR Link",
    skipLink: "Skip to main content",
    language: "Language",
    supportMode: "Screen-share mode",
    supportModeHint: "Keys stay hidden while you share your screen.",
    loading: "Loading…",
    loadFailedTitle: "HR Link could not start",
    loadFailedBody: "Close HR Link and open it again. If this keeps happening, contact support.",
    version: "HR Link {{version}}",
    documentTitle: "{{page}} – HR Link",
  },
  demo: {
    title: "Demo mode",
    body: "HR Link is using its built-in Sandbox, which imitates each HR system with made-up data. Nothing real is changed.",
  },
  wizard: {
    stepOf: "Step {{step}} of {{total}}",
    back: "Back",
    continue: "Continue",
    errorPrefix: "Error:",
    errorSummaryTitle: "There is a problem",
  },
  choose: {
    heading: "Which HR system do you use?",
    hint: "HR Link will connect to it and check that the connection works before anything is saved.",
    comingSoon: "Coming soon",
    errorRequired: "Select the HR system you use",
  },
  credentials: {
    heading: "Which {{provider}} key should HR Link use?",
    intro:
      "{{provider}} gives each connected program its own key. It comes as a small text file with two lines: Access Key and Secret Access Key.",
    howTo: {
      summary: "How do I get the key file?",
      step1: "Sign in to HRworks as an administrator and open the admin interface.",
      step2: "Go to Basics > Integrations > HR WORKS-API.",
      step3:
        "Create a key pair for HR Link, or select the one you made before. At the bottom of the page, tick the permissions HR Link needs: “persons” and “persons.master-data” (“organization-units” is optional). Then click Save.",
      step4:
        "Click Download next to the key pair. HRworks saves a small .txt file, usually in your Downloads folder.",
    },
    fileLabel: "The downloaded key file",
    chooseFile: "Choose the downloaded key file…",
    dropHint: "Or drag the key file here",
    dropActive: "Drop the key file to load it",
    pasteLabel: "Or paste the two lines of the key file",
    pasteHint: "Copy both lines from the file and paste them here. They stay hidden on screen.",
    show: "Show",
    hide: "Hide",
    showLabel: "Show the key",
    hideLabel: "Hide the key",
    nowVisible: "The key is visible on screen",
    nowHidden: "The key is hidden",
    staging: "Reading the key…",
    loadedTitle: "Key file loaded",
    loadedBody: "access key {{hint}}",
    useDifferent: "Use a different key",
    errorEmpty: "Choose the downloaded key file, or paste its two lines",
    sandbox: {
      summary: "Try it with the Sandbox test key",
      body: "The Sandbox accepts this made-up key. Copy it and paste it into the box below.",
      copy: "Copy the test key",
      copied: "Copied. Now paste it into the box below.",
      copyFailed: "Could not copy. Select the two lines and copy them yourself.",
    },
  },
  verify: {
    heading: "Checking your connection to {{provider}}",
    intro:
      "HR Link is asking {{provider}} a few questions with your key. This usually takes a few seconds.",
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
  },
  result: {
    okHeading: "Connected to {{company}} — is this the right company?",
    okLead:
      "HR Link signed in to {{provider}} with your key and reached this company. If it is not the company you want to connect, use the key of the right company.",
    problemHeading: "HR Link could not connect to {{provider}}",
    problemHeadingConnected: "Connected to {{company}}, but something needs fixing",
    problemLead: "Nothing has been saved. Fix the problem, then try again.",
    company: "Company",
    companyNumber: "Number in {{provider}}",
    people: "People HR Link can see",
    peopleCount_one: "{{count}} person",
    peopleCount_other: "{{count}} people",
    peopleUnknown: "Could not count",
    permissionsHeading: "What HR Link may see in {{provider}}",
    permissionsCaption: "Permissions of your key",
    columnPermission: "Permission",
    columnNeeded: "Needed",
    columnStatus: "Status",
    required: "Required",
    optional: "Optional",
    status: {
      granted: "Granted",
      missing: "Missing",
      unknown: "Could not check",
    },
    unknownNote: "{{provider}} did not answer for this one. Try again later.",
    tryAgain: "Try again",
    useDifferent: "Use a different key",
    notRightCompany: "No, use a different key",
  },
  permissions: {
    persons: "See who works for you (names and personnel numbers)",
    persons_master_data: "Read people's details (email, job, start and leave dates)",
    organization_units: "See your departments",
    absences: "Read absences",
  },
  permissionFix: {
    hrworks:
      "In HRworks, go to Basics > Integrations > HR WORKS-API, select the key, tick “{{id}}” at the bottom of the page and click Save. Then choose Try again.",
    other: "Give the key this permission in {{provider}}, then choose Try again.",
  },
  problem: {
    genericMessage: "Something went wrong that HR Link has no message for (code {{code}}).",
    genericNextStep:
      "Try again. If it keeps happening, contact support and mention the code {{code}}.",
    accessKey: "Access Key",
    secretAccessKey: "Secret Access Key",
  },
};

/** The shape every language must fill. */
export type Translation = StringTree<typeof en>;

type StringTree<T> = { [K in keyof T]: T[K] extends string ? string : StringTree<T[K]> };
