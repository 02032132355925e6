// A code the product has already seen used gets its own page with the next step, and nothing
// is sent (the app in cloud mode against the Sandbox product, see ../cloud-product.mjs).
import { shots } from "./cloud-shots.mjs";
import { appStartTimeout, expectText } from "./support.mjs";

describe("Cloud delivery with a used code", () => {
  it("says the code was used and asks for a new one in the product's words", async () => {
    const received = () =>
      fetch(`${process.env.HRLINK_E2E_PRODUCT_ORIGIN}/product`).then((answer) => answer.text());
    const before = await received();
    await expectText("h1", "Enter the code from Acme Rostering", { timeout: appStartTimeout });
    await $("#enrollment-code").setValue("HRL-VSED-0NCE");
    await $("button=Continue").click();
    await expectText("h1", "This code cannot be used");
    await expectText("body", expect.stringContaining("This code from Acme Rostering has already been used."));
    await expectText("body", expect.stringContaining("Ask Acme Rostering for a new code"));
    await shots("used-code");
    await $("button=Enter another code").click();
    await expectText("h1", "Enter the code from Acme Rostering");

    expect(await received()).toBe(before);
  });
});
