export const app = {
  name: "HR Link",
  skipLink: "Skip to main content",
  language: "Language",
  supportMode: "Screen-share mode",
  supportModeHint: "Hides keys, names and email addresses.",
  supportModeOn: "On",
  supportModeOff: "Off",
  turnOffTitle: "Turn off screen-share mode?",
  turnOffBody:
    "Names, email addresses and the last characters of keys will be visible to anyone watching your screen.",
  turnOffCancel: "Cancel",
  turnOffConfirm: "Turn off",
  loading: "Loading…",
  loadFailedTitle: "HR Link could not start",
  loadFailedBody: "Close HR Link and open it again. If this keeps happening, contact support.",
  version: "HR Link {{version}}",
  documentTitle: "{{page}} – HR Link",
};

export const resume = {
  heading: "Carry on where you left off?",
  intro:
    "You started connecting {{provider}} earlier and did not finish. HR Link kept how far you got, but nothing secret: no key, password or sign-in.",
  reauthoriseIntro:
    "You started connecting “{{label}}” ({{provider}}) again earlier and did not finish. HR Link kept how far you got, but nothing secret: no key, password or sign-in.",
  reached: "You got as far as: {{step}}.",
  steps: {
    scopes: "choosing what to share",
    guide: "creating the API user or key",
    credentials: "handing over the key or login",
    verification: "checking the connection",
  },
  continue: "Continue setting up {{provider}}",
  startAgain: "Start again",
  keyNotKept:
    "Welcome back. For your safety, HR Link deliberately did not keep your key, password or sign-in when it closed. Please paste the key or sign in again to continue.",
};

export const support = {
  code: "Support code",
  codeHint: "Read this code to your support contact so they can find your diagnostics.",
  copyDiagnostics: "Copy diagnostics",
  copied: "Diagnostics copied. Paste them into your message to support.",
  copyFailed: "Copying did not work. The diagnostics are selected below: copy them with Ctrl+C.",
  diagnosticsLabel: "Diagnostics for support",
  about:
    "The diagnostics contain no keys, passwords or personal data: what happened lately and the last lines of HR Link's log.",
};

export const demo = {
  title: "Demo mode",
  body: "Made-up data from the built-in Sandbox. Nothing real is changed.",
};

export const nav = {
  label: "Main",
  connections: "Your connections",
  connect: "Connect a system",
};

export const problem = {
  genericMessage: "Something went wrong that HR Link has no message for (code {{code}}).",
  genericNextStep:
    "Try again. If it keeps happening, contact support and mention the code {{code}}.",
  accessKey: "Access Key",
  secretAccessKey: "Secret Access Key",
};
