import path from 'node:path';
import { display, isDynamic } from '../../shell/analyze.js';
import { defineRule, type RuleContext } from '../define.js';
import { claudeCall, claudeOptions } from './claude.js';
import { clip } from './describe.js';

/** Options that start Claude Code without the hooks of your settings, or with other settings. */
const FLAGS: Readonly<Record<string, string>> = {
  '--bare': 'skips every hook of your settings and plugins (it sets CLAUDE_CODE_SIMPLE=1)',
  '--safe-mode': 'starts with hooks, plugins and other customizations switched off',
  '--settings': 'loads more settings from a file or JSON string, which can switch hooks off (`disableAllHooks`) or add others',
  '--setting-sources': 'chooses which settings files load: leaving one out drops the hooks registered in it',
  '--restricted': 'ignores the user, project and local settings files, where warden’s hooks are registered',
  '--dangerously-skip-permissions': 'bypasses the permission checks of Claude Code in the child: a nested session may not run with more freedom than this one was given',
  '--allow-dangerously-skip-permissions': 'lets the child bypass the permission checks of Claude Code: a nested session may not run with more freedom than this one was given',
  '--permission-mode bypassPermissions': 'bypasses the permission checks of Claude Code in the child: a nested session may not run with more freedom than this one was given',
};
/** Flags no other program has: they identify Claude Code behind a program warden cannot name. */
const DISTINCTIVE = new Set(['--bare', '--safe-mode', '--setting-sources', '--dangerously-skip-permissions', '--allow-dangerously-skip-permissions', '--permission-mode bypassPermissions']);
/** Variables that make Claude Code skip hooks or read another configuration directory. */
const VARIABLES: Readonly<Record<string, string>> = {
  CLAUDE_CONFIG_DIR: 'makes Claude Code read its settings from another directory, where warden’s hooks are not registered',
  CLAUDE_CODE_SIMPLE: 'starts Claude Code in minimal mode, which skips every hook of your settings and plugins',
  CLAUDE_CODE_SAFE_MODE: 'starts Claude Code with hooks, plugins and other customizations switched off',
};
/** Programs that cannot start Claude Code, whatever variables they are given. */
const INERT = new Set(['echo', 'printf', 'printenv', 'true', 'false', ':', 'test', '[', 'export', 'unset', 'declare', 'typeset', 'local', 'readonly']);

/** A variable set to switch something on (`0`, `false`, `no`, `off` and empty switch nothing on). */
const isOn = (v: string): boolean => !/^(?:|0|false|no|off)$/i.test(v.trim());

function variableHit(env: ReadonlyMap<string, string>, ctx: RuleContext): { name: string; value: string } | undefined {
  if (env.size === 0) return undefined;
  for (const name of Object.keys(VARIABLES)) {
    const v = env.get(name);
    if (v === undefined || !isOn(v)) continue;
    // The same configuration directory this session runs with changes nothing.
    if (name === 'CLAUDE_CONFIG_DIR' && !isDynamic(v) && ctx.claudeDirs.includes(path.posix.resolve(ctx.home, v.replace(/^~(?=\/|$)/, ctx.home)))) continue;
    return { name, value: v };
  }
  return undefined;
}

// A nested `claude` runs its own hooks, warden's among them — unless it is told to skip them, to
// load other settings, or to read another configuration directory. Then everything that session
// does is unguarded. A plain `claude -p "…"` is fine. Locked.
export default defineRule({
  id: 'self/nested-claude',
  meta: {
    description:
      'Starting a nested Claude Code that skips or replaces hooks: --bare, --safe-mode, --settings, --setting-sources, --restricted, --dangerously-skip-permissions or --permission-mode bypassPermissions, CLAUDE_CONFIG_DIR / CLAUDE_CODE_SIMPLE / CLAUDE_CODE_SAFE_MODE — through npx, node, bash -c and every wrapper',
    action: 'deny',
    packs: ['self'],
    locked: true,
    messages: {
      flag: '`{{segment}}` starts Claude Code with `{{flag}}`, which {{effect}}. Its calls would not be guarded. Run a nested `claude -p "…"` without it, or ask the human to start it themselves.',
      variable: '`{{segment}}` sets {{name}}={{value}}, which {{effect}}. Its calls would not be guarded. Run a nested `claude -p "…"` without it, or ask the human to start it themselves.',
    },
  },
  programs: ['*'],
  check(cmd, ctx) {
    const v = INERT.has(cmd.program) ? undefined : variableHit(cmd.assignments, ctx);
    if (v !== undefined) return [{ messageId: 'variable', data: { segment: clip(cmd.text), name: v.name, value: display(v.value), effect: VARIABLES[v.name] ?? '' } }];
    const call = claudeCall(cmd);
    if (call === undefined) return [];
    const { flags } = claudeOptions(call.args);
    const f = flags.find((x) => FLAGS[x.name] !== undefined && (!call.guessed || DISTINCTIVE.has(x.name)));
    return f === undefined ? [] : [{ messageId: 'flag', data: { segment: clip(cmd.text), flag: display(f.flag), effect: FLAGS[f.name] ?? '' } }];
  },
});
