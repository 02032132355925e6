import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { DEMO_GUIDES } from "../../lib/ipc/fakeBackend";
import { expectNoSeriousA11yViolations } from "../../test/axe";
import { ALREADY_HAVE, renderApp } from "../../test/render";

type User = ReturnType<typeof renderApp>["user"];

function h1(): HTMLElement {
  return screen.getByRole("heading", { level: 1 });
}

/** Chooses `name` on step 1 and continues to what to share. */
async function toScopes(user: User, name: RegExp) {
  await user.click(await screen.findByRole("radio", { name }));
  await user.click(screen.getByRole("button", { name: /^(Continue|Weiter)$/ }));
  await screen.findByRole("heading", { level: 1, name: /^(What may|Was darf) / });
}

async function next(user: User) {
  await user.click(screen.getByRole("button", { name: /^(Continue|Weiter)$/ }));
}

describe("choosing the HR system", () => {
  it("says where each system is sold and what the admin will need", async () => {
    renderApp();
    const ipayroll = await screen.findByRole("radio", { name: /iPayroll/ });
    const card = ipayroll.closest(".radio");
    expect(card).toHaveTextContent("New Zealand");
    expect(card).toHaveTextContent(
      "You need the iPayroll main user login (the one whose user name is your 5-digit organisation number).",
    );
    expect(screen.getByText("Step 1 of 7")).toBeInTheDocument();
  });

  it("narrows the list by name or country, and says when nothing matches", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    const search = screen.getByRole("searchbox", { name: "Search for your HR system" });
    await user.type(search, "germ");
    expect(screen.getAllByRole("radio").map((r) => (r as HTMLInputElement).value)).toEqual([
      "hrworks",
    ]);
    await user.clear(search);
    await user.type(search, "hero");
    // Both of Employment Hero's products, each saying which it is.
    expect(screen.getAllByRole("radio").map((r) => (r as HTMLInputElement).value)).toEqual([
      "employmenthero",
      "employmenthero_payroll",
    ]);
    expect(
      screen.getByRole("radio", { name: /^Employment Hero$/ }).closest(".radio"),
    ).toHaveTextContent("Employment Hero HR — sign in in the browser");
    expect(
      screen.getByRole("radio", { name: /^Employment Hero Payroll$/ }).closest(".radio"),
    ).toHaveTextContent("Employment Hero Payroll (formerly KeyPay) — API key");
    await user.type(search, "zzz");
    expect(screen.queryAllByRole("radio")).toHaveLength(0);
    expect(screen.getByRole("status")).toHaveTextContent("No HR system matches “herozzz”.");
  });

  it("chooses the one system left when Enter is pressed in the search", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    await user.type(screen.getByRole("searchbox", { name: "Search for your HR system" }), "germ");
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", {
      level: 1,
      name: "What may Demo Rostering read in HRworks?",
    });
  });

  it("keeps Enter in a search with several matches from choosing one", async () => {
    const { user } = renderApp();
    await screen.findAllByRole("radio");
    await user.type(screen.getByRole("searchbox", { name: "Search for your HR system" }), "e");
    expect(screen.getAllByRole("radio").length).toBeGreaterThan(1);
    await user.keyboard("{Enter}");
    expect(h1()).toHaveTextContent("Which HR system do you use?");
    expect(screen.getByRole("link", { name: "Select the HR system you use" })).toBeInTheDocument();
  });

  it("keeps the whole card chosen with the arrow keys in view", async () => {
    const scrolled: Element[] = [];
    const scrollIntoView = vi
      .spyOn(Element.prototype, "scrollIntoView")
      .mockImplementation(function (this: Element) {
        scrolled.push(this);
      });
    const { user } = renderApp();
    await user.click(await screen.findByRole("radio", { name: /iPayroll/ }));
    await user.keyboard("{ArrowDown}{ArrowDown}");
    const hrworks = screen.getByRole("radio", { name: /HRworks/ });
    expect(hrworks).toHaveFocus();
    expect(scrollIntoView).toHaveBeenLastCalledWith({ block: "nearest" });
    expect(scrolled.at(-1)).toBe(hrworks.closest(".radio"));
  });
});

describe("what to share", () => {
  it("locks the required permissions on, each with why, and lets the admin tick optional ones", async () => {
    const { user } = renderApp();
    await toScopes(user, /HRworks/);
    expect(h1()).toHaveTextContent("What may Demo Rostering read in HRworks?");
    expect(screen.getByText("Step 2 of 7")).toBeInTheDocument();
    await waitFor(() => expect(h1()).toHaveFocus());

    const persons = screen.getByRole("checkbox", {
      name: /See who works for you \(names and personnel numbers\)/,
    });
    expect(persons).toBeChecked();
    expect(persons).toBeDisabled();
    expect(persons).toHaveAccessibleDescription(
      "Needed to find the people who work for you. Called “persons” in HRworks.",
    );
    expect(screen.getByRole("checkbox", { name: /Read people's details/ })).toBeDisabled();
    const units = screen.getByRole("checkbox", { name: "See your departments" });
    expect(units).not.toBeChecked();
    expect(units).toBeEnabled();
    await user.click(units);
    expect(units).toBeChecked();
    await expectNoSeriousA11yViolations();

    // The guide lists exactly the boxes to tick: the required ones and the one chosen.
    await next(user);
    await next(user);
    await next(user);
    expect(h1()).toHaveTextContent("Tick the permissions Demo Rostering needs");
    const ticks = [...document.querySelectorAll(".guide-permissions code")];
    expect(ticks.map((code) => code.textContent)).toEqual([
      "persons",
      "persons.master-data",
      "organization-units",
    ]);

    // Back to the choice: it is kept; unticked, the guide drops it.
    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.click(screen.getByRole("button", { name: "Back" }));
    await user.click(screen.getByRole("button", { name: "Back" }));
    const kept = screen.getByRole("checkbox", { name: "See your departments" });
    expect(kept).toBeChecked();
    await user.click(kept);
    await next(user);
    await next(user);
    await next(user);
    expect(screen.queryByText("organization-units")).not.toBeInTheDocument();
  });
});

describe("the guide", () => {
  it("walks HRworks screen by screen in its own words, with where to find things", async () => {
    const { user } = renderApp();
    await toScopes(user, /HRworks/);
    await next(user);
    expect(h1()).toHaveTextContent("Open the admin interface in HRworks");
    expect(screen.getByText("Step 3 of 7")).toBeInTheDocument();
    expect(screen.getByText("Page 1 of 3 of the guide")).toBeInTheDocument();
    const steps = screen.getByRole("list", { name: "Steps" });
    expect(within(steps).getAllByRole("listitem")).toHaveLength(2);
    expect(steps).toHaveTextContent("Switch to admin interface");
    expect(screen.getByText("Where do I find this?")).toBeInTheDocument();
    expect(screen.getByText(/Your profile picture is at the top right/)).not.toBeVisible();
    await user.click(screen.getByText("Where do I find this?"));
    expect(screen.getByText(/Your profile picture is at the top right/)).toBeVisible();
    // The demo says there is nothing to create.
    expect(screen.getByRole("region", { name: "Demo" })).toHaveTextContent(
      "The built-in Sandbox imitates HRworks",
    );
    await expectNoSeriousA11yViolations();

    await next(user);
    await waitFor(() => expect(h1()).toHaveFocus());
    expect(h1()).toHaveTextContent("Create a key pair for Demo Rostering");
    expect(
      screen.getByText(/Basics > Integrations and click the tile HR WORKS-API/),
    ).toBeInTheDocument();
    await next(user);
    await next(user);
    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Which HRworks key should HR Link use?",
      }),
    ).toBeInTheDocument();
    expect(screen.getByText("Step 4 of 7")).toBeInTheDocument();
    // Back returns to the last guide screen.
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("Tick the permissions Demo Rostering needs");
  });

  it("renders in German", async () => {
    const { user } = renderApp({ language: "de" });
    await toScopes(user, /HRworks/);
    expect(h1()).toHaveTextContent("Was darf Demo Rostering in HRworks lesen?");
    expect(screen.getByText("Schritt 2 von 7")).toBeInTheDocument();
    await next(user);
    expect(h1()).toHaveTextContent("Öffnen Sie in HRworks die Administrationsoberfläche");
    expect(screen.getByText("Seite 1 von 3 der Anleitung")).toBeInTheDocument();
    expect(screen.getByText("Wo finde ich das?")).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Ich habe schon eine Schlüsseldatei" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("button", { name: "Ich bin nicht der Administrator" }),
    ).toBeInTheDocument();
  });

  it("copies every value to type", async () => {
    const { user } = renderApp();
    await toScopes(user, /IRIS HR Professional/);
    await next(user);
    expect(h1()).toHaveTextContent("Switch on the API module in IRIS");
    await next(user);
    expect(h1()).toHaveTextContent("Create an API user for Demo Rostering");
    await user.click(screen.getByRole("button", { name: "Copy “Demo Rostering”" }));
    expect(await navigator.clipboard.readText()).toBe("Demo Rostering");
    expect(screen.getByText("Copied. Now paste it in IRIS HR Professional.")).toBeInTheDocument();
  });

  it("selects the value to copy by hand when the clipboard refuses", async () => {
    const { user } = renderApp();
    await toScopes(user, /IRIS HR Professional/);
    await next(user);
    await next(user);
    const refuse = vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("no"));
    await user.click(screen.getByRole("button", { name: "Copy “Demo Rostering”" }));
    expect(screen.getByText(/Could not copy. It is selected/)).toBeInTheDocument();
    expect(window.getSelection()?.toString()).toBe("Demo Rostering");
    refuse.mockRestore();
  });

  it("gives Employment Hero's scopes to copy as one text, as chosen", async () => {
    const { user } = renderApp();
    await toScopes(user, /^Employment Hero$/);
    await user.click(screen.getByRole("checkbox", { name: "See your teams" }));
    await next(user);
    expect(h1()).toHaveTextContent("Which Employment Hero user will connect?");
    await next(user);
    expect(h1()).toHaveTextContent("Check the app for Demo Rostering in the Developer Portal");
    await user.click(screen.getByRole("button", { name: "Copy all scopes" }));
    expect(await navigator.clipboard.readText()).toBe(
      "organisations:list employees:list teams:list",
    );
  });

  it("keeps a typed user name in the draft once the typing pauses, not at every key", async () => {
    const { user, backend } = renderApp();
    await toScopes(user, /iPayroll/);
    await next(user);
    await next(user);
    const saves = () => backend.calls.filter((c) => c.method === "saveWizardDraft").length;
    const before = saves();
    await user.type(screen.getByRole("textbox", { name: "The API user's name" }), "49764apihrlink");
    await waitFor(() => expect(backend.draft?.username).toBe("49764apihrlink"));
    // 14 keys, one write (two at most, should the typing itself pause).
    expect(saves() - before).toBeLessThanOrEqual(2);
  });

  it("checks iPayroll's API user name with the core as it is typed", async () => {
    const { user, backend } = renderApp();
    await toScopes(user, /iPayroll/);
    await next(user);
    expect(h1()).toHaveTextContent("First, sign out of iPayroll in your browser");
    await next(user);
    expect(h1()).toHaveTextContent("Create an API user for Demo Rostering");
    const field = screen.getByRole("textbox", { name: "The API user's name" });
    await user.type(field, "4976api");
    expect(
      await screen.findByText("Start with your 5-digit organisation number, for example 49764.", {
        selector: ".field__error, .field__error *",
      }),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    await user.clear(field);
    await user.type(field, "49764apihr");
    expect(await screen.findByText(/Make it at least 13 characters/)).toBeInTheDocument();
    await user.type(field, "link");
    expect(
      await screen.findByText("This name follows iPayroll's rule. Copy it into iPayroll:"),
    ).toBeInTheDocument();
    expect(field).not.toHaveAttribute("aria-invalid");
    await user.click(screen.getByRole("button", { name: "Copy “49764apihrlink”" }));
    expect(await navigator.clipboard.readText()).toBe("49764apihrlink");
    expect(backend.calls).toContainEqual({
      method: "checkIpayrollUsername",
      username: "49764apihrlink",
    });

    // Kept when going on and coming back.
    await next(user);
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByRole("textbox", { name: "The API user's name" })).toHaveValue(
      "49764apihrlink",
    );
  });

  it("skips to the credentials with I already have one", async () => {
    const { user } = renderApp();
    await toScopes(user, /iPayroll/);
    await next(user);
    await user.click(screen.getByRole("button", { name: ALREADY_HAVE }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Sign in to iPayroll in your browser" }),
    ).toBeInTheDocument();
  });
});

describe("I'm not the admin", () => {
  it("gives a printable sheet with every step for the system and the permissions chosen", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const { user } = renderApp();
    await toScopes(user, /HRworks/);
    await user.click(screen.getByRole("checkbox", { name: "See your departments" }));
    await next(user);
    await next(user);
    await user.click(screen.getByRole("button", { name: "I'm not the admin" }));
    expect(h1()).toHaveTextContent("Steps for your HRworks administrator");
    await waitFor(() => expect(h1()).toHaveFocus());
    const hrworks = DEMO_GUIDES.find((g) => g.provider === "hrworks");
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "What you need",
      "What Demo Rostering may read",
      "1. Open the admin interface in HRworks",
      "2. Create a key pair for Demo Rostering",
      "3. Tick the permissions Demo Rostering needs",
    ]);
    expect(hrworks?.screens).toHaveLength(3);
    expect(screen.getByText("You need an HRworks administrator login.")).toBeInTheDocument();
    expect(screen.getAllByText("organization-units").length).toBeGreaterThan(0);
    // Where to find things is written out, not folded away.
    expect(screen.getByText(/Your profile picture is at the top right/)).toBeVisible();
    await expectNoSeriousA11yViolations();
    await user.click(screen.getByRole("button", { name: "Print or save as PDF" }));
    expect(print).toHaveBeenCalledOnce();
    print.mockRestore();
    // Back to the screen it was opened from.
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(h1()).toHaveTextContent("Create a key pair for Demo Rostering");
  });
  it("saves the sheet as a file through the core, without the app's controls", async () => {
    const { user, backend } = renderApp({ language: "de" });
    await toScopes(user, /HRworks/);
    await next(user);
    await next(user);
    await user.click(screen.getByRole("button", { name: "Ich bin nicht der Administrator" }));
    await user.click(screen.getByRole("button", { name: "Als Datei speichern" }));
    await screen.findByText(
      "Gespeichert. Sie können die Datei an die Person schicken, die HRworks verwaltet.",
    );
    const saves = backend.calls.filter((call) => call.method === "saveHandoffSheet");
    expect(saves).toHaveLength(1);
    const [save] = saves;
    if (save?.method !== "saveHandoffSheet") throw new Error("not saved");
    expect(save.provider).toBe("hrworks");
    expect(save.language).toBe("de");
    expect(save.title).toBe("Schritte für die Administration von HRworks");
    expect(save.sheet).toContain("<h1");
    expect(save.sheet).toContain("persons.master-data");
    expect(save.sheet).not.toContain("<button");
    expect(save.sheet).not.toContain("Als Datei speichern");
    await expectNoSeriousA11yViolations();
  });

  it("says why the sheet could not be saved", async () => {
    const { user, backend } = renderApp({ handoffSave: { problem: { code: "file_unwritable" } } });
    await toScopes(user, /HRworks/);
    await next(user);
    await next(user);
    await user.click(screen.getByRole("button", { name: "I'm not the admin" }));
    await user.click(screen.getByRole("button", { name: "Save as file" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The file could not be saved there. Choose another folder",
    );
    expect(backend.calls.filter((call) => call.method === "saveHandoffSheet")).toHaveLength(1);
  });
});
