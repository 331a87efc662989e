/**
 * Issue 14, point 7: the pane renders every finding in English from its code and params. Every
 * finding the audit gives on the fixtures and the corpus carries params, and its English text is
 * the specific one (not the code's general sentence) with no Italian left in it; the table covers
 * every check.
 */
import { CHECKS } from "../../src/core/audit";
import type { Finding } from "../../src/core/model";
import { ENGLISH_CODES, findingMessage } from "../../src/taskpane/findings";
import { officeHint } from "../../src/taskpane/mode";
import { listCases, readCase } from "../helpers/corpus";

const ITALIAN =
  /\b(sommano|non raggiunto|indicatore|indicatori|obiettivo|obiettivi|manca|il target|scaduto|nel foglio)\b/i;

describe("findings in English", () => {
  it("the English table covers every check and the recognizer's finding", () => {
    for (const c of [...CHECKS.map((x) => x.code), "LAYOUT_NOT_RECOGNIZED"])
      expect(ENGLISH_CODES).toContain(c);
  });

  it("Italian mode shows the core's own message", () => {
    const f: Finding = {
      severity: "error",
      code: "WEIGHTS_SUM",
      message: "I pesi …",
      params: { sum: 0.8 },
    };
    expect(findingMessage(f, "it")).toBe("I pesi …");
    expect(findingMessage(f, "en")).toBe(
      "The indicator weights of this objective add up to 80%, not 100%"
    );
    // No params (an older model): the code's general sentence, still English.
    expect(findingMessage({ ...f, params: undefined }, "en")).toBe(
      "The indicator weights of this objective do not add up to 100%"
    );
    expect(findingMessage({ ...f, code: "SOMETHING_NEW" }, "en")).toBe("I pesi …");
  });

  it("every finding on the fixtures and the corpus has params and a specific English text", async () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const c of listCases()) {
      const model = await readCase(c);
      for (const f of model.findings) {
        seen.add(f.code);
        const en = findingMessage(f, "en");
        const general = findingMessage({ ...f, params: undefined }, "en");
        if (!f.params || Object.keys(f.params).length === 0)
          problems.push(`${c.name} ${f.code}: nessun params`);
        else if (en === general) problems.push(`${c.name} ${f.code}: testo generico "${en}"`);
        // Quoted texts from the plan stay as written; the sentence around them is English.
        const frame = en.replace(/'[^']*'|"[^"]*"/g, "''");
        if (ITALIAN.test(frame)) problems.push(`${c.name} ${f.code}: "${en}"`);
      }
    }
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(5);
  }, 120_000);
});

describe("deciding the mode without waiting on Office.js", () => {
  it("waits for Office only when the page was opened by Office", () => {
    expect(officeHint("?_host_Info=Excel$Win32$16.01$it-IT$$$$0", "", null)).toBe(true);
    expect(officeHint("", '{"hostInfo":"_host_Info=Excel|Web"}', null)).toBe(true);
    expect(officeHint("", "", "Excel|Web|16.00|it-IT")).toBe(true);
    expect(officeHint("", "", null)).toBe(false);
    expect(officeHint("?file=piano.xlsx", "", null)).toBe(false);
  });
});
