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
  iris: {
    heading: "Which IRIS API user should HR Link use?",
    intro:
      "An API user is a special user in IRIS HR Professional that lets another program, such as HR Link, read your HR data. IRIS makes up its user name and password for you.",
    howTo: {
      summary: "How do I create an API user?",
      step1: "Sign in to IRIS HR Professional as an administrator.",
      step2:
        "Switch on the API module: go to System Tools > Utilities > Tools > System Configuration > Modules, tick API and click Save. If API is missing or cannot be ticked, ask IRIS support to switch it on.",
      step3:
        "Go to System Tools > Utilities > Company > API Users and click Create User. Give it a name that says what it is for, such as “HR Link”, and tick Active.",
      step4:
        "IRIS shows the user name and the password. The password is shown only once: keep IRIS open and copy both into the boxes below now.",
      limit:
        "IRIS allows at most 10 active API users at a time. If you already have 10, untick Active on one that is no longer used.",
    },
    provisional:
      "IRIS has not yet published the details of its connection for other programs, so HR Link checks it the way IRIS is expected to work, and this check may change once IRIS publishes them.",
    usernameLabel: "User name",
    usernameHint:
      "You can paste the user name and the password together here: HR Link puts each in its own box.",
    passwordLabel: "Password",
    passwordHint: "It stays hidden on screen.",
    showLabel: "Show the password",
    hideLabel: "Hide the password",
    nowVisible: "The password is visible on screen",
    nowHidden: "The password is hidden",
    pasted: "The user name and the password were put in their boxes.",
    errorUsername: "Enter the user name of the API user",
    errorPassword: "Enter the password of the API user",
    staging: "Reading the details…",
    loadedTitle: "API user entered",
    loadedBody: "user name {{hint}}",
    useDifferent: "Use a different API user",
  },
  signIn: {
    heading: "Sign in to {{provider}} in your browser",
    intro:
      "HR Link connects through {{provider}}'s own sign-in page, so HR Link never sees your password.",
    whatHappens: "What will happen",
    step1: "HR Link opens {{provider}}'s sign-in page in your web browser.",
    step2: "You sign in there and allow HR Link access.",
    step2ChooseOrganisation:
      "You sign in there, choose the organisation to connect and allow HR Link access.",
    step3: "You come back to this window, and HR Link checks the connection.",
    beforeYouStart: "Before you start",
    ipayrollApiUser:
      "Sign in as the API user, not as the main user. The API user is the iPayroll login your main user created for connected programs; its user name starts with your organisation number and “api”, for example 49764apihrlink.",
    ipayrollSignOut:
      "If this browser is already signed in to iPayroll, sign out there first. Otherwise iPayroll may connect the wrong organisation.",
    employmentheroOrganisation:
      "On Employment Hero's page, choose the organisation you want to connect.",
    employmentheroDedicatedUser:
      "We recommend signing in as an Employment Hero user just for HR Link, with full permissions, so that the connection keeps working when someone leaves.",
    button: "Sign in with {{provider}}",
    tryAgain: "Try again",
    stopped: "Sign-in stopped. You can start it again.",
    loadedTitle: "Signed in to {{provider}}",
    loadedBody: "HR Link will check this sign-in next.",
    signInAgain: "Sign in again",
  },
  waiting: {
    heading: "Finish signing in to {{provider}} in your browser",
    status: "Waiting for you to finish in your browser…",
    body: "HR Link opened {{provider}}'s sign-in page in your web browser. If you cannot see it, look for a new browser window or tab.",
    timeout: "HR Link stops waiting after 5 minutes.",
    cancel: "Cancel",
    closedBrowser: "I closed the browser",
  },
  sandboxLogin: {
    summary: "Try it with the Sandbox test user",
    bodyIris: "The Sandbox accepts this made-up API user.",
    bodySignIn:
      "The Sandbox's {{provider}} sign-in page accepts this made-up user: copy it into that page.",
    username: "User name",
    password: "Password",
    copy: "Copy",
    copyUsername: "Copy the user name",
    copyPassword: "Copy the password",
    copyBoth: "Copy both",
    fill: "Fill in for me",
    copied: "Copied.",
    copyFailed: "Could not copy. Select the text and copy it yourself.",
    filled: "Filled in. Now choose Continue.",
  },
  verify: {
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
  },
  result: {
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
    problemHeadingSignedIn: "Signed in to {{provider}}, but something needs fixing",
    problemLead: "Nothing has been saved. Fix the problem, then try again.",
    problemLeadSignIn: "Nothing has been saved. Fix the problem, then sign in again.",
    problemLeadOther: "Nothing has been saved. Fix the problem, then enter your details again.",
    permissionNextStepSignIn: "Grant it as shown next to it, then choose Sign in again.",
    company: "Company",
    organisation: "Organisation",
    companyNumber: "Number in {{provider}}",
    organisationNumber: "Organisation number",
    organisationId: "ID in {{provider}}",
    people: "People HR Link can see",
    peopleCount_one: "{{count}} person",
    peopleCount_other: "{{count}} people",
    peopleUnknown: "Could not count",
    permissionsHeading: "What HR Link may see in {{provider}}",
    permissionsCaption: "Permissions of your key",
    permissionsCaptionUser: "Permissions of your API user",
    permissionsCaptionSignIn: "Permissions of your sign-in",
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
    useDifferentUser: "Enter the user name and password again",
    signInAgain: "Sign in again",
    notRightCompany: "No, use a different key",
    notRightUser: "No, use a different API user",
    notRightSignIn: "No, sign in again",
    checkPeople: "Continue: check the people",
    peopleConfirmed_one: "You confirmed {{count}} person.",
    peopleConfirmed_other: "You confirmed {{count}} people.",
  },
  /** What each permission lets HR Link do, per system, keyed by its id with `.`, `-`, `:` as `_`. */
  permissions: {
    hrworks: {
      persons: "See who works for you (names and personnel numbers)",
      persons_master_data: "Read people's details (email, job, start and leave dates)",
      organization_units: "See your departments",
      absences: "Read absences",
    },
    iris: {
      employees: "See who works for you (names, jobs, departments, start and leave dates)",
      personal: "Read personal details (date of birth, contact details), to match people",
      contract: "Read contract details (contract type, hours, manager)",
    },
    ipayroll: {
      employees: "See who works for you (names, jobs, start and finish dates)",
      timesheets: "Read timesheets",
      payrates: "Read pay rates",
      customfields: "Read custom fields",
      costcentres: "Read cost centres",
      leavebalances: "Read leave balances",
      leaverequests: "Read leave requests",
      payslips: "Read payslips",
      payelements: "Read pay elements (allowances and deductions)",
      payrolls: "Read pay runs",
    },
    employmenthero: {
      organisations_list: "See which organisations you can reach",
      organisations_show: "Read your organisation's details",
      employees_list: "See who works for you",
      employees_show: "Read people's details (email, job, start date)",
      teams_list: "See your teams",
      urn_mainapp_organisations_read: "See your organisations",
      urn_mainapp_employees_read: "See who works for you, with their details",
    },
  },
  permissionFix: {
    hrworks:
      "In HRworks, go to Basics > Integrations > HR WORKS-API, select the key, tick “{{id}}” at the bottom of the page and click Save. Then choose Try again.",
    iris: "In IRIS HR Professional, go to System Tools > Utilities > Company > API Users, select the API user and click Set Rights. Allow it to read {{what}}, click Save, then choose Try again.",
    irisWhat: {
      employees: "employee records",
      personal: "the Personal tab",
      contract: "the Contract tab",
    },
    ipayroll:
      "Sign in again and allow “{{id}}” on iPayroll's page. iPayroll gives the API user only what its role allows: if it is still missing, ask your iPayroll main user or iPayroll support to allow it for the API user, then sign in again.",
    employmenthero:
      "In Employment Hero, open your profile menu > Developer Portal > API and select the app HR Link uses. Add the permission “{{id}}” to it and save, then choose Sign in again.",
    other: "Give the key this permission in {{provider}}, then choose Try again.",
  },
  people: {
    heading: "Are these your people?",
    lead: "These are the people HR Link can see in {{provider}}. Check that they are the people of your business before you save the connection.",
    listingHeading: "Reading your people from {{provider}}",
    listingLead: "This can take a few minutes for a large business. Nothing is saved.",
    pages: "Page {{done, number}} of {{total, number}}",
    pagesUnknown_one: "{{count}} page read",
    pagesUnknown_other: "{{count}} pages read",
    soFar_one: "{{count, number}} person so far",
    soFar_other: "{{count, number}} people so far",
    timeLeftSeconds_one: "About {{count}} second left",
    timeLeftSeconds_other: "About {{count}} seconds left",
    timeLeftMinutes_one: "About {{count}} minute left",
    timeLeftMinutes_other: "About {{count}} minutes left",
    timeLeftUnknown: "Working out how long this takes…",
    cancel: "Cancel",
    failedHeading: "HR Link could not read all your people",
    cancelledHeading: "You stopped reading your people",
    cancelledLead: "Nothing has been saved. Start again when you are ready.",
    tryAgain: "Read the people again",
    backToResult: "Back to the check",
    total_one: "{{count, number}} person in {{provider}}",
    total_other: "{{count, number}} people in {{provider}}",
    countsHeading: "What HR Link found",
    compareHeading: "Compare with your records",
    compareLead:
      "Load a list of your staff that you keep elsewhere (for example exported from your payroll or a spreadsheet) as a CSV or Excel file. HR Link compares it with {{provider}} and shows who is missing or different. The file stays on this computer.",
    compareButton: "Compare with your records",
    compareAgain: "Compare with a different file",
    comparing: "Reading your file…",
    rosterRead_one: "Read {{count, number}} person from your file",
    rosterRead_other: "Read {{count, number}} people from your file",
    rosterSkipped_one:
      "{{count, number}} row without a name, email or personnel number was skipped.",
    rosterSkipped_other:
      "{{count, number}} rows without a name, email or personnel number were skipped.",
    rosterErrorTitle: "There is a problem with your file",
    tableHeading: "Everyone HR Link found",
    tableCaption: "People, sorted by name",
    showing: "Showing {{shown, number}} of {{total, number}}",
    search: "Search by name or email",
    filterStatus: "Status",
    filterCategory: "Result of the comparison",
    all: "All",
    sortAscending: "A to Z",
    sortDescending: "Z to A",
    columnName: "Name",
    columnEmail: "Work email",
    columnStatus: "Status",
    columnCategory: "Result",
    columnInclude: "Include",
    includePerson: "Include {{name}}",
    excludedLabel: "Left out",
    excludedExplain: "You chose to leave these people out: the connection will not use them.",
    noEmail: "No email",
    noMatches: "No people match your search.",
    reviewHeading: "Check these by hand",
    reviewLead:
      "HR Link thinks these might be the same person, but is not sure. Say whether they are.",
    reviewInHr: "In {{provider}}",
    reviewInRecords: "In your records",
    samePerson: "Same person",
    notSamePerson: "Not the same person",
    answeredSame: "You said: the same person.",
    answeredDifferent: "You said: not the same person.",
    changeAnswer: "Change your answer",
    reviewMore_one:
      "{{count, number}} more to check: choose “Needs review” under “Result of the comparison”.",
    reviewMore_other:
      "{{count, number}} more to check: choose “Needs review” under “Result of the comparison”.",
    maskedNote: "Names and emails are shortened while you share your screen.",
    confirm: "Yes, these are our people",
    status: {
      active: "Active",
      inactive: "Inactive",
      terminated: "Left",
    },
    category: {
      matched: "Matched",
      matched_with_differences: "Matched with differences",
      needs_review: "Needs review",
      only_in_hr: "Only in {{provider}}",
      only_in_existing: "Only in your records",
      inactive: "Inactive or left",
      duplicates: "Possible duplicates",
    },
    explain: {
      matched: "In both places, and the details agree.",
      matched_with_differences:
        "In both places, but some details differ (for example the email or the start date).",
      needs_review: "Probably the same person, but HR Link is not sure. Check these by hand.",
      only_in_hr:
        "In {{provider}} but not in your records: new starters, or people missing from your list.",
      only_in_existing:
        "In your records but not in {{provider}}: people who left, or who were never added to {{provider}}.",
      inactive: "Switched off in {{provider}} or already left. The connection will still see them.",
      duplicates:
        "Look like someone else in {{provider}} (the same email or name). Check whether they were entered twice.",
    },
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
