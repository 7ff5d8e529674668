import { Command } from "commander";
import type { CliDeps } from "../../context.js";

export function emulatorCommand(deps: CliDeps): Command {
  return new Command("emulator")
    .description("serve a snapshot as a local Atlassian admin API on 127.0.0.1, with rate limits and fault injection.")
    .option("--snapshot <file>", "the org to serve")
    .option("--demo", "serve the bundled demo organization")
    .option("--port <n>", "port to listen on (default: a free port)")
    .option("--api-key-env <name>", "read the API key clients must send from this environment variable (default: a random key)")
    .option("--rate-limit <n/window>", "admin requests allowed per API key per window: 300/min, 20/s, 50/10s (default 1000/min)")
    .option("--faults <spec>", "inject faults, e.g. 5xx=0.1,reset=0.05,latency=20-200ms,seed=7 (also 429=0.05, reset-after-write=0.05)")
    .option("--as-of <when>", "serve the org as of: start (default: timestamps move so the snapshot was taken now), taken (the snapshot's own times), or an ISO 8601 time")
    .option("--routes", "list the routes the emulator serves (method, path, how documented, source) and exit")
    .option("--service-account-writes <mode>", "group, role, suspend and restore writes naming a service account: refuse (default, 404 USER_NOT_FOUND as reported for Atlassian) or accept")
    .addHelpText(
      "after",
      `
Prints shell lines that point bot2svc at the emulator, then serves until Ctrl-C.
Control routes (no key, loopback only): GET /__emulator/state, GET /__emulator/requests,
POST /__emulator/reset-counters.
By default the org is served as of now: every timestamp moves by (start - takenAt), so a live
audit through the emulator judges activity as an offline audit of the file does at takenAt.
The emulator is strict where Atlassian's documentation is: unknown body fields, "-" as the
directory of a write, product-role ARIs on roles/assign, members of IdP-synced groups and (unless
--service-account-writes accept) service accounts in directory writes are refused; the events
stream ends with an empty page that still carries a polling cursor; the service-account list
pages with absolute links.next URLs, at most 80 per page.

Examples:
  $ eval "$(bot2svc emulator --demo --port 8787 &)"      # or copy the printed lines
  $ bot2svc emulator --snapshot org.json --rate-limit 60/min --faults 5xx=0.1,seed=7
  $ bot2svc emulator --snapshot org.json --as-of taken        # the snapshot's own times
  $ bot2svc emulator --routes                                 # what it serves, and from which docs
  $ bot2svc emulator --demo --rate-limit 20/2s          # a tight limit: 429s come quickly
  $ EMU_KEY=local-key bot2svc emulator --demo --api-key-env EMU_KEY`,
    )
    .action(async (raw: Record<string, unknown>, cmd: Command) => {
      // The handler and the libraries it needs load only when the command runs, not for --help.
      const { emulatorAction } = await import("./emulator-action.js");
      await emulatorAction(raw, cmd, deps);
    });
}
