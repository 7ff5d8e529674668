// Child process: generate a snapshot file with the built generator; prints its counts as JSON.
import { stat } from "node:fs/promises";

const [file, optionsJson] = process.argv.slice(2);
const { writeGeneratedOrg } = await import(process.env.BENCH_DIST);
const started = performance.now();
const truth = await writeGeneratedOrg(JSON.parse(optionsJson), file);
const { size } = await stat(file);
process.stdout.write(`${JSON.stringify({ file, bytes: size, counts: truth.counts, generateMs: performance.now() - started })}\n`);
