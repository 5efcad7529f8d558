#!/usr/bin/env node
// Entry of the `warden` bundle (dist/warden.cjs).
import { main } from './main.js';

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`warden: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
