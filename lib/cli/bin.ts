#!/usr/bin/env node
// Entry of the `warden` bundle (dist/warden.cjs).
import { main } from './main.js';

const fail = (e: unknown): void => {
  process.stderr.write(`warden: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
};

try {
  // Most commands answer synchronously; `explain` runs the asynchronous pipeline.
  void Promise.resolve(main(process.argv.slice(2))).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (e) {
  fail(e);
}
