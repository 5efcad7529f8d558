// `warden install`, `warden install --project`, `warden uninstall [--purge]`, `warden doctor`: the
// CLI side of lib/install. Each parses its arguments, works out where things live, calls the
// modules next to this one and prints what it did. Exit codes: 0 done, 1 refused or failed
// (nothing half-done: settings.json is checked and planned before anything is written), 64 usage.
//
// Files touched (modes in ./deploy.ts, ./files.ts, ./state.ts, ./project.ts):
//   ~/.claude/settings.json (+ .warden-backup-<time>), <wardenHome>/{bin/,policy.yaml,
//   install-state.json}, ~/.local/bin/warden; with --project only <project>/.claude/*.
// HOME is os.homedir(); wardenHome as lib/paths.ts resolves it.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { wardenHome as resolveWardenHome } from '../paths.js';
import { runDoctor } from './doctor.js';
import { availableHooks, checkDist, deployBundles, ensureUserPolicy, linkCli, onPath, unlinkCli, type LinkOutcome } from './deploy.js';
import { PRIVATE_MODE, backup, modeOf, readIfExists, tilde, writeAtomic } from './files.js';
import { LAUNCHER, binDir, groupFor, handlerFor, type Placement } from './hooks.js';
import { installProject, projectRoot } from './project.js';
import { NEW_FILE_TEXT, SettingsError, addHooks, removeHooks, type Wanted } from './settings.js';
import { readRecord, removeRecord, writeRecord } from './state.js';

const EXIT_OK = 0;
const EXIT_FAIL = 1;
const EXIT_USAGE = 64;

interface Where {
  home: string;
  wardenHome: string;
  defaultHome: boolean;
  settingsFile: string;
  localBin: string;
}

function where(): Where {
  const home = os.homedir();
  const wardenHome = resolveWardenHome();
  return {
    home,
    wardenHome,
    defaultHome: wardenHome === path.join(home, '.claude', 'warden'),
    settingsFile: path.join(home, '.claude', 'settings.json'),
    localBin: path.join(home, '.local', 'bin'),
  };
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Directory of the running CLI bundle (dist/ in the clone, or <wardenHome>/bin). */
function bundleDir(): string {
  const script = process.argv[1];
  if (script === undefined) throw new Error('cannot tell where the warden bundles are (no script path)');
  return path.dirname(fs.realpathSync(script));
}

type Parsed = Record<string, string | boolean | undefined>;

/** Runs `body` with parsed options; usage errors → 64, refusals and failures → 1 with a message. */
function command(name: string, args: string[], options: Record<string, { type: 'boolean' | 'string' }>, body: (v: Parsed) => number): number {
  let values: Parsed;
  try {
    values = parseArgs({ args, options: { ...options, 'warden-home': { type: 'string' } }, allowPositionals: false, strict: true }).values;
  } catch (e) {
    process.stderr.write(`warden ${name}: ${(e as Error).message}\n`);
    return EXIT_USAGE;
  }
  try {
    return body(values);
  } catch (e) {
    const refused = e instanceof SettingsError ? ' (nothing was changed)' : '';
    process.stderr.write(`warden ${name}: ${(e as Error).message}${refused}\n`);
    return EXIT_FAIL;
  }
}

export function install(args: string[]): number {
  return command('install', args, { project: { type: 'boolean' } }, (v) => (v.project === true ? installInProject() : installForUser()));
}

function installInProject(): number {
  const { root, files } = installProject(process.cwd());
  say(`warden project files in ${root}:`);
  for (const f of files) say(`  ${f.created ? 'created' : 'kept   '} ${path.relative(root, f.file)}${f.created ? '' : ' (already there, not changed)'}`);
  say('Commit them with the project. settings.json was not touched.');
  return EXIT_OK;
}

function installForUser(): number {
  const w = where();
  const dist = bundleDir();
  checkDist(dist);
  const placement: Placement = { nodePath: process.execPath, wardenHome: w.wardenHome, defaultHome: w.defaultHome };
  const wanted: Wanted[] = availableHooks(dist).map((spec) => ({ spec, group: groupFor(spec, placement), handler: handlerFor(spec, placement) }));

  // Plan the settings edit first: an invalid file stops everything before anything is written.
  const existing = readIfExists(w.settingsFile);
  const base = existing === undefined || existing.trim() === '' ? NEW_FILE_TEXT : existing;
  const previous = readRecord(w.wardenHome, w.settingsFile);
  const planned = addHooks(base, w.settingsFile, wanted, w.wardenHome, { ...previous, createdFile: previous.createdFile || existing === undefined });

  const copied = deployBundles(dist, w.wardenHome);
  const policyCreated = ensureUserPolicy(w.wardenHome);

  let settingsNote = 'already registered, file unchanged';
  if (planned.text !== existing) {
    let saved = '';
    if (existing !== undefined) saved = `; previous version saved as ${tilde(backup(w.settingsFile), w.home)}`;
    else fs.mkdirSync(path.dirname(w.settingsFile), { recursive: true });
    writeAtomic(w.settingsFile, planned.text, modeOf(w.settingsFile) ?? PRIVATE_MODE, existing);
    settingsNote = `${existing === undefined ? 'created' : 'updated'}${saved}`;
  }
  writeRecord(w.wardenHome, w.settingsFile, planned.record);
  const link = linkCli(w.localBin, w.wardenHome);

  const t = (p: string): string => tilde(p, w.home);
  const events = wanted.map((x) => `${x.spec.event}${x.spec.matcher !== undefined ? ` (${x.spec.matcher})` : ''}`).join(', ');
  say('warden installed');
  say(`  hooks    ${events} in ${t(w.settingsFile)}: ${settingsNote}`);
  say(`  bundles  ${t(binDir(w.wardenHome))}${copied.length > 0 ? ` (${copied.length} files)` : ' (already in place)'}, run by ${process.execPath}`);
  say(`  policy   ${t(path.join(w.wardenHome, 'policy.yaml'))}: ${policyCreated ? 'created from the shipped default' : 'kept yours'}`);
  say(`  command  ${linkNote(link, t(path.join(w.localBin, 'warden')))}`);
  if (!onPath(w.localBin, process.env.PATH)) say(`  note     ${t(w.localBin)} is not on your PATH; add to your shell profile: export PATH="$HOME/.local/bin:$PATH"`);
  say('Run `warden doctor` to check the installation.');
  return EXIT_OK;
}

function linkNote(link: LinkOutcome, shown: string): string {
  if (typeof link === 'object') return `${shown} not linked: ${link.kept}`;
  return `${shown} ${link === 'unchanged' ? '(already linked)' : link}`;
}

/** Refuses to purge a directory that holds more than warden's state. */
function purgeProblem(wardenHome: string, home: string): string | undefined {
  const rel = path.relative(wardenHome, home);
  const containsHome = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  if (containsHome || wardenHome === path.parse(wardenHome).root || wardenHome === path.join(home, '.claude')) {
    return `refusing to --purge ${wardenHome}: it is (or contains) your home or ~/.claude`;
  }
  return undefined;
}

export function uninstall(args: string[]): number {
  return command('uninstall', args, { purge: { type: 'boolean' } }, (v) => {
    const w = where();
    const purge = v.purge === true;
    const problem = purge ? purgeProblem(w.wardenHome, w.home) : undefined;
    if (problem !== undefined) throw new Error(problem);
    const t = (p: string): string => tilde(p, w.home);

    const existing = readIfExists(w.settingsFile);
    let settingsNote = 'no warden hooks found';
    if (existing !== undefined && existing.trim() !== '') {
      const record = readRecord(w.wardenHome, w.settingsFile);
      const planned = removeHooks(existing, w.settingsFile, w.wardenHome, record);
      if (planned.text !== existing && record.createdFile && JSON.stringify(JSON.parse(planned.text)) === '{}') {
        fs.rmSync(w.settingsFile);
        settingsNote = 'deleted (warden had created it, and it held nothing but warden hooks)';
      } else if (planned.text !== existing) {
        const saved = t(backup(w.settingsFile));
        writeAtomic(w.settingsFile, planned.text, modeOf(w.settingsFile) ?? PRIVATE_MODE, existing);
        settingsNote = `hooks removed; previous version saved as ${saved}`;
      }
    }
    const unlinked = unlinkCli(w.localBin, w.wardenHome);
    fs.rmSync(binDir(w.wardenHome), { recursive: true, force: true });
    removeRecord(w.wardenHome);
    if (purge) fs.rmSync(w.wardenHome, { recursive: true, force: true });

    say('warden uninstalled');
    say(`  settings ${t(w.settingsFile)}: ${settingsNote}`);
    say(`  command  ${t(path.join(w.localBin, 'warden'))}: ${unlinked ? 'removed' : 'not a link to this warden, left alone'}`);
    say(`  bundles  ${t(binDir(w.wardenHome))}: removed`);
    if (purge) say(`  state    ${t(w.wardenHome)}: removed (policy included)`);
    else say(`  kept     ${t(w.wardenHome)} with your policy.yaml (and any journal and state); \`warden uninstall --purge\` removes it too`);
    return EXIT_OK;
  });
}

export function doctor(args: string[]): number {
  return command('doctor', args, {}, () => {
    const w = where();
    let launcher: string | undefined;
    try {
      launcher = path.join(bundleDir(), LAUNCHER);
    } catch {
      launcher = undefined;
    }
    const checks = runDoctor({ ...w, projectDir: projectRoot(process.cwd()), env: process.env, ...(launcher !== undefined ? { launcher } : {}) });
    for (const c of checks) say(`${c.status.padEnd(4)}  ${c.text}`);
    const failed = checks.filter((c) => c.status === 'FAIL').length;
    say(failed === 0 ? 'warden is guarding Claude Code.' : `${failed} check${failed > 1 ? 's' : ''} failed.`);
    return failed === 0 ? EXIT_OK : EXIT_FAIL;
  });
}
