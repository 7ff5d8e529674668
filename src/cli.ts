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

// A closed pipe (`bot2svc audit | head`) is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
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
