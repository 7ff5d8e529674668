import { afterEach } from "vitest";
import type { RunningEmulator } from "../../src/emulator/server.js";
import type { RunningScimServer } from "../helpers/scim-server.js";

/** The bearer token the identity-provider tests give their SCIM server. */
export const SCIM_TOKEN = "scim-idp-bearer-value";

/** The emulator and the SCIM server a test starts; both are closed after each test. */
export function idpServers(): { emu: RunningEmulator | undefined; scim: RunningScimServer | undefined } {
  const servers: { emu: RunningEmulator | undefined; scim: RunningScimServer | undefined } = { emu: undefined, scim: undefined };
  afterEach(async () => {
    await servers.emu?.close();
    await servers.scim?.close();
    servers.emu = undefined;
    servers.scim = undefined;
  });
  return servers;
}
