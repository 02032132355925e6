export const links = {
  not_understood: {
    title: "This link was not understood",
    body: "HR Link does not recognise the link you opened. If someone sent it to you, ask them to send it again, or do what it was for in HR Link itself.",
  },
  unavailable: {
    title: "This link cannot be used here",
    body: "The link carries a connection code from your business software. This version of HR Link, as it is set up on this computer, does not take connection codes. Ask the business software’s support how to connect instead.",
  },
  connection_missing: {
    title: "That connection is not on this computer",
    body: "The link is for re-authorising a connection that is not saved in HR Link on this computer. It may have been removed, or saved on another computer.",
  },
  nothingChanged: "Nothing was changed.",
  showConnections: "See your connections",
};
