"use strict";

// src/action/main.ts
process.stdout.write("::error::ffi-surface-guard: the Action entry point is not implemented yet\n");
process.exitCode = 1;
