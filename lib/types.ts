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
  | { kind: 'error'; component: string; message: string; failMode: 'closed' }
  /** The safety gate (lib/gate): one external operation and where its service's trust sends it. */
  | { kind: 'gate-op'; service: string; op: OpKind; target: string; route: GateRoute; score?: number; why: string }
  | { kind: 'gate-review'; decision: ReviewDecision; model: string; cached: boolean; risk?: string; rationale: string }
  | { kind: 'approval'; id: string; state: ApprovalState };

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
  /** The safety gate's view of the call, when it acts on something outside the machine. */
  gate?: GateResult;
  /** The pending approval an `ask` opened, or the approval that let this call through. */
  approval?: ApprovalRef;
}

/** What an external operation does (DESIGN.md, "Safety gate"). */
export type OpKind = 'read' | 'write' | 'delete' | 'send' | 'publish' | 'execute';

/** Where the gate sends an operation: through, to the LLM reviewer, to a human, or blocked. */
export type GateRoute = 'allow' | 'review' | 'approve' | 'deny';

/** The reviewer's answer; `unavailable` (no key, timeout, error, refusal, bad answer) means a human decides. */
export type ReviewDecision = 'allow' | 'ask' | 'deny' | 'unavailable';

/** One operation on a service outside the machine, as the gate judged it. */
export interface GateOp {
  /** Stable service key: `github.com`, `mcp:slack`, `email:example.com`, `registry:npm`. */
  service: string;
  kind: OpKind;
  /** URL, host, remote or tool the operation goes to, for people. */
  target: string;
  /** The simple command or tool call it came from. */
  segment: string;
  route: GateRoute;
  /** The service's trust score when it was judged (absent when trust did not decide). */
  score?: number;
  /** Why this route, in words. */
  why: string;
}

export interface GateReview {
  decision: ReviewDecision;
  model: string;
  /** From the review cache, not a new request. */
  cached: boolean;
  risk?: string;
  rationale: string;
}

export interface GateResult {
  ops: GateOp[];
  /** The gate's own verdict on the call (the decision's is the stricter of it and the guard's). */
  verdict: Action;
  review?: GateReview;
  /** Scores this decision moved (a reviewer's deny lowers its services' trust). */
  trust?: { service: string; before: number; after: number }[];
  /** `warden explain`: nothing was asked of the reviewer and nothing was recorded. */
  dryRun?: boolean;
}

export type ApprovalState = 'pending' | 'granted' | 'rejected' | 'used' | 'expired';

export interface ApprovalRef {
  id: string;
  /** `pending`: opened (or found open) for this ask; `used`: this call consumed a grant; `rejected`: a human said no. */
  state: ApprovalState;
  /** ISO time the approval stops being usable. */
  expires: string;
  /** The pending approval was already open for this call (the agent retried before a human answered). */
  reused?: boolean;
}

export type PermissionMode = 'default' | 'plan' | 'acceptEdits' | 'auto' | 'dontAsk' | 'bypassPermissions';
