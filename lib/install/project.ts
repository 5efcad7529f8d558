// `warden install --project`: committable starting points in the project root (the git toplevel, or
// the current directory outside a repository):
//   <project>/.claude/warden.yaml   the project policy; this template tightens nothing
//   <project>/.claude/identity.md   the agent's role in this project
// Each is written only if absent (0644), never overwritten. Neither holds a machine-specific path:
// they are meant to be committed and used on other machines. settings.json is not touched.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createExclusive } from './files.js';
import { IDENTITY_BOUNDARIES } from '../identity/template.js';

export const PROJECT_FILE_MODE = 0o644;
/** How long `git rev-parse` may take before the current directory is used as the project root. */
const GIT_TIMEOUT_MS = 5000;

/** The git toplevel containing `cwd`, else `cwd` itself. */
export function projectRoot(cwd: string): string {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'ignore'] });
  const top = r.status === 0 ? r.stdout.trim() : '';
  return top !== '' ? path.resolve(top) : path.resolve(cwd);
}

// Mirrors the trust model at the top of lib/policy/load.ts; keep the two in step.
export const PROJECT_POLICY_TEMPLATE = `# warden project policy, committed with this repository.
#
# Each developer's own policy (~/.claude/warden/policy.yaml) is the base. This file can only make
# warden stricter while Claude Code works in this project:
#   may:      raise the preset (strict, paranoid), raise a rule's action (allow -> ask -> deny),
#             switch packs on, add protected branches and paths, add custom rules
#   may not:  lower the preset or an action, switch packs off, or add allow exceptions.
#             Such entries are ignored with a warning, unless a developer lists this project
#             under trusted_projects in their own policy. Rules that protect warden itself
#             cannot be lowered by any policy.
# As written, this file changes nothing. Uncomment and edit what you need; \`warden doctor\` checks
# the file, \`warden explain -- <command>\` shows its effect and \`warden rules\` lists the rule ids.

version: 1

# preset: strict

# protected:
#   branches: [staging]
#   paths: [~/.config/this-project-credentials]

# overrides:
#   git/reset-hard: deny

# custom_rules:
#   - id: no-prod-db
#     program: psql
#     regex: 'prod'
#     action: deny
#     message: Do not connect to the production database from here; use staging.
`;

export function identityTemplate(projectName: string): string {
  return `# Agent identity: ${projectName}

<!-- warden shows this file to Claude Code at the start of every session, and again after a
     resume or a compaction and to every subagent, so the agent keeps its role; it is read fresh
     each time. Keep it short (it is in every context; warden shows at most identity.max_bytes of
     identity text), committed with the project, and free of secrets and machine-specific paths.
     The developer's own ~/.claude/warden/identity.md comes first. -->

## Role
You are the coding agent for ${projectName}. You work on this repository at the request of its
developers: you read, change and test code here and explain what you did.

## Boundaries
- Stay inside this repository unless you are asked otherwise.
${IDENTITY_BOUNDARIES.map((b) => `- ${b}`).join('\n')}

## This project
- What it is: (one or two sentences)
- How to build and test: (commands)
- Conventions worth knowing: (style, layout, review rules)
`;
}

export interface ProjectFile {
  file: string;
  created: boolean;
}

export function installProject(cwd: string): { root: string; files: ProjectFile[] } {
  const root = projectRoot(cwd);
  const dir = path.join(root, '.claude');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, text: string): ProjectFile => {
    const file = path.join(dir, name);
    return { file, created: createExclusive(file, text, PROJECT_FILE_MODE) };
  };
  return {
    root,
    files: [write('warden.yaml', PROJECT_POLICY_TEMPLATE), write('identity.md', identityTemplate(path.basename(root)))],
  };
}
