// Builds the vendored bundle once; `npm ci && npm run build` in this folder (README.md).
import { build } from "esbuild";
import { readFileSync } from "node:fs";

const lock = JSON.parse(readFileSync(new URL("./package-lock.json", import.meta.url)));
const version = (name) => lock.packages[`node_modules/${name}`].version;
const out = "../../../handhold/discovery/static/discovery/vendor/noble-ristretto255.js";

await build({
  entryPoints: [new URL("./entry.js", import.meta.url).pathname],
  outfile: new URL(out, import.meta.url).pathname,
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2020",
  legalComments: "none",
  banner: {
    js:
      `/*! @noble/curves ${version("@noble/curves")}, @noble/hashes ${version("@noble/hashes")}` +
      " (c) Paul Miller, MIT License (paulmillr.com). Built by tools/vendor/noble" +
      " (npm ci && npm run build, esbuild " + version("esbuild") + "); do not edit. */",
  },
});
