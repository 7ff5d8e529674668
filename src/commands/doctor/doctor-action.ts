import type { Command } from "commander";
import { makeContext, type CliDeps, type Context } from "../../context.js";
import { Bot2svcError, ExitSignal, InputError } from "../../core/errors.js";
import { sanitizeText, singleLine } from "../../core/text/sanitize.js";
import { CancelledError, describeBaseUrlSource } from "../../http/index.js";
import { createAtlassianProvider } from "../../providers/atlassian/factory.js";
import { checkAtlassian, type HealthCheck } from "../../providers/atlassian/health.js";
import { resolveAtlassianBaseUrl, resolveAtlassianSettings } from "../../providers/atlassian/settings.js";
import { createProvider, providerName, providerRefusal } from "../../providers/registry.js";
import { jsonDocumentText } from "../../contracts/json-document.js";
import { knownTerminalWidth } from "../../ui/table.js";
import { wrapParagraph } from "../../ui/wrap.js";

export type DoctorCheck = HealthCheck;

/** The `bot2svc doctor` handler, loaded only when the command runs. */
export async function doctorAction(raw: { timeout?: string }, cmd: Command, deps: CliDeps): Promise<void> {
  let ctx: Context;
  const json = cmd.optsWithGlobals().json === true;
  try {
    ctx = await makeContext(cmd, deps);
  } catch (error) {
    // An unreadable config file is itself a finding, reported like every other check.
    if (!(error instanceof Bot2svcError)) throw error;
    const failed: DoctorCheck = { id: "config", ok: false, detail: error.message, hint: error.hint ?? error.details.join("; ") };
    const lineWidth = knownTerminalWidth(deps.stdout, deps.env);
    const text = [...wrapParagraph(failed.detail, lineWidth, { first: "✖ config  ", rest: "    " }), ...(failed.hint ? wrapParagraph(failed.hint, lineWidth, { first: "    " }) : [])];
    deps.stdout.write(sanitizeText(json ? jsonDocumentText("bot2svc.doctor", { checks: [toJson(failed)] }) : `${text.join("\n")}\n`));
    throw new ExitSignal(1);
  }
  const checks = await runDoctor(ctx, { timeoutMs: parseTimeout(raw.timeout) });
  if (ctx.global.json) ctx.print(jsonDocumentText("bot2svc.doctor", { checks: checks.map(toJson) }));
  else ctx.print(renderChecks(checks, ctx));
  if (checks.some((c) => !c.ok)) throw new ExitSignal(1);
}

function toJson(check: DoctorCheck) {
  return { id: check.id, ok: check.ok, detail: check.detail, hint: check.hint ?? null };
}

const DEFAULT_TIMEOUT_MS = 60_000;

function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new InputError(`--timeout must be a number of seconds between 0 and 3600 (got "${raw}")`);
  }
  return Math.round(seconds * 1000);
}

/**
 * Runs every check that applies to the configured provider; never throws for a failed check.
 * The live checks share one overall deadline (`timeoutMs`, default 60 s); the checks it cuts
 * short say so.
 */
export async function runDoctor(ctx: Context, options: { timeoutMs?: number } = {}): Promise<DoctorCheck[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checks: DoctorCheck[] = [
    { id: "config", ok: true, detail: ctx.configFile ? `config file ${ctx.configFile} is valid` : "no config file; using defaults" },
  ];
  const name = providerName(ctx, {});
  if (name === undefined) {
    checks.push({
      id: "provider",
      ok: false,
      detail: "no directory provider is configured",
      hint: "Set BOT2SVC_PROVIDER=atlassian with BOT2SVC_ATLASSIAN_ORG_ID and BOT2SVC_ATLASSIAN_API_KEY, or use --provider.",
    });
    return checks;
  }
  const refused = providerRefusal(ctx, {});
  if (refused !== undefined) {
    checks.push(failure("provider", refused));
    return checks;
  }
  checks.push({ id: "provider", ok: true, detail: `provider: ${name}` });
  if (name !== "atlassian") {
    checks.push(await readCheck(ctx));
    return checks;
  }

  const origins = { envFileOf: ctx.envFileOf, configFile: ctx.configFile };
  try {
    const { baseUrl, source } = resolveAtlassianBaseUrl({ env: ctx.env, config: ctx.config.atlassian, origins });
    checks.push({ id: "baseUrl", ok: true, detail: `base URL ${baseUrl} (from ${describeBaseUrlSource(source)}) is allowed` });
  } catch (error) {
    checks.push(failure("baseUrl", error));
    return checks;
  }
  try {
    const settings = resolveAtlassianSettings({ env: ctx.env, config: ctx.config.atlassian, origins });
    checks.push({ id: "credentials", ok: true, detail: `org id ${settings.orgId} and an API key are set (directory ${settings.directoryId}, concurrency ${settings.concurrency})` });
  } catch (error) {
    checks.push(failure("credentials", error));
    return checks;
  }
  const deadline = new AbortController();
  const onCancel = () => deadline.abort();
  ctx.deps.signal?.addEventListener("abort", onCancel, { once: true });
  let deadlineHit = false;
  const timer = setTimeout(() => {
    deadlineHit = true;
    deadline.abort();
  }, timeoutMs);
  const provider = createAtlassianProvider(ctx, { signal: deadline.signal });
  try {
    checks.push(...(await checkAtlassian(provider, ctx.now())));
  } finally {
    clearTimeout(timer);
    ctx.deps.signal?.removeEventListener("abort", onCancel);
    await provider.close();
  }
  if (ctx.deps.signal?.aborted) throw new CancelledError();
  if (!deadlineHit) return checks;
  const cancelled = new CancelledError().message;
  return checks.map((c) =>
    !c.ok && c.detail === cancelled
      ? {
          ...c,
          detail: `not finished: doctor's overall deadline of ${timeoutMs / 1000} s passed`,
          hint: "The API answers too slowly. Check the network and proxy, or allow longer with --timeout SECONDS.",
        }
      : c,
  );
}

async function readCheck(ctx: Context): Promise<DoctorCheck> {
  try {
    const provider = await createProvider(ctx);
    try {
      const snapshot = await provider.readSnapshot(ctx.deps.signal ? { signal: ctx.deps.signal } : {});
      return { id: "read", ok: true, detail: `read ${snapshot.users.length} accounts from ${provider.name}` };
    } finally {
      await provider.close?.();
    }
  } catch (error) {
    return failure("read", error);
  }
}

function failure(id: string, error: unknown): DoctorCheck {
  if (error instanceof Bot2svcError) {
    const hint = [error.details.join("; "), error.hint].filter((x) => x !== undefined && x !== "").join(" ");
    return { id, ok: false, detail: error.message, ...(hint === "" ? {} : { hint }) };
  }
  return { id, ok: false, detail: error instanceof Error ? error.message : String(error) };
}

function renderChecks(checks: readonly DoctorCheck[], ctx: Context): string {
  const width = Math.max(...checks.map((c) => c.id.length));
  // On a terminal or with COLUMNS, details and hints wrap under the detail column; piped, one line each.
  const lineWidth = knownTerminalWidth(ctx.deps.stdout, ctx.env);
  const indent = " ".repeat(width + 4);
  const lines: string[] = [];
  for (const c of checks) {
    const mark = c.ok ? ctx.colors.green("✔") : ctx.colors.red("✖");
    lines.push(...wrapParagraph(singleLine(c.detail), lineWidth, { first: `${mark} ${c.id.padEnd(width)}  `, rest: indent }));
    if (c.hint && !c.ok) lines.push(...wrapParagraph(ctx.colors.dim(singleLine(c.hint)), lineWidth, { first: indent, rest: indent }));
  }
  const failed = checks.filter((c) => !c.ok).length;
  lines.push("", failed === 0 ? `All ${checks.length} checks passed.` : `${failed} of ${checks.length} checks failed.`);
  return `${lines.join("\n")}\n`;
}
