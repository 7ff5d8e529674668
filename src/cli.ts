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
