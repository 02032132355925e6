import { afterEach, beforeEach } from "vitest";

/** jsdom does no layout: the height the People table's scrolling region has in the app. */
const TABLE_VIEWPORT = 480;

/**
 * Gives the People table's scrolling region its height in the app for each test of the calling
 * file (else the virtual table renders no rows).
 */
export function withTableViewport() {
  let restore: (() => void) | null = null;
  beforeEach(() => {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
    Object.defineProperty(HTMLElement.prototype, "clientHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains("people-table__scroll") ? TABLE_VIEWPORT : 0;
      },
    });
    restore = () => {
      if (original) Object.defineProperty(HTMLElement.prototype, "clientHeight", original);
    };
  });
  afterEach(() => restore?.());
}
