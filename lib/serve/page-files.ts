// The page's static files (./page/: one HTML file, one script, one stylesheet, an icon). Under tsx
// they are read from disk the first time they are asked for; in the CLI bundle scripts/build.mjs
// puts a module holding their text in place of this one, so an installed warden.cjs serves the
// page with no files beside it.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let files: Readonly<Record<string, string>> | undefined;

/** File name → text, for every file in ./page/. */
export function pageFiles(): Readonly<Record<string, string>> {
  if (files === undefined) {
    const dir = fileURLToPath(new URL('./page/', import.meta.url));
    files = Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
  }
  return files;
}
