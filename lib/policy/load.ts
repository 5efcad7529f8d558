// Policy loading and layering: shipped defaults < user (`$WARDEN_HOME/policy.yaml`) < project
// (`<project>/.claude/warden.yaml`).
//
// Trust model: the user's file is the user's word. The project file comes with a repository the
// agent (or whoever wrote the repo) controls, so it may only tighten: add rules and protected
// paths/branches, raise actions, switch packs on. Loosening entries are ignored with a warning unless
// the user's file lists the project under `trusted_projects`. Locked rules (self-protection, fail
// closed) cannot be lowered by anyone's policy and their pack cannot be switched off.
//
// Fail mode: an invalid file is reported with file:line:path and that layer is dropped; the
// pipeline then holds every guarded call for a human (`core/policy-invalid`). Never "no protection".

import path from 'node:path';
import type { Action } from '../types.js';
import { isStricter, stricter } from '../types.js';
import { buildCustomRule } from '../rules/core/custom.js';
import type { Preset, Rule } from '../rules/define.js';
import { loadRegistry, type RuleRegistry } from '../rules/registry-loader.js';
import { layerReader, type LayerResult } from './cache.js';
import { gateSettings, layerGate, type GateSettings } from '../gate/policy.js';
import type { DatabasePolicy, DestructiveKind } from '../sql/kinds.js';

export interface PolicyPaths {
  user: string;
  project: string | undefined;
}

export interface AllowCommand {
  pattern: string;
  rules: readonly string[] | undefined;
  source: string;
}

/** The merged, compiled policy the pipeline uses. */
export interface EffectivePolicy {
  preset: Preset;
  onError: 'ask' | 'deny';
  disabledPacks: ReadonlySet<string>;
  /** Rule id → action set by a policy layer (after tighten-only filtering). */
  overrides: ReadonlyMap<string, Action>;
  protectedBranches: readonly string[];
  protectedPaths: readonly string[];
  allowCommands: readonly AllowCommand[];
  allowPaths: readonly string[];
  customRules: readonly Rule[];
  /** The `database:` section: statement-kind actions, protected objects, production targets. */
  database: DatabasePolicy;
  /** The safety gate and approvals (lib/gate/policy.ts): reviewer, trust thresholds, service routes. */
  gate: GateSettings;
  /** The decision journal (only the user's policy sets where and how long; a project may only journal more). */
  journal: { dir: string; retentionDays: number; allows: 'compact' | 'full' | 'off' };
  /** Identity files, read in order at every session boundary, and the cap on their text. */
  identity: { files: readonly IdentityFile[]; maxBytes: number };
  /** Projects the user's policy trusts (absolute, `~` expanded): their policy may loosen. */
  trustedProjects: readonly string[];
  /** Files that were read and valid. */
  sources: readonly string[];
  errors: readonly string[];
  warnings: readonly string[];
}

const PRESET_RANK: Record<Preset, number> = { standard: 0, strict: 1, paranoid: 2 };
const ALLOWS_RANK = { off: 0, compact: 1, full: 2 } as const;

export interface IdentityFile {
  path: string;
  /** A file from the project must resolve inside this directory (no symlink out of the repository). */
  confine: string | undefined;
}

/**
 * One `identity.files` entry as a path: `$WARDEN_HOME/…`, `~/…` and absolute paths as they are;
 * relative paths inside the project (undefined without one).
 */
export function identityFile(entry: string, wardenHome: string, home: string, projectDir: string | undefined): IdentityFile | undefined {
  if (entry === '$WARDEN_HOME' || entry.startsWith('$WARDEN_HOME/')) return { path: path.join(wardenHome, entry.slice('$WARDEN_HOME'.length)), confine: undefined };
  if (entry === '~' || entry.startsWith('~/') || path.isAbsolute(entry)) return { path: expandHome(entry, home), confine: undefined };
  return projectDir === undefined ? undefined : { path: path.resolve(projectDir, entry), confine: projectDir };
}

export function policyPaths(wardenHome: string, projectDir: string | undefined): PolicyPaths {
  return {
    user: path.join(wardenHome, 'policy.yaml'),
    project: projectDir === undefined ? undefined : path.join(projectDir, '.claude', 'warden.yaml'),
  };
}

/** `~` → home; relative paths are relative to `base` (the project for a project policy). */
export function expandHome(p: string, home: string, base: string = home): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return path.join(home, p.slice(2));
  return path.resolve(base, p);
}

/** The action a rule has under a preset, before any override. */
export function presetAction(rule: Rule, preset: Preset): Action {
  let a = rule.meta.action;
  if (preset === 'strict' || preset === 'paranoid') a = stricter(a, rule.meta.presets?.strict ?? a);
  if (preset === 'paranoid') a = stricter(a, rule.meta.presets?.paranoid ?? a);
  return a;
}

export function actionFor(rule: Rule, p: EffectivePolicy): Action {
  const a = p.overrides.get(rule.id) ?? presetAction(rule, p.preset);
  // `on_error` sets the floor for the rules that fire when warden cannot judge a call.
  return rule.meta.packs.includes('core') ? stricter(a, p.onError) : a;
}

/** Does the file itself set `section.key`? */
/** True if the file itself sets the value at `keys` (not a schema default). */
function givenAt(raw: unknown, ...keys: string[]): boolean {
  let v = raw;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return false;
    v = (v as Record<string, unknown>)[k];
  }
  return v !== undefined;
}

function givenIn(raw: unknown, section: string, key: string): boolean {
  const s = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[section] : undefined;
  return s !== null && typeof s === 'object' && key in s;
}

export type { RuleRegistry };

export interface LoadOptions {
  /** Where parsed policy files are cached (lib/policy/cache.ts); none: parse every file. */
  cacheDir?: string;
  /**
   * The rule registry, asked for only when a policy names rules or switches packs (locked rules
   * cannot be lowered); by default loaded then (lib/rules/registry-loader.ts).
   */
  rules?: () => RuleRegistry;
}

/**
 * Loads and merges all layers. Never throws for a bad file: that becomes `errors`; so does a parser
 * that cannot be loaded (then only the schema defaults apply, and every guarded call is held).
 */
export function loadPolicy(paths: PolicyPaths, home: string, projectDir: string | undefined, opts: LoadOptions = {}): EffectivePolicy {
  const errors: string[] = [];
  const warnings: string[] = [];
  const sources: string[] = [];
  const reader = layerReader(opts.cacheDir);
  let reg: RuleRegistry | undefined;
  const registry = (): RuleRegistry => (reg ??= (opts.rules ?? loadRegistry)());
  const read = (file: string): LayerResult => {
    try {
      return reader.read(file);
    } catch (e) {
      return { errors: [`${file}: cannot be checked (${e instanceof Error ? e.message : String(e)})`] };
    }
  };
  const user = read(paths.user);
  errors.push(...user.errors);
  const project = paths.project !== undefined ? read(paths.project) : { errors: [] };
  errors.push(...project.errors);
  let u = user.layer?.policy;
  if (u === undefined) {
    try {
      u = reader.defaults();
    } catch (e) {
      // Without the schema there is no policy at all: fail closed with the shipped rules' own actions.
      throw new Error(`cannot load the policy schema: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  reader.save();
  if (user.layer) sources.push(user.layer.file);

  let preset = u.preset;
  let onError = u.on_error;
  const disabled = new Set(Object.entries(u.packs).filter(([, on]) => !on).map(([p]) => p));
  const overrides = new Map<string, Action>(Object.entries(u.overrides));
  const branches = [...u.protected.branches];
  const protPaths = u.protected.paths.map((p) => expandHome(p, home));
  const allowCommands: AllowCommand[] = u.allow.commands.map((c) => ({ pattern: c.pattern, rules: c.rules, source: paths.user }));
  const allowPaths = u.allow.paths.map((p) => expandHome(p, home));
  const customRules: Rule[] = u.custom_rules.map((r) => buildCustomRule(r, paths.user));
  // The user's policy lives in the warden home.
  const wardenHome = path.dirname(paths.user);
  const journal = {
    dir: u.journal.dir !== undefined ? expandHome(u.journal.dir, home, wardenHome) : path.join(wardenHome, 'journal'),
    retentionDays: u.journal.retention_days,
    allows: u.journal.allows,
  };
  const identityFiles = u.identity.files.flatMap((f) => identityFile(f, wardenHome, home, projectDir) ?? []);
  let identityMax = u.identity.max_bytes;
  const database = {
    actions: new Map(Object.entries(u.database.actions) as [DestructiveKind, Action][]),
    floors: new Map<DestructiveKind, Action>(),
    protected: { databases: [...u.database.protected.databases], schemas: [...u.database.protected.schemas], tables: [...u.database.protected.tables] },
    production: { hosts: [...u.database.production.hosts], databases: [...u.database.production.databases], action: u.database.production.action as Action },
  };

  let gate = gateSettings(u);

  const pl = project.layer;
  if (pl) {
    sources.push(pl.file);
    const p = pl.policy;
    const trusted = projectDir !== undefined && u.trusted_projects.some((t) => expandHome(t, home) === projectDir);
    const loosen = (what: string): void => {
      warnings.push(`${pl.file}: ${what} ignored (a project policy may only tighten; list the project in trusted_projects of your own policy to allow it)`);
    };
    // Only a preset the file names: the schema default 'standard' is not a request to loosen.
    if (pl.given.has('preset') && PRESET_RANK[p.preset] !== PRESET_RANK[preset]) {
      if (PRESET_RANK[p.preset] > PRESET_RANK[preset] || trusted) preset = p.preset;
      else loosen(`preset ${p.preset}`);
    }
    if (p.on_error === 'deny') onError = 'deny';
    for (const [pack, on] of Object.entries(p.packs)) {
      if (on) disabled.delete(pack);
      else if (trusted) disabled.add(pack);
      else loosen(`packs.${pack}: false`);
    }
    for (const [id, action] of Object.entries(p.overrides)) {
      const rule = registry().RULES.find((r) => r.id === id);
      const current = overrides.get(id) ?? (rule ? presetAction(rule, preset) : 'allow');
      if (trusted || isStricter(action, current)) overrides.set(id, trusted ? action : stricter(action, current));
      else if (action !== current) loosen(`overrides.${id}: ${action}`);
    }
    branches.push(...p.protected.branches.filter((b) => !branches.includes(b)));
    protPaths.push(...p.protected.paths.map((x) => expandHome(x, home, projectDir ?? home)).filter((x) => !protPaths.includes(x)));
    customRules.push(...p.custom_rules.map((r) => buildCustomRule(r, pl.file)));
    if (trusted) {
      allowCommands.push(...p.allow.commands.map((c) => ({ pattern: c.pattern, rules: c.rules, source: pl.file })));
      allowPaths.push(...p.allow.paths.map((x) => expandHome(x, home, projectDir ?? home)));
    } else if (p.allow.commands.length > 0 || p.allow.paths.length > 0) {
      loosen('allow exceptions');
    }
    // The journal: a project may journal more (allows), never less, elsewhere or for a shorter time.
    if (givenIn(pl.raw, 'journal', 'allows') && ALLOWS_RANK[p.journal.allows] > ALLOWS_RANK[journal.allows]) journal.allows = p.journal.allows;
    else if (givenIn(pl.raw, 'journal', 'allows') && p.journal.allows !== journal.allows) loosen(`journal.allows: ${p.journal.allows}`);
    if (givenIn(pl.raw, 'journal', 'dir')) warnings.push(`${pl.file}: journal.dir ignored (only your own policy decides where the journal is)`);
    if (givenIn(pl.raw, 'journal', 'retention_days')) warnings.push(`${pl.file}: journal.retention_days ignored (only your own policy decides how long the journal is kept)`);
    // Identity: a project may add files of its own (inside it) and lower the size cap.
    if (givenIn(pl.raw, 'identity', 'files')) {
      for (const f of p.identity.files) {
        const resolved = identityFile(f, wardenHome, home, projectDir);
        if (resolved === undefined || resolved.confine === undefined) warnings.push(`${pl.file}: identity file ${f} ignored (a project may only name files inside itself)`);
        else if (!identityFiles.some((x) => x.path === resolved.path)) identityFiles.push(resolved);
      }
    }
    if (p.identity.max_bytes < identityMax) identityMax = p.identity.max_bytes;
    // Databases: a project may raise statement-kind actions (as floors), protect more objects and
    // name more production targets; only a trusted project may lower an action.
    for (const [kind, action] of Object.entries(p.database.actions) as [DestructiveKind, Action][]) {
      if (trusted) database.actions.set(kind, action);
      else if (action === 'allow') loosen(`database.actions.${kind}: allow`);
      else database.floors.set(kind, action);
    }
    for (const key of ['databases', 'schemas', 'tables'] as const) {
      if (givenAt(pl.raw, 'database', 'protected', key)) database.protected[key].push(...p.database.protected[key].filter((x) => !database.protected[key].includes(x)));
    }
    for (const key of ['hosts', 'databases'] as const) {
      if (givenAt(pl.raw, 'database', 'production', key)) database.production[key].push(...p.database.production[key].filter((x) => !database.production[key].includes(x)));
    }
    if (givenAt(pl.raw, 'database', 'production', 'action')) {
      if (trusted || isStricter(p.database.production.action, database.production.action)) database.production.action = p.database.production.action;
      else if (p.database.production.action !== database.production.action) loosen(`database.production.action: ${p.database.production.action}`);
    }
    gate = layerGate(gate, p, pl.raw, trusted, loosen);
    if (p.trusted_projects.length > 0) warnings.push(`${pl.file}: trusted_projects ignored (only your own policy can trust a project)`);
  }

  // Locked rules: no layer may lower them.
  if (overrides.size > 0) {
    for (const rule of registry().RULES) {
      const o = overrides.get(rule.id);
      if (rule.meta.locked && o !== undefined && isStricter(presetAction(rule, preset), o)) {
        overrides.delete(rule.id);
        warnings.push(`overrides.${rule.id}: ${o} ignored (this rule protects warden itself and cannot be lowered)`);
      }
    }
  }
  for (const pack of disabled) {
    const { RULES, PACKS } = registry();
    if ((PACKS.get(pack) ?? []).some((id) => RULES.find((r) => r.id === id)?.meta.locked)) disabled.delete(pack);
  }

  return {
    preset,
    onError,
    disabledPacks: disabled,
    overrides,
    protectedBranches: branches,
    protectedPaths: protPaths,
    allowCommands,
    allowPaths,
    customRules,
    database,
    gate,
    journal,
    identity: { files: identityFiles, maxBytes: identityMax },
    trustedProjects: u.trusted_projects.map((t) => expandHome(t, home)),
    sources,
    errors,
    warnings,
  };
}
