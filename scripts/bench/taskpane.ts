// Benchmark section "taskpane": placeholder until its issue fills it in.
export async function run(): Promise<void> {
  console.log("[taskpane] (non ancora misurato)");
}
