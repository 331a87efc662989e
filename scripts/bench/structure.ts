// Benchmark section "structure": placeholder until its issue fills it in.
export async function run(): Promise<void> {
  console.log("[structure] (non ancora misurato)");
}
