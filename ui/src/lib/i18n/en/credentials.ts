export const credentials = {
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
};

export const iris = {
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
};

export const signIn = {
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
};

export const waiting = {
  heading: "Finish signing in to {{provider}} in your browser",
  status: "Waiting for you to finish in your browser…",
  body: "HR Link opened {{provider}}'s sign-in page in your web browser. If you cannot see it, look for a new browser window or tab.",
  timeout: "HR Link stops waiting after 5 minutes.",
  noBrowserTitle: "No web browser could be opened",
  noBrowser:
    "Copy the sign-in address below and open it in a web browser on this computer to sign in to {{provider}}.",
  addressHeading: "The sign-in address",
  addressHint:
    "If the page did not open, copy this address into a web browser on this computer (it only works here).",
  copy: "Copy",
  copyLabel: "Copy the sign-in address",
  copied: "Copied. Paste it into your browser's address bar.",
  copyFailed: "Could not copy. The address is selected: press Ctrl+C to copy it.",
  openAgain: "Open the browser again",
  cancel: "Cancel",
  closedBrowser: "I closed the browser",
};

export const sandboxLogin = {
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
};
