// Placeholder entry of the `peg` command; the CLI work replaces it.
process.stdout.write("peg\n");
