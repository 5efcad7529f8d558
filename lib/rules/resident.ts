// The rules in the PreToolUse bundle itself: the ones a Bash call may need whatever programs it runs
// (`*` rules, rules on the Bash tool or on every tool), the core rules the pipeline raises itself,
// and the small packs made mostly of such rules. Every other rule loads with its pack folder's
// bundle (dist/rules-<folder>.cjs) when a command runs one of its programs (./shipped.ts), so a
// benign command pays for the analysis and the rules that can apply to it, not for every pack.
// tests/rules/registry.test.ts checks that no rule that must be here is missing.

import type { Rule } from './define.js';
import { CORE_RULES } from './core/index.js';
import { GATE_RULES } from './gate/index.js';
import { GIT_RULES } from './git/index.js';
import { INTERPRETER_RULES } from './interpreter/index.js';
import { REMOTE_RULES } from './remote/index.js';
import { SELF_RULES } from './self/index.js';
import blockDeviceWrite from './filesystem/block-device-write.js';
import bindAllInterfaces from './network/bind-all-interfaces.js';
import forkBomb from './disk/fork-bomb.js';

export const RESIDENT_RULES: readonly Rule[] = [...CORE_RULES, ...SELF_RULES, ...INTERPRETER_RULES, ...REMOTE_RULES, ...GATE_RULES, ...GIT_RULES, blockDeviceWrite, bindAllInterfaces, forkBomb];

/** Pack folders whose rules (less the resident ones above) load on demand, one bundle each. */
export const LAZY_FOLDERS = ['filesystem', 'infra', 'secrets', 'network', 'disk', 'database'] as const;
export type LazyFolder = (typeof LAZY_FOLDERS)[number];
