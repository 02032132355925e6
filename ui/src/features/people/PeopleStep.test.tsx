import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeHrPeople } from "../../lib/ipc/fakePeople";
import type { PersonView } from "../../lib/ipc/types";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { withTableViewport } from "../../test/layout";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";

type Session = ReturnType<typeof renderApp>;

withTableViewport();

/** Verifies the Sandbox's valid HRworks key and opens the People step. */
async function openPeople({ user }: Session) {
  await chooseHrworks(user);
  await pasteKey(user, VALID_KEY_FILE);
  await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
}

/** The same in German. */
async function openPeopleInGerman({ user }: Session) {
  await user.click(await screen.findByRole("radio", { name: /HRworks/ }));
  await user.click(screen.getByRole("button", { name: "Weiter" }));
  // What to share, then "I already have a key file" on the guide.
  await screen.findByRole("heading", { level: 1, name: /^Was darf .+ in .+ lesen\?$/ });
  await user.click(screen.getByRole("button", { name: "Weiter" }));
  await user.click(
    await screen.findByRole("button", { name: "Ich habe schon eine Schlüsseldatei" }),
  );
  await user.click(
    await screen.findByLabelText("Oder fügen Sie die zwei Zeilen der Schlüsseldatei ein"),
  );
  await user.paste(VALID_KEY_FILE);
  await user.click(await screen.findByRole("button", { name: "Weiter: Mitarbeitende prüfen" }));
}

function tableRows(): HTMLElement[] {
  const table = screen.getByRole("grid", { name: /^People, sorted by / });
  // The first row is the header.
  return within(table).getAllByRole("row").slice(1);
}

function count(category: string): string | null {
  const item = document.querySelector(`[data-category="${category}"] .people-counts__value`);
  return item?.textContent ?? null;
}

describe("the People step", () => {
  it("shows the listing's progress, and Cancel stops it", async () => {
    const session = renderApp({ manualListing: true });
    await openPeople(session);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Reading your people from HRworks" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Step 7 of 7")).toBeInTheDocument();
    const listing = session.backend.pendingListing;
    if (!listing) throw new Error("no listing under way");
    act(() => listing.emit({ pages_done: 3, pages_total: 12, people: 300, eta_seconds: 40 }));
    const status = screen.getByRole("status");
    expect(status).toHaveTextContent("Page 3 of 12");
    expect(status).toHaveTextContent("300 people so far");
    expect(status).toHaveTextContent("About 40 seconds left");
    act(() => listing.emit({ pages_done: 4, pages_total: 12, people: 400, eta_seconds: 600 }));
    expect(status).toHaveTextContent("About 10 minutes left");

    await session.user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "You stopped reading your people",
      }),
    ).toBeInTheDocument();
    expect(session.backend.calls).toContainEqual({ method: "cancelPeopleListing" });
    // Back to the check, and the people can be read again from there.
    await session.user.click(screen.getByRole("button", { name: "Back to the check" }));
    await session.user.click(
      await screen.findByRole("button", { name: "Continue: check the people" }),
    );
    expect(
      await screen.findByRole("heading", { level: 1, name: "Reading your people from HRworks" }),
    ).toBeInTheDocument();
  });

  it("shows a listing's problem with what to do next, and reads again", async () => {
    const session = renderApp({ manualListing: true });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Reading your people from HRworks" });
    act(() =>
      session.backend.pendingListing?.finish({
        status: "error",
        error: {
          code: "provider_rate_limited",
          params: { provider: "HRworks", retry_after_seconds: null },
        },
      }),
    );
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "HR Link could not read all your people",
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "There is a problem" })).toBeVisible();
    await session.user.click(screen.getByRole("button", { name: "Read the people again" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Reading your people from HRworks" }),
    ).toBeInTheDocument();
    expect(session.backend.calls.filter((call) => call.method === "listPeople")).toHaveLength(2);
  });

  it("asks whether these are the people, with the counts up front", async () => {
    const session = renderApp();
    await openPeople(session);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Are these your people?" }),
    ).toBeInTheDocument();
    expect(screen.getByText("42 people in HRworks")).toBeInTheDocument();
    // 42 made-up people: every 10th inactive, every 25th left.
    expect(count("only_in_hr")).toBe("37");
    expect(count("inactive")).toBe("5");
    expect(screen.getByText("Showing 42 of 42")).toBeInTheDocument();
    await expectNoSeriousA11yViolations();
  }, 15_000);

  it("keeps the rows in the page bounded for 50,000 people, and scrolling shows others", async () => {
    const session = renderApp({ people: fakeHrPeople(50_000), pageSize: 5_000 });
    await openPeople(session);
    await screen.findByRole(
      "heading",
      { level: 1, name: "Are these your people?" },
      {
        timeout: 5_000,
      },
    );
    expect(screen.getByText("50,000 people in HRworks")).toBeInTheDocument();
    const table = screen.getByRole("grid", { name: "People, sorted by name" });
    expect(table).toHaveAttribute("aria-rowcount", "50001");
    const first = tableRows();
    // 480 px of 48 px rows plus a few above and below, never thousands.
    expect(first.length).toBeGreaterThanOrEqual(10);
    expect(first.length).toBeLessThanOrEqual(30);
    expect(first[0]).toHaveAttribute("aria-rowindex", "2");

    const scroller = document.querySelector(".people-table__scroll");
    if (!(scroller instanceof HTMLElement)) throw new Error("no scrolling region");
    act(() => {
      scroller.scrollTop = 48 * 20_000;
      fireEvent.scroll(scroller);
    });
    await waitFor(() => {
      const index = Number(tableRows()[0]?.getAttribute("aria-rowindex"));
      expect(index).toBeGreaterThan(19_000);
    });
    expect(tableRows().length).toBeLessThanOrEqual(30);
  }, 20_000);

  it("searches by name or email, filters by status and sorts by name", async () => {
    const people: PersonView[] = [
      { name: "Zoë Brown", email: "zoe@bakery.example", status: "active", teams: [] },
      { name: "Anna Müller", email: "anna@bakery.example", status: "active", teams: [] },
      { name: "Karl Lee", email: "k.lee@bakery.example", status: "terminated", teams: [] },
    ];
    const session = renderApp({ people });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    const names = () => tableRows().map((row) => row.firstElementChild?.textContent);
    expect(names()).toEqual(["Anna Müller", "Karl Lee", "Zoë Brown"]);

    await session.user.click(screen.getByRole("button", { name: /Name/ }));
    expect(names()).toEqual(["Zoë Brown", "Karl Lee", "Anna Müller"]);

    // The ready marker end-to-end tests wait on: settled once the rows on show are the latest.
    const table = screen.getByRole("grid", { name: /^People, sorted by / });
    expect(table).toHaveAttribute("aria-busy", "false");
    await session.user.type(screen.getByLabelText("Search by name or email"), "K.LEE");
    await waitFor(() => expect(names()).toEqual(["Karl Lee"]));
    await waitFor(() => expect(table).toHaveAttribute("aria-busy", "false"));
    await session.user.clear(screen.getByLabelText("Search by name or email"));
    await session.user.type(screen.getByLabelText("Search by name or email"), "müll");
    await waitFor(() => expect(names()).toEqual(["Anna Müller"]));
    await session.user.clear(screen.getByLabelText("Search by name or email"));

    await session.user.selectOptions(screen.getByLabelText("Status"), "terminated");
    await waitFor(() => expect(names()).toEqual(["Karl Lee"]));
    expect(screen.getByText("Showing 1 of 3")).toBeInTheDocument();
    await session.user.type(screen.getByLabelText("Search by name or email"), "nobody");
    expect(await screen.findByText("No people match your search.")).toBeInTheDocument();
  });

  it("compares with the admin's records and shows every category with its explanation", async () => {
    const hr = fakeHrPeople(42);
    // The file has 20 of them (3 under another name), and 4 people HRworks does not have.
    const roster: PersonView[] = [
      ...hr
        .slice(0, 20)
        .map((person, index) => (index < 3 ? { ...person, name: `${person.name} Jr` } : person)),
      ...Array.from({ length: 4 }, (_, index) => ({
        name: `Gone Person ${index}`,
        email: `gone${index}@example.com`,
        teams: [],
      })),
    ];
    const session = renderApp({ people: hr, pickedRoster: { people: roster } });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    expect(screen.queryByLabelText("Result of the comparison")).not.toBeInTheDocument();

    await session.user.click(screen.getByRole("button", { name: "Compare with your records" }));
    expect(await screen.findByText("Read 24 people from your file")).toBeInTheDocument();
    // Of the first 20: #10 and #20 are inactive; 3 renamed; 15 agree.
    expect(count("matched")).toBe("15");
    expect(count("matched_with_differences")).toBe("3");
    expect(count("needs_review")).toBe("0");
    expect(count("only_in_hr")).toBe("19");
    expect(count("only_in_existing")).toBe("4");
    expect(count("inactive")).toBe("5");
    expect(count("duplicates")).toBe("0");
    expect(
      screen.getByText(
        "In your records but not in HRworks: people who left, or who were never added to HRworks.",
      ),
    ).toBeInTheDocument();

    await session.user.selectOptions(
      screen.getByLabelText("Result of the comparison"),
      "only_in_existing",
    );
    await waitFor(() => expect(tableRows()).toHaveLength(4));
    expect(tableRows()[0]).toHaveTextContent("Only in your records");
  });

  it("asks about suggested pairs and counts the answers", async () => {
    const hr = fakeHrPeople(5);
    // The same name as HRworks' first person, but no email: HR Link is not sure.
    const roster: PersonView[] = [{ name: hr[0]?.name ?? "", teams: [] }];
    const session = renderApp({ people: hr, pickedRoster: { people: roster } });
    await openPeople(session);
    await session.user.click(
      await screen.findByRole("button", { name: "Compare with your records" }),
    );
    const review = await screen.findByRole("region", { name: "Check these by hand" });
    expect(count("needs_review")).toBe("1");
    expect(count("only_in_hr")).toBe("4");

    await session.user.click(within(review).getByRole("button", { name: "Same person" }));
    expect(await within(review).findByText(/You said: the same person/)).toBeInTheDocument();
    expect(count("needs_review")).toBe("0");
    expect(count("matched")).toBe("1");
    expect(session.backend.calls).toContainEqual({
      method: "decidePair",
      staged: "staged-1",
      entry: 0,
      decision: "accept",
    });

    await session.user.click(within(review).getByRole("button", { name: "Change your answer" }));
    await session.user.click(
      await within(review).findByRole("button", { name: "Not the same person" }),
    );
    expect(await within(review).findByText(/You said: not the same person/)).toBeInTheDocument();
    expect(count("matched")).toBe("0");
    expect(count("only_in_hr")).toBe("5");
    expect(count("only_in_existing")).toBe("1");
  });

  it("leaves a person out and takes them back in", async () => {
    const session = renderApp();
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    const include = screen.getByRole("checkbox", { name: "Include Anna Müller 1" });
    expect(include).toBeChecked();
    await session.user.click(include);
    await waitFor(() => expect(count("excluded")).toBe("1"));
    expect(count("only_in_hr")).toBe("36");
    expect(screen.getByRole("checkbox", { name: "Include Anna Müller 1" })).not.toBeChecked();
    expect(session.backend.calls).toContainEqual({
      method: "excludePerson",
      staged: "staged-1",
      entry: 0,
      excluded: true,
    });
    await session.user.click(screen.getByRole("checkbox", { name: "Include Anna Müller 1" }));
    await waitFor(() => expect(count("excluded")).toBeNull());
    expect(count("only_in_hr")).toBe("37");
  });

  it("shows the problem with a wrong file at the top and keeps the people", async () => {
    const session = renderApp({ pickedRoster: { problem: { code: "roster_empty" } } });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    await session.user.click(screen.getByRole("button", { name: "Compare with your records" }));
    expect(
      await screen.findByRole("heading", {
        level: 2,
        name: "There is a problem with your file",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("42 people in HRworks")).toBeInTheDocument();
  });

  it("confirms the people and goes on", async () => {
    const session = renderApp();
    await openPeople(session);
    await session.user.click(
      await screen.findByRole("button", { name: "Yes, these are our people" }),
    );
    // Confirming leads on to saving; going back shows what was confirmed.
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    expect(session.backend.calls).toContainEqual({ method: "confirmPeople", staged: "staged-1" });
    await session.user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByText("You confirmed 42 people.")).toBeInTheDocument();
  });

  it("keeps the confirmed people with the saved connection", async () => {
    const session = renderApp();
    await openPeople(session);
    await session.user.click(
      (await screen.findAllByRole("checkbox", { name: /^Include / }))[0] as HTMLElement,
    );
    await session.user.click(screen.getByRole("button", { name: "Yes, these are our people" }));
    await screen.findByRole("heading", { level: 1, name: "Check your answers before saving" });
    await session.user.click(screen.getByRole("button", { name: "Save connection" }));
    await screen.findByRole("heading", { level: 1, name: /^Connected: / });
    const kept = session.backend.snapshots.get("connection-1");
    if (kept === undefined || kept === "unreadable") throw new Error("no list kept");
    // Everyone but the person left out.
    expect(kept.people).toHaveLength(41);
  });

  it("filters by location and sorts by any column, saying how", async () => {
    const people: PersonView[] = [
      {
        name: "Zoë Brown",
        status: "active",
        location: "Berlin",
        start_date: "2021-05-01",
        teams: [],
      },
      {
        name: "Anna Müller",
        status: "terminated",
        location: "Auckland",
        start_date: "2019-01-10",
        teams: [],
      },
      { name: "Karl Lee", status: "inactive", start_date: "2023-03-03", teams: [] },
      { name: "Ben Ngata", status: "active", location: "Berlin", teams: [] },
    ];
    const session = renderApp({ people });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    const names = () => tableRows().map((row) => row.firstElementChild?.textContent);
    const header = (name: string) => screen.getByRole("columnheader", { name: new RegExp(name) });
    expect(header("Name")).toHaveAttribute("aria-sort", "ascending");

    await session.user.click(screen.getByRole("button", { name: /Start date/ }));
    expect(names()).toEqual(["Anna Müller", "Zoë Brown", "Karl Lee", "Ben Ngata"]);
    expect(header("Start date")).toHaveAttribute("aria-sort", "ascending");
    expect(header("Name")).not.toHaveAttribute("aria-sort");
    expect(screen.getByRole("grid", { name: "People, sorted by start date" })).toBeVisible();
    // Newest first; people without a start date stay last.
    await session.user.click(screen.getByRole("button", { name: /Start date/ }));
    expect(names()).toEqual(["Karl Lee", "Zoë Brown", "Anna Müller", "Ben Ngata"]);
    expect(header("Start date")).toHaveAttribute("aria-sort", "descending");

    await session.user.click(screen.getByRole("button", { name: /Location/ }));
    expect(names()).toEqual(["Anna Müller", "Ben Ngata", "Zoë Brown", "Karl Lee"]);
    await session.user.click(screen.getByRole("button", { name: /^Status/ }));
    expect(names()).toEqual(["Ben Ngata", "Zoë Brown", "Karl Lee", "Anna Müller"]);

    await session.user.selectOptions(screen.getByLabelText("Location"), "Berlin");
    await waitFor(() => expect(names()).toEqual(["Ben Ngata", "Zoë Brown"]));
    expect(screen.getByText("Showing 2 of 4")).toBeInTheDocument();
    await expectNoSeriousA11yViolations();
  });

  it("exports the people as they stand, without those left out", async () => {
    const session = renderApp();
    await openPeople(session);
    await session.user.click(
      (await screen.findAllByRole("checkbox", { name: /^Include / }))[0] as HTMLElement,
    );
    await session.user.click(screen.getByRole("button", { name: "Export this list (CSV)" }));
    expect(await screen.findByText("The list was saved as a CSV file.")).toBeInTheDocument();
    const [rows] = session.backend.exports;
    // The header and 41 people.
    expect(rows).toHaveLength(42);
  });

  it("refuses to export in screen-share mode, saying why", async () => {
    const session = renderApp({ appInfo: { support_mode: true } });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    expect(screen.getByText(/Exporting is switched off while you share your screen/)).toBeVisible();
    await session.user.click(screen.getByRole("button", { name: "Export this list (CSV)" }));
    expect(
      await screen.findByText(/cannot be exported while screen-share mode is on/),
    ).toBeInTheDocument();
    expect(session.backend.exports).toHaveLength(0);
  });

  it("shows masked people in screen-share mode", async () => {
    const session = renderApp({ appInfo: { support_mode: true } });
    await openPeople(session);
    await screen.findByRole("heading", { level: 1, name: "Are these your people?" });
    expect(
      screen.getByText("Names and emails are shortened while you share your screen."),
    ).toBeInTheDocument();
    const text = tableRows()
      .map((row) => row.textContent)
      .join("\n");
    expect(text).toContain("A. M.");
    expect(text).toContain("p•••@example.com");
    expect(text).not.toContain("person1@example.com");
    expect(text).not.toContain("Anna");
  });

  it("speaks German", async () => {
    const session = renderApp({ language: "de", pickedRoster: { people: fakeHrPeople(10) } });
    await openPeopleInGerman(session);
    expect(
      await screen.findByRole("heading", { level: 1, name: "Sind das Ihre Mitarbeitenden?" }),
    ).toBeInTheDocument();
    expect(screen.getByText("42 Personen in HRworks")).toBeInTheDocument();
    expect(screen.getByText(/^Alle, die HRworks führt, auch inaktive/)).toBeVisible();
    expect(screen.getByLabelText("Standort")).toBeVisible();
    expect(screen.getByRole("grid", { name: "Personen, sortiert nach Name" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Diese Liste exportieren (CSV)" })).toBeVisible();
    await session.user.click(
      screen.getByRole("button", { name: "Mit Ihren Unterlagen vergleichen" }),
    );
    expect(await screen.findByText("10 Personen aus Ihrer Datei gelesen")).toBeInTheDocument();
    expect(screen.getByText("Nur in Ihren Unterlagen", { selector: "dt" })).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Ja, das sind unsere Mitarbeitenden" }),
    ).toBeVisible();
  });
});
