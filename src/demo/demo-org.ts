import type { GenerateOrgOptions, GeneratedOrg, GroundTruthLabel } from "./generate-org.js";

/** The options that produce `fixtures/demo-org.json`; a test regenerates it and compares bytes. */
export const DEMO_ORG_OPTIONS: GenerateOrgOptions = {
  accounts: 240,
  seed: 20261101,
  takenAt: "2026-11-01T00:00:00.000Z",
};

/** The ground-truth sidecar written beside the demo org (`fixtures/demo-org.labels.json`). */
export interface DemoLabelsFile {
  kind: "bot2svc.demo-labels";
  version: 1;
  generator: GenerateOrgOptions;
  counts: Record<GroundTruthLabel, number>;
  labels: GeneratedOrg["labels"];
  kinds: GeneratedOrg["kinds"];
}

/** Builds the sidecar file content for a generated org. */
export function labelsFile(options: GenerateOrgOptions, org: Pick<GeneratedOrg, "labels" | "kinds">): DemoLabelsFile {
  const counts: Record<GroundTruthLabel, number> = { bot: 0, "likely-bot": 0, human: 0, "service-account": 0, app: 0 };
  for (const label of Object.values(org.labels)) counts[label]++;
  return { kind: "bot2svc.demo-labels", version: 1, generator: options, counts, labels: org.labels, kinds: org.kinds };
}

/** Serialises the sidecar in a stable form. */
export function serializeLabelsFile(file: DemoLabelsFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
