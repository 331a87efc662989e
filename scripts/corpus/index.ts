// `npm run corpus`: every corpus case and fixture read and scored, one line a case, then the means
// by split (fixture / dev / holdout). Not a test: it prints numbers (the test is test/recognize/corpus.test.ts).
import { listCases, readCase, scoreCase, type CaseScore } from "../../test/helpers/corpus";

const pct = (x: number) => (x * 100).toFixed(0).padStart(4);

async function main(): Promise<void> {
  // The held-back cases are measured, not looked at while the readers are written: their lines
  // and mean are printed only with --holdout.
  const showHoldout = process.argv.includes("--holdout");
  const rows: CaseScore[] = [];
  for (const c of listCases()) {
    if (c.split === "holdout" && !showHoldout) continue;
    const t0 = performance.now();
    const model = await readCase(c);
    rows.push(scoreCase(c, model, performance.now() - t0));
  }
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${"case".padEnd(w)}  split    objR objP  indP indR indF1 targ wght stat    ms`);
  for (const r of rows)
    console.log(
      `${r.name.padEnd(w)}  ${r.split.padEnd(7)} ${pct(r.objRecall)} ${pct(r.objPrecision)}  ${pct(r.indP)} ${pct(r.indR)}  ${pct(r.indF1)} ${pct(r.targets)} ${pct(r.weights)} ${pct(r.statuses)} ${r.ms.toFixed(0).padStart(5)}`
    );
  for (const split of ["fixture", "dev", "holdout", "all"]) {
    const sel = rows.filter((r) => split === "all" || r.split === split || split === "all");
    if (sel.length === 0) continue;
    const mean = (k: keyof CaseScore) => sel.reduce((s, r) => s + (r[k] as number), 0) / sel.length;
    const min = Math.min(...sel.map((r) => r.indF1));
    console.log(
      `mean ${split.padEnd(8)} (${String(sel.length).padStart(2)} cases)  objR ${pct(mean("objRecall"))}  objP ${pct(mean("objPrecision"))}  indF1 ${pct(mean("indF1"))}  min indF1 ${pct(min)}  targets ${pct(mean("targets"))}  weights ${pct(mean("weights"))}  statuses ${pct(mean("statuses"))}`
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
