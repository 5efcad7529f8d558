// Self-protection: the agent may not change warden's state or Claude Code's hooks, read the server
// token, start a nested Claude Code without hooks, or run warden's state-changing commands. Every
// rule is locked: no policy lowers it, its pack cannot be switched off, no exception applies.
import type { Rule } from '../define.js';
import apiWrite from './api-write.js';
import hookSettings from './hook-settings.js';
import identityFile from './identity-file.js';
import nestedClaude from './nested-claude.js';
import nestedClaudeExtension from './nested-claude-extension.js';
import projectPolicy from './project-policy.js';
import serverToken from './server-token.js';
import wardenCommand from './warden-command.js';
import wardenPlugin from './warden-plugin.js';
import wardenState from './warden-state.js';

export const SELF_RULES: readonly Rule[] = [wardenState, serverToken, hookSettings, projectPolicy, identityFile, nestedClaude, nestedClaudeExtension, wardenCommand, wardenPlugin, apiWrite];
