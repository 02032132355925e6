import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { lazyComponent } from "./lazyComponent";

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A module that arrives when `arrive` is called. */
function slowModule() {
  let arrive = () => {};
  const loaded = new Promise<typeof Greeting>((resolve) => {
    arrive = () => resolve(Greeting);
  });
  return { load: () => loaded, arrive: () => arrive() };
}

describe("lazyComponent", () => {
  it("shows the fallback until its module arrives, then the component", async () => {
    const module = slowModule();
    const Lazy = lazyComponent(module.load, <p>Loading</p>);
    render(<Lazy name="Ada" />);
    expect(screen.getByText("Loading")).toBeInTheDocument();
    module.arrive();
    expect(await screen.findByText("Hello Ada")).toBeInTheDocument();
    expect(screen.queryByText("Loading")).not.toBeInTheDocument();
  });

  it("renders at once, without the fallback, once preloaded", async () => {
    const module = slowModule();
    const Lazy = lazyComponent(module.load, <p>Loading</p>);
    const preloaded = Lazy.preload();
    module.arrive();
    await preloaded;
    render(<Lazy name="Grace" />);
    expect(screen.getByText("Hello Grace")).toBeInTheDocument();
  });

  it("loads its module again after a failed load", async () => {
    let attempts = 0;
    const Lazy = lazyComponent(
      async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("offline");
        return Greeting;
      },
      <p>Loading</p>,
    );
    await expect(Lazy.preload()).rejects.toThrow("offline");
    await Lazy.preload();
    render(<Lazy name="Lin" />);
    expect(screen.getByText("Hello Lin")).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
