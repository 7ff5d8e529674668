// Writes the JSON Schemas of bot2svc's JSON outputs and config file to schemas/, from the zod
// schemas in src/contracts/output-schemas.ts. The tests fail when the checked-in files differ.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT_SCHEMAS, jsonSchemaText } from "../src/contracts/output-schemas.js";

const dir = join(import.meta.dirname, "..", "schemas");
for (const file of Object.keys(OUTPUT_SCHEMAS)) {
  writeFileSync(join(dir, file), jsonSchemaText(file));
  console.log(`schemas/${file}`);
}
