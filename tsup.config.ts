import { defineConfig } from "tsup";

export default defineConfig({
  entry: { cli: "src/cli.ts", index: "src/index.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  sourcemap: true,
  minify: false,
  clean: true,
  splitting: true,
  dts: false,
});
