import { defineConfig } from "tsup";

export default defineConfig({
  entry: { cli: "src/cli.ts", index: "src/index.ts", provider: "src/provider-api.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: false,
  clean: true,
  splitting: true,
  // Type declarations for the provider contract (`bot2svc/provider`), which provider modules use.
  dts: { entry: { provider: "src/provider-api.ts" }, compilerOptions: { ignoreDeprecations: "6.0" } },
});
