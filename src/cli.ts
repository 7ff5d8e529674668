import { main } from "./main.js";

// The only place that ends the process. Ctrl-C aborts the run's signal first so that work in
// flight (a journaled step) can finish; a second Ctrl-C exits at once.
const controller = new AbortController();
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  controller.abort();
});

// A closed pipe (`bot2svc apply ... | head`) is the reader's choice: what would have gone there
// is dropped and the command runs to its end, so an apply never stops half-way (with its lock
// left behind) because nobody reads its output, and its exit code still tells how it ended.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") return;
    throw error;
  });
}

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  signal: controller.signal,
});
process.exitCode = interrupted && code === 0 ? 130 : code;
