// The types every layer shares. One pipeline produces a `Decision`; hooks, `warden explain` and the
// API only render it (DESIGN.md, "Data flow").

export type Action = 'allow' | 'ask' | 'deny';

const ACTION_RANK: Record<Action, number> = { allow: 0, ask: 1, deny: 2 };

/** The stricter of two actions (deny > ask > allow). */
export function stricter(a: Action, b: Action): Action {
  return ACTION_RANK[a] >= ACTION_RANK[b] ? a : b;
}

export function isStricter(a: Action, than: Action): boolean {
  return ACTION_RANK[a] > ACTION_RANK[than];
}

/** One rule's verdict on one piece of a tool call. Reason text is rendered from `messageId`. */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  action: Action;
  /** The part of the command (one simple command, or the tool input) that triggered it. */
  segment: string;
  /** Paths the finding is about, absolute; `allow.paths` exceptions match these. */
  paths?: string[];
  /** Rendered reason, filled in by the pipeline from the rule's messages. */
  message: string;
}

/** One step of the analysis, for `warden explain` and the journal. */
export type TraceStep =
  | { kind: 'input'; tool: string; summary: string }
  | { kind: 'policy'; sources: string[]; preset: string; warnings: string[]; errors: string[] }
  | { kind: 'command'; depth: number; text: string; program: string; argv: string[]; via: string[]; cwd: string }
  | { kind: 'unwrap'; depth: number; wrapper: string; text: string }
  | { kind: 'bound'; what: string; limit: number }
  /** The SQL a database client will run (lib/sql): client, dialect, target and each statement's kinds. */
  | { kind: 'sql'; depth: number; client: string; dialect: string; target: string; parser: string; statements: SqlTraceStatement[]; more: number; unseen: string[] }
  | { kind: 'rule'; ruleId: string; action: Action; segment: string }
  | { kind: 'exception'; ruleId: string; by: string }
  | { kind: 'error'; component: string; message: string; failMode: 'closed' };

/** One SQL statement in the trace: what it does, and whether node-sql-parser or the tokens said so. */
export interface SqlTraceStatement {
  text: string;
  /** Statement kinds with their objects, e.g. `drop_table users`. */
  kinds: string[];
  by: 'parser' | 'tokens' | 'client';
  note?: string;
  origin?: string;
}

export type Verdict = Action;

/** A pending tool call as the pipeline sees it. */
export interface ToolCall {
  tool: string;
  input: Record<string, unknown>;
  cwd: string;
}

export interface Decision {
  verdict: Verdict;
  findings: Finding[];
  /** Human-readable reason for the verdict; what the agent sees on deny/ask. */
  reason: string;
  trace: TraceStep[];
}

export type PermissionMode = 'default' | 'plan' | 'acceptEdits' | 'auto' | 'dontAsk' | 'bypassPermissions';
