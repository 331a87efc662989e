import {
  a1,
  cellRef,
  columnIndex,
  columnLetters,
  parseA1,
  rangeRef,
  splitRef,
} from "../../src/core/grid";

describe("A1 addresses", () => {
  it("converts columns both ways", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(16383)).toBe("XFD");
    for (let c = 0; c < 16384; c += 97) expect(columnIndex(columnLetters(c))).toBe(c);
  });
  it("builds and parses cell references with quoted sheet names", () => {
    expect(a1(21, 1)).toBe("B22");
    expect(parseA1("$B$22")).toEqual({ row: 21, col: 1 });
    expect(parseA1("22B")).toBeNull();
    const g = { sheet: "Scheda 1", rows: [], origin: { row: 2, col: 1 } };
    expect(cellRef(g, 0, 0)).toBe("'Scheda 1'!B3");
    expect(rangeRef(g, 0, 0, 2, 1)).toBe("'Scheda 1'!B3:C5");
    expect(splitRef("'L''anno'!A1")).toEqual({ sheet: "L'anno", range: "A1" });
    expect(cellRef({ sheet: "Foglio1", rows: [] }, 2, 0)).toBe("Foglio1!A3");
  });
});
