// Benchmark section "write": placeholder until its issue fills it in.
export async function run(): Promise<void> {
  console.log("[write] (non ancora misurato)");
}
