/**
 * The People grid's keyboard (the ARIA grid pattern): where the active cell goes for a key.
 * Row -1 is the header row; rows 0… are the people shown. Pure, so it is tested on its own.
 */

export interface Cell {
  row: number;
  column: number;
}

export interface GridSize {
  /** People shown. */
  rows: number;
  columns: number;
  /** Rows one PageUp/PageDown moves. */
  page: number;
}

/** The cell `key` moves to from `at`; `null` when the key does not move in the grid. */
export function moveFor(key: string, ctrl: boolean, at: Cell, size: GridSize): Cell | null {
  const last = size.rows - 1;
  const row = (to: number) => ({ ...at, row: Math.max(-1, Math.min(last, to)) });
  const column = (to: number) => ({ ...at, column: Math.max(0, Math.min(size.columns - 1, to)) });
  switch (key) {
    case "ArrowDown":
      return row(at.row + 1);
    case "ArrowUp":
      return row(at.row - 1);
    case "ArrowRight":
      return column(at.column + 1);
    case "ArrowLeft":
      return column(at.column - 1);
    case "PageDown":
      return row(at.row + size.page);
    case "PageUp":
      // A page up stops at the first person; one more ArrowUp reaches the headers.
      return row(at.row <= 0 ? at.row : Math.max(0, at.row - size.page));
    case "Home":
      return ctrl ? { row: -1, column: 0 } : column(0);
    case "End":
      return ctrl ? { row: last, column: size.columns - 1 } : column(size.columns - 1);
    default:
      return null;
  }
}

/** `at` within a grid that may have shrunk (a search or filter shows fewer people). */
export function clamp(at: Cell, size: GridSize): Cell {
  return {
    row: Math.min(at.row, size.rows - 1),
    column: Math.min(at.column, size.columns - 1),
  };
}
