#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/cli/main.ts
var import_node_fs = require("node:fs");
var path = __toESM(require("node:path"));
var import_node_v8 = require("node:v8");
var import_node_worker_threads = require("node:worker_threads");

// src/core/version.ts
var TOOL_NAME = "ffi-surface-guard";
var TOOL_VERSION = "0.1.0";

// src/cli/main.ts
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
function fastAnswer(argv) {
  if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "version"))
    return `${TOOL_NAME} ${TOOL_VERSION}
`;
  return null;
}
var RUN_BUNDLE = path.join(__dirname, "cli-run.js");
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
require(workerData.bundle)
  .run(workerData.argv, workerData.options)
  .then((r) => parentPort.postMessage(r));
`;
var YOUNG_GENERATION_MB = 4;
var WORKER_MIN_ENTRIES = 2e4;
var UNREAD_DIRS = /* @__PURE__ */ new Set([".git", "target", "node_modules"]);
function rootHint(argv) {
  for (let i = 0; i < argv.length && argv[i] !== "--"; i++) {
    if (argv[i] === "--root" && i + 1 < argv.length) return argv[i + 1];
    if (argv[i].startsWith("--root=")) return argv[i].slice("--root=".length);
  }
  return ".";
}
function atLeastEntries(dir, n) {
  const stack = [dir];
  let seen = 0;
  while (stack.length) {
    const d = stack.pop();
    let entries;
    try {
      entries = (0, import_node_fs.readdirSync)(d, { withFileTypes: true });
    } catch {
      continue;
    }
    seen += entries.length;
    if (seen >= n) return true;
    for (const e of entries)
      if (e.isDirectory() && !UNREAD_DIRS.has(e.name)) stack.push(path.join(d, e.name));
  }
  return false;
}
function runInWorker(argv, options) {
  return new Promise((resolve, reject) => {
    let result = null;
    const worker = new import_node_worker_threads.Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bundle: RUN_BUNDLE, argv, options },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    });
    worker.once("message", (r) => result = r);
    worker.once("error", reject);
    worker.once(
      "exit",
      (code) => result ? resolve(result) : reject(new Error(`the command's thread ended (exit code ${code}) without a result`))
    );
  });
}
async function main(argv) {
  const fast = fastAnswer(argv);
  if (fast !== null) {
    process.stdout.write(fast);
    return;
  }
  (0, import_node_v8.setFlagsFromString)("--heap-growing-percent=30");
  const options = {
    terminal: { stdoutIsTTY: process.stdout.isTTY === true, env: process.env }
  };
  const r = atLeastEntries(rootHint(argv), WORKER_MIN_ENTRIES) ? await runInWorker(argv, options) : await (await Promise.resolve().then(() => __toESM(require("./cli-run.js")))).run(argv, options);
  if (r.stdout) process.stdout.write(r.stdout);
  for (const w of r.warnings ?? []) process.stderr.write(`${TOOL_NAME}: warning: ${w.split("\n")[0]}
`);
  if (r.error) process.stderr.write(`${TOOL_NAME}: ${r.error.split("\n")[0]}
`);
  process.exitCode = r.exitCode;
}
main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${TOOL_NAME}: internal error: ${e instanceof Error ? e.message : String(e)}
`);
  process.exitCode = 2;
});
