import { describe, expect, it } from "vitest";
import type { FileDropEvent } from "./fileDrop";
import { listenForDroppedFiles, MAX_DROPPED_BYTES } from "./fileDrop";

function drop(files: File[]): Event {
  const event = new Event("drop", { cancelable: true });
  Object.defineProperty(event, "dataTransfer", { value: { files } });
  return event;
}

describe("listenForDroppedFiles", () => {
  it("hands over the first dropped file's contents, capped, and never a path", async () => {
    const events: FileDropEvent[] = [];
    const stop = listenForDroppedFiles((event) => events.push(event));
    const huge = new File(["a".repeat(MAX_DROPPED_BYTES + 5000)], "huge.txt");
    window.dispatchEvent(drop([new File(["Access Key: A\n"], "key.txt"), huge]));
    window.dispatchEvent(drop([huge]));
    await expect.poll(() => events.length).toBe(2);
    expect(events[0]).toEqual({ type: "drop", text: "Access Key: A\n" });
    const second = events[1];
    expect(second?.type === "drop" && second.text.length).toBe(MAX_DROPPED_BYTES);
    expect(JSON.stringify(events)).not.toContain("key.txt");
    stop();
    window.dispatchEvent(drop([new File(["x"], "late.txt")]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toHaveLength(2);
  });
});
