import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { detectionConfigSchema, listEntrySchema } from "../core/detect/config.js";
import { InputError } from "../core/errors.js";
import { isServiceAccountScope, SCOPE_DESCRIPTION } from "../core/plan/scopes.js";
import { decodeUtf8 } from "../core/fs/read-text.js";
import { parseJsonText, validateWith } from "../core/validation.js";

/** The default config file name, looked up in the working directory. */
export const CONFIG_FILE_NAME = "bot2svc.config.json";

export const configFileSchema = z
  .object({
    $schema: z.string().optional(),
    provider: z.string().min(1).optional(),
    atlassian: z
      .object({
        orgId: z.string().min(1).optional(),
        baseUrl: z.string().url().optional(),
        directoryId: z.string().min(1).optional(),
        /** Allow endpoints seen only in the admin console's own traffic (e.g. minting tokens). */
        unofficial: z.boolean().optional(),
        /** Which service-account API to call; Atlassian's documented one is experimental. */
        serviceAccountApi: z.enum(["api-access", "account-management"]).optional(),
        /** Requests in flight at once. */
        concurrency: z.number().int().min(1).max(32).optional(),
      })
      .strict()
      .default({}),
    scim: z.object({ baseUrl: z.string().url().optional() }).strict().default({}),
    detection: detectionConfigSchema.default(detectionConfigSchema.parse({})),
    allowlist: z.array(listEntrySchema).default([]),
    denylist: z.array(listEntrySchema).default([]),
    plan: z
      .object({
        tokenExpiryDays: z.number().int().min(1).max(365).optional(),
        scopes: z.array(z.string().min(1).refine(isServiceAccountScope, { message: `expected ${SCOPE_DESCRIPTION}` })).min(1).optional(),
        oldAccount: z.enum(["revoke-tokens", "suspend", "deactivate", "none"]).optional(),
        soakDays: z.number().int().min(0).max(365).optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export type ConfigFile = z.infer<typeof configFileSchema>;

export const DEFAULT_CONFIG: ConfigFile = configFileSchema.parse({});

/**
 * Loads the config file. An explicit `--config` path must exist; the default file in the
 * working directory is optional.
 */
export async function loadConfigFile(explicitPath: string | undefined, cwd: string): Promise<{ config: ConfigFile; file: string | undefined }> {
  const file = resolve(cwd, explicitPath ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = decodeUtf8(await readFile(file), explicitPath ?? CONFIG_FILE_NAME);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && explicitPath === undefined) {
      return { config: DEFAULT_CONFIG, file: undefined };
    }
    throw new InputError(`Cannot read config file ${explicitPath ?? file}: ${(error as Error).message}`, {
      code: "CONFIG_UNREADABLE",
    });
  }
  const data = parseJsonText(text, explicitPath ?? CONFIG_FILE_NAME, "config");
  const config = validateWith(configFileSchema, data, explicitPath ?? CONFIG_FILE_NAME, "bot2svc config");
  return { config, file };
}
