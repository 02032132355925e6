import { describe, expect, it } from "vitest";
import { successReport } from "../../../lib/ipc/fakeBackend";
import type { MappingProposal } from "../../../lib/ipc/types";
import { expectStep, run, staged } from "../../../test/machine";
import { unmapped } from "../../mapping/machine";
import { type WizardAction, wizardReducer } from ".";

const report = successReport("hrworks");

const toResult: WizardAction[] = [
  { type: "selectProvider", provider: "hrworks" },
  { type: "submitProvider" },
  { type: "submitScopes" },
  { type: "skipGuide" },
  { type: "stagingStarted", source: "text" },
  { type: "stagingSucceeded", staged },
  { type: "verifyStarted" },
  { type: "verifyFinished", run: 1, report },
];

const category = (id: string, name: string, people: number) => ({ id, name, people });

const proposal: MappingProposal = {
  categories: {
    locations: [
      { id: "loc_1", name: "Zentrale München" },
      { id: "loc_2", name: "Filiale Köln" },
    ],
    areas_of_work: [],
    roles: [{ id: "r_2", name: "Mitarbeiter" }],
    default_role: "r_2",
  },
  kinds: [
    {
      kind: "locations",
      rows: [
        {
          category: category("1", "Zentrale München", 18),
          suggestion: { kind: "exact", product_id: "loc_1" },
          ties: [],
          chosen: "loc_1",
          new_since_saved: false,
        },
        {
          category: category("2", "Lager Garching", 12),
          suggestion: null,
          ties: [],
          chosen: null,
          new_since_saved: false,
        },
      ],
    },
  ],
  default_role: "r_2",
  from_saved: false,
};

const shownStep = () =>
  run([
    ...toResult,
    { type: "saveRequested", label: "Bakery" },
    { type: "mappingLoaded", proposal },
  ]);

describe("the mapping step in the wizard", () => {
  it("comes before check your answers and starts by reading the proposal", () => {
    const mapping = expectStep(
      run([...toResult, { type: "saveRequested", label: "Bakery" }]),
      "mapping",
    );
    expect(mapping.mapping).toEqual({ kind: "loading" });
    const shown = expectStep(
      wizardReducer(mapping, { type: "mappingLoaded", proposal }),
      "mapping",
    );
    expect(shown.mapping).toMatchObject({
      kind: "shown",
      choices: { locations: { "1": "loc_1" }, areas_of_work: {}, roles: {} },
      defaultRole: "r_2",
    });
  });

  it("is skipped when the product has no categories, then saving goes on", () => {
    const result = expectStep(
      run([
        ...toResult,
        { type: "saveRequested", label: "" },
        { type: "mappingLoaded", proposal: null },
      ]),
      "result",
    );
    expect(result.mapped).toEqual({ kind: "skipped" });
    const confirm = expectStep(
      wizardReducer(result, { type: "saveRequested", label: "Bakery" }),
      "confirm",
    );
    expect(confirm.mapped).toEqual({ kind: "skipped" });
  });

  it("keeps the choices through check your answers, Change and Back", () => {
    const chosen = run(
      [
        { type: "categoryChosen", kind: "locations", hrId: "1", productId: null },
        { type: "categoryChosen", kind: "locations", hrId: "2", productId: "loc_2" },
        { type: "defaultRoleChosen", role: null },
      ],
      shownStep(),
    );
    const state = expectStep(chosen, "mapping");
    if (state.mapping.kind !== "shown") throw new Error("shown");
    expect(state.mapping.choices.locations).toEqual({ "2": "loc_2" });
    expect(unmapped(state.mapping, "locations").map((r) => r.category.name)).toEqual([
      "Zentrale München",
    ]);
    // While the core keeps the choice, nothing changes.
    const keeping = wizardReducer(chosen, { type: "mappingSubmitted" });
    expect(wizardReducer(keeping, { type: "back" })).toBe(keeping);
    expect(
      wizardReducer(keeping, {
        type: "categoryChosen",
        kind: "locations",
        hrId: "1",
        productId: "loc_1",
      }),
    ).toBe(keeping);
    const confirm = expectStep(
      run([{ type: "mappingKept" }, { type: "saveRequested", label: "Bakery" }], keeping),
      "confirm",
    );
    expect(confirm.mapped).toMatchObject({ kind: "shown", defaultRole: null });
    const again = expectStep(
      wizardReducer(confirm, { type: "changeAnswer", answer: "mapping" }),
      "mapping",
    );
    expect(again.mapping).toMatchObject({
      kind: "shown",
      keeping: false,
      choices: { locations: { "2": "loc_2" } },
    });
    expectStep(wizardReducer(confirm, { type: "back" }), "mapping");
  });

  it("goes back to the result, and ignores an answer that comes late", () => {
    const loading = run([...toResult, { type: "saveRequested", label: "" }]);
    const result = expectStep(wizardReducer(loading, { type: "back" }), "result");
    expect(result.mapped).toBeUndefined();
    expect(wizardReducer(result, { type: "mappingLoaded", proposal })).toBe(result);
    const failed = wizardReducer(loading, {
      type: "mappingFailed",
      problem: { code: "unexpected_error" },
    });
    expect(expectStep(failed, "mapping").mapping.kind).toBe("failed");
    expect(
      expectStep(wizardReducer(failed, { type: "mappingRetried" }), "mapping").mapping,
    ).toEqual({
      kind: "loading",
    });
  });
});
