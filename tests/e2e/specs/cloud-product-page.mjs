// The Sandbox product "Acme Rostering" as the cloud specs see it from outside: the rows of its
// page of what it received, and its Sandbox knobs (issue a code, set a connection's status).
import { expectText } from "./support.mjs";

const origin = () => process.env.HRLINK_E2E_PRODUCT_ORIGIN;

/** The rows of the product's page (one is there from the start), each row's cells only. */
export async function receivedRows() {
  const page = await (await fetch(`${origin()}/product`)).text();
  // What follows a row (the table's end, more of the page) is not the row.
  return page
    .split("<tr>")
    .slice(2)
    .map((row) => row.split("</tr>")[0]);
}

/** A row's cells, as text: connection, HR system, account, credential, people, status, mapping. */
export const cells = (row) => [...row.matchAll(/<td>(.*?)<\/td>/g)].map((match) => match[1]);

async function post(path, body) {
  const answer = await fetch(`${origin()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path}: ${answer.status}`);
  return answer.status === 204 ? null : answer.json();
}

/** A new code, as the product's "Connect your HR system" (or "Reconnect") page would show. */
export const issueCode = async (spec) => (await post("/product/sandbox/enrollments", spec)).code;

/** The product finds a delivered connection in this state (e.g. its credential now fails). */
export const setStatus = (connectionId, status) =>
  post(`/product/sandbox/connections/${encodeURIComponent(connectionId)}/status`, { status });

/** The code page: types `code` and continues. */
export async function enterCode(code, { timeout = 20_000 } = {}) {
  await expectText("h1", "Enter the code from Acme Rostering", { timeout });
  await $("#enrollment-code").setValue(code);
  await $("button=Continue").click();
}
