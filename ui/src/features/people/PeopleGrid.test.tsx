import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeHrPeople } from "../../lib/ipc/fakePeople";
import { withTableViewport } from "../../test/layout";
import { chooseHrworks, pasteKey, renderApp, VALID_KEY_FILE } from "../../test/render";
import { moveFor } from "./gridKeys";

withTableViewport();

type Session = ReturnType<typeof renderApp>;

/** Verifies the Sandbox's valid HRworks key, opens the People step and returns its grid. */
async function openGrid({ user }: Session): Promise<HTMLElement> {
  await chooseHrworks(user);
  await pasteKey(user, VALID_KEY_FILE);
  await user.click(await screen.findByRole("button", { name: "Continue: check the people" }));
  await screen.findByRole(
    "heading",
    { level: 1, name: "Are these your people?" },
    { timeout: 5_000 },
  );
  return screen.getByRole("grid", { name: /^People, sorted by / });
}

/** The text of the grid's active cell. */
function active(grid: HTMLElement): string {
  const id = grid.getAttribute("aria-activedescendant");
  return (id && document.getElementById(id)?.textContent) || "";
}

describe("the People grid's keyboard", () => {
  it("is one Tab stop, after the skip link, with the confirmation above it", async () => {
    const session = renderApp();
    const grid = await openGrid(session);
    const confirm = screen.getByRole("button", { name: "Yes, these are our people" });
    // The confirmation comes before the table in the page (and so in the Tab order).
    expect(confirm.compareDocumentPosition(grid) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // Nothing inside the grid is a Tab stop of its own: no sort button, no Include box.
    expect(within(grid).queryAllByRole("checkbox").length).toBeGreaterThan(0);
    for (const control of grid.querySelectorAll("button, input")) {
      expect(control).toHaveAttribute("tabindex", "-1");
    }
    grid.focus();
    await session.user.tab();
    expect(grid.contains(document.activeElement)).toBe(false);
    await session.user.tab({ shift: true });
    expect(document.activeElement).toBe(grid);
  });

  it("skips to the confirmation", async () => {
    const session = renderApp();
    await openGrid(session);
    await session.user.click(screen.getByRole("link", { name: "Skip to confirm" }));
    expect(screen.getByRole("button", { name: "Yes, these are our people" })).toHaveFocus();
  });

  it("moves the active cell with arrows, Home/End and pages", async () => {
    const session = renderApp({ people: fakeHrPeople(5_000), pageSize: 5_000 });
    const grid = await openGrid(session);
    grid.focus();
    expect(grid).toHaveAttribute("aria-rowcount", "5001");
    const first = active(grid);
    expect(first).not.toBe("");
    await session.user.keyboard("{ArrowDown}");
    expect(grid.getAttribute("aria-activedescendant")).toBe("people-cell-1-0");
    await session.user.keyboard("{ArrowRight}");
    expect(active(grid)).toMatch(/@/);
    await session.user.keyboard("{End}");
    expect(grid.getAttribute("aria-activedescendant")).toBe("people-cell-1-5");
    await session.user.keyboard("{Home}{ArrowUp}{ArrowUp}");
    expect(active(grid)).toBe("Name ▲");
    await session.user.keyboard("{PageDown}");
    // jsdom lays nothing out, so the virtualiser's scrolling is left to the e2e spec.
    expect(grid.getAttribute("aria-activedescendant")).toMatch(/^people-cell-\d+-0$/);
    expect(grid.getAttribute("aria-activedescendant")).not.toBe("people-cell-0-0");
  }, 20_000);

  it("includes or leaves out the active person with Space, and sorts with Enter on a header", async () => {
    const session = renderApp();
    const grid = await openGrid(session);
    grid.focus();
    expect(active(grid)).toBe("Anna Brown 31");
    await session.user.keyboard(" ");
    await waitFor(() =>
      expect(session.backend.calls).toContainEqual({
        method: "excludePerson",
        staged: "staged-1",
        entry: 30,
        excluded: true,
      }),
    );
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: "Include Anna Brown 31" })).not.toBeChecked(),
    );
    await session.user.keyboard(" ");
    await waitFor(() =>
      expect(screen.getByRole("checkbox", { name: "Include Anna Brown 31" })).toBeChecked(),
    );
    await session.user.keyboard("{ArrowUp}{Enter}");
    expect(screen.getByRole("grid", { name: "People, sorted by name" })).toBeInTheDocument();
    expect(within(grid).getByRole("columnheader", { name: /Name/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
  });
});

describe("the grid's moves", () => {
  const size = { rows: 100, columns: 6, page: 9 };
  it("stops at the edges, reaches the headers, and pages", () => {
    expect(moveFor("ArrowUp", false, { row: 0, column: 2 }, size)).toEqual({ row: -1, column: 2 });
    expect(moveFor("ArrowUp", false, { row: -1, column: 2 }, size)).toEqual({ row: -1, column: 2 });
    expect(moveFor("ArrowDown", false, { row: 99, column: 0 }, size)).toEqual({
      row: 99,
      column: 0,
    });
    expect(moveFor("ArrowRight", false, { row: 3, column: 5 }, size)).toEqual({
      row: 3,
      column: 5,
    });
    expect(moveFor("PageDown", false, { row: 95, column: 1 }, size)).toEqual({
      row: 99,
      column: 1,
    });
    expect(moveFor("PageUp", false, { row: 5, column: 1 }, size)).toEqual({ row: 0, column: 1 });
    expect(moveFor("Home", true, { row: 50, column: 3 }, size)).toEqual({ row: -1, column: 0 });
    expect(moveFor("End", true, { row: 50, column: 3 }, size)).toEqual({ row: 99, column: 5 });
    expect(moveFor("a", false, { row: 50, column: 3 }, size)).toBeNull();
  });
});
