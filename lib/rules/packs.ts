// The names of the rule packs, in the registry's order, for code that must not load the rules to
// name them (the SessionStart briefing). tests/rules/registry.test.ts checks it against the packs
// the rules declare, so it cannot drift.
export const PACK_NAMES: readonly string[] = ['core', 'git', 'filesystem', 'infra', 'secrets', 'network', 'disk', 'database', 'remote', 'interpreter', 'gate', 'self'];
