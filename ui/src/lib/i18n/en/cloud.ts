/** Cloud delivery: the product's code, the tenant to recognise, sending, and how it ended. */
export const cloud = {
  code: {
    heading: "Enter the code from {{product}}",
    lead: "In {{product}}, choose “Connect your HR system”. {{product}} shows a code that starts with HRL. It works once, for 15 minutes.",
    label: "Code from {{product}}",
    hint: "For example HRL-7K3M-Q9XZ. Spaces and small letters are fine.",
    submit: "Continue",
    busy: "Checking the code with {{product}}…",
  },
  confirm: {
    heading: "Connect your HR system to {{product}} for {{tenant}}?",
    lead: "Only continue if {{tenant}} is your business in {{product}}. A code someone else sent you would connect your HR system to their business.",
    createdBy: "Code created by {{name}}",
    tenant: "Business in {{product}}",
    product: "Connection goes to",
    provider: "HR system",
    anyProvider: "You choose it in the next step",
    reauthorise:
      "{{product}} asks you to renew the connection to {{provider}} for {{account}}. The new key or sign-in must reach {{account}}; another company is refused before anything is sent.",
    yes: "Yes, continue",
    no: "No, this is not my business",
  },
  notMine: {
    heading: "Nothing was sent",
    body: "HR Link forgot the code. If someone sent it to you, do not use it. To connect your own business, sign in to {{product}} and get a code there.",
    again: "Enter another code",
  },
  reauthoriseCaption: "Re-authorise {{provider}} for {{account}}",
  send: "Send to {{product}}",
  sending: {
    heading: "Sending to {{product}}…",
    body: "{{product}} checks the connection itself before it accepts it. This takes a few seconds.",
  },
  done: {
    heading: "{{product}} now has your {{provider}} connection",
    body: "{{product}} checked it itself and reaches {{account}} for {{tenant}}.",
    nothingKept:
      "No key, password or token of {{provider}} is kept on this computer. HR Link remembers only where the connection went, so you can see how {{product}} reports it under Your connections.",
    seeConnections: "See your connections",
  },
  failed: {
    codeHeading: "This code cannot be used",
    sendHeading: "{{product}} did not take the connection",
    differentHeading: "This is not the company {{product}} expects",
    unreachableHeading: "HR Link could not reach {{product}}",
    exchangeHeading: "The sign-in could not be completed",
    keychainHeading: "HR Link cannot use this computer's keychain",
    expiredHeading: "HR Link no longer holds your key or sign-in",
    kept: "Your key or sign-in is still held by HR Link for a while, so trying again needs nothing typed again.",
    tryAgain: "Try again",
    newCode: "Enter another code",
  },
  delivered: {
    heading: "Delivered to your business software",
    label: "{{provider}} for {{product}}",
    status: {
      connected: "Connected, says {{product}}",
      failed_auth: "Sign-in refused, says {{product}}",
      missing_permission: "Permission missing, says {{product}}",
      removed: "Removed in {{product}}",
    },
    unknown: "Status not known",
    where: "Delivered to",
    whereValue: "{{product}} for {{tenant}} ({{origin}})",
    when: "Delivered on",
    detail: "{{product}} says: {{detail}}",
    reauthorise: "Re-authorise",
    reauthoriseHow:
      "{{product}} holds this connection, not HR Link, so renewing it starts there: open the connection in {{product}} and choose to reconnect it. {{product}} shows a new code (or a link that opens HR Link); enter it here and use a key or sign-in of {{provider}} for {{account}}.",
    enterCode: "Enter the code from {{product}}",
  },
};
