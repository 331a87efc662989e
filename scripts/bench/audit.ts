// Benchmark section "audit": placeholder until its issue fills it in.
export async function run(): Promise<void> {
  console.log("[audit] (non ancora misurato)");
}
