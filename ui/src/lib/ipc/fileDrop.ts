/** A file dragged over the window: `hover` while dragging, `drop` with its contents, `leave`. */
export type FileDropEvent =
  | { type: "hover" }
  /** The dropped file's contents (at most `MAX_DROPPED_BYTES`), never its path. */
  | { type: "drop"; text: string }
  | { type: "leave" };

/** Stops listening. */
export type Unlisten = () => void;

/**
 * The most of a dropped file the webview reads: one byte over the core's cap on key files
 * (`MAX_CREDENTIAL_TEXT_BYTES`, 64 KiB), so that Rust still refuses a larger file as not a key
 * file while a 2 GB file dropped by mistake is never read whole.
 */
export const MAX_DROPPED_BYTES = 64 * 1024 + 1;

/**
 * Files dropped on the window, read in the page (the HTML drag-and-drop API): the webview gets
 * the first file's contents and never its path, which Tauri's own drop handler (switched off in
 * `tauri.conf.json`) would hand it.
 */
export function listenForDroppedFiles(handler: (event: FileDropEvent) => void): Unlisten {
  const over = (event: DragEvent) => {
    event.preventDefault();
    handler({ type: "hover" });
  };
  const leave = (event: DragEvent) => {
    if (event.relatedTarget === null) handler({ type: "leave" });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    const file = event.dataTransfer?.files[0];
    if (!file) {
      handler({ type: "leave" });
      return;
    }
    readText(file.slice(0, MAX_DROPPED_BYTES)).then(
      (text) => handler({ type: "drop", text }),
      () => handler({ type: "leave" }),
    );
  };
  window.addEventListener("dragover", over);
  window.addEventListener("dragleave", leave);
  window.addEventListener("drop", drop);
  return () => {
    window.removeEventListener("dragover", over);
    window.removeEventListener("dragleave", leave);
    window.removeEventListener("drop", drop);
  };
}

/** The blob as UTF-8 text (`FileReader`: what every webview, and jsdom, provides). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
