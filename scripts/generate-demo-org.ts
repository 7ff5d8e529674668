// Regenerates fixtures/demo-org.json and its ground-truth sidecar from a fixed seed.
// Run with `npm run fixtures`; a test fails if the committed files drift from this output.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../src/core/fs/atomic-write.js";
import { serializeSnapshot } from "../src/core/snapshot/writer.js";
import { DEMO_ORG_OPTIONS, labelsFile, serializeLabelsFile } from "../src/demo/demo-org.js";
import { generateOrg } from "../src/demo/generate-org.js";

const fixtures = join(fileURLToPath(new URL("..", import.meta.url)), "fixtures");
const org = generateOrg(DEMO_ORG_OPTIONS);
const snapshotText = serializeSnapshot(org.snapshot);
const labels = labelsFile(DEMO_ORG_OPTIONS, org);
await writeFileAtomic(join(fixtures, "demo-org.json"), snapshotText);
await writeFileAtomic(join(fixtures, "demo-org.labels.json"), serializeLabelsFile(labels));

const s = org.snapshot;
process.stdout.write(
  `Wrote fixtures/demo-org.json (${(snapshotText.length / 1024).toFixed(0)} KiB): ${s.users.length} accounts, ` +
    `${s.apiTokens.length} API tokens, ${s.events.length} events, ${s.groups.length} groups, ${s.serviceAccounts.length} service accounts\n` +
    `Wrote fixtures/demo-org.labels.json: ${Object.entries(labels.counts).map(([k, v]) => `${k} ${v}`).join(", ")}\n`,
);
