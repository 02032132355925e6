import { useRef, useState } from "react";

export type CopyState = "idle" | "copied" | "failed";

/**
 * Copies `value` to the clipboard. When the clipboard refuses, the element behind `ref` (the
 * value as shown) is selected instead, so that the admin can copy it with the keyboard.
 */
export function useCopy<E extends HTMLElement>(value: string) {
  const [state, setState] = useState<CopyState>("idle");
  const ref = useRef<E>(null);

  const select = () => {
    const element = ref.current;
    const selection = window.getSelection();
    if (!element || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      select();
      setState("failed");
    }
  };

  return { state, ref, copy };
}
