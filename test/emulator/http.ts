import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../src/emulator/server.js";
import { sampleSnapshot } from "./fixture.js";

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** Emulators started by a test file, closed after each test with `closeAll`. */
export function emulators(): { start(options?: Partial<EmulatorOptions>): Promise<RunningEmulator>; closeAll(): Promise<void> } {
  const running: RunningEmulator[] = [];
  return {
    async start(options = {}) {
      const emu = await startEmulator({ snapshot: sampleSnapshot(), apiKey: "test-key-123", asOf: "taken", ...options });
      running.push(emu);
      return emu;
    },
    async closeAll() {
      await Promise.all(running.splice(0).map((e) => e.close()));
    },
  };
}

/** One request with the org API key (or `auth`), the body as JSON. */
export async function call(emu: RunningEmulator, method: string, path: string, options: { body?: unknown; auth?: string | null } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = options.auth === undefined ? `Bearer ${emu.apiKey}` : options.auth;
  if (auth !== null) headers.authorization = auth;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === "" ? undefined : JSON.parse(text) };
}
