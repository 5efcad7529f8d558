#!/usr/bin/env node
// Entry of the `warden` bundle (dist/warden.cjs).
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`warden: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
