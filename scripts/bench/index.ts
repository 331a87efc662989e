// `npm run bench`: speed and memory, section by section. Not a test: it prints numbers.
import { run as targets } from "./targets";
import { run as structure } from "./structure";
import { run as openData } from "./open-data";
import { run as audit } from "./audit";
import { run as write } from "./write";
import { run as taskpane } from "./taskpane";
import { run as rows } from "./rows";

async function main(): Promise<void> {
  for (const section of [targets, structure, openData, audit, write, rows, taskpane])
    await section();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
