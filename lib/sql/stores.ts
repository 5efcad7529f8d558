// Data stores that are not SQL: what a redis-cli (valkey-cli, keydb-cli) or mongosh (mongo,
// mongorestore) command line will destroy. Same sources as the SQL clients: arguments, script
// files (bounded reads, lib/sql/read.ts), heredocs, here-strings and literal pipes.
//
// Trust model: the scripts are hostile, and the checks lean towards holding: a Lua script that
// mentions FLUSHALL/FLUSHDB anywhere or builds its command names, JavaScript that names
// dropDatabase anywhere (a string can be a method name: db["dropDatabase"]()), count.

import { display, isDynamic, type SimpleCommand } from '../shell/analyze.js';
import { parseConnection, type Target } from './clients.js';
import type { Source, Unseen } from './judge.js';
import { stdinSource } from './index.js';
import { MONGO_PROGRAMS, REDIS_PROGRAMS } from './programs.js';
import { readScript } from './read.js';

export type RedisKind = 'flush' | 'eval';
export type MongoKind = 'drop-database' | 'drop-collection' | 'delete-all' | 'restore-drop';

export interface StoreFinding<K extends string> {
  kind: K;
  /** What it destroys and where that was seen. */
  detail: string;
}

export interface StoreFacts<K extends string> {
  target: Target;
  /** Databases a script switches to (`use x`, `getSiblingDB('x')`). */
  databases: string[];
  findings: StoreFinding<K>[];
  unseen: Unseen[];
}


/** Reads each source's text (files bounded); what cannot be read becomes `unseen`. */
function texts(sources: readonly Source[], cwd: string, unseen: Unseen[]): { text: string; origin: string }[] {
  const out: { text: string; origin: string }[] = [];
  for (const s of sources) {
    if ('text' in s) {
      out.push(s);
      continue;
    }
    const r = readScript(s.file, cwd);
    if (!r.ok) unseen.push({ reason: r.reason, detail: r.detail });
    else {
      if (r.truncated) unseen.push({ reason: 'large', detail: `${r.path} is longer than the ${r.text.length} bytes read` });
      out.push({ text: r.text, origin: s.origin });
    }
  }
  return out;
}

function fromStdin(cmd: SimpleCommand, sources: Source[], unseen: Unseen[]): void {
  const s = stdinSource(cmd);
  if (s.source) sources.push(s.source);
  if (s.unseen) unseen.push(s.unseen);
}

// ---------------------------------------------------------------------------------------------
// Redis

const REDIS_VALUE = new Set(['-h', '-p', '-s', '-a', '-u', '-r', '-i', '-n', '-d', '-D', '-t', '--user', '--pass', '--eval', '--rdb', '--functions-rdb', '--pattern', '--quoted-pattern', '--count', '--cacert', '--cacertdir', '--cert', '--key', '--sni', '--tls-ciphers', '--tls-ciphersuites', '--intrinsic-latency', '--lru-test', '--pipe-timeout', '--memkeys-samples', '--keystats-samples', '--cursor', '--top']);
const FLUSH = /\bflush(all|db)\b/i;
/** A Lua call whose command is not a plain string literal: `redis.call(cmd)`, `redis.call('FLUSH' .. 'ALL')`. */
const LUA_BUILT = /redis\s*\.\s*p?call\s*\(\s*(?:[^'"\s]|(['"])[^'"]*\1\s*\.\.)/;

export function redisFacts(cmd: SimpleCommand): StoreFacts<RedisKind> | undefined {
  if (!REDIS_PROGRAMS.includes(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  const target: Target = {};
  const findings: StoreFinding<RedisKind>[] = [];
  const unseen: Unseen[] = [];
  const scripts: Source[] = [];
  let i = 0;
  let pipeMode = false;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--cluster') {
      // `--cluster call host:port CMD …` runs CMD on every node.
      if (args[i + 1] === 'call') i += 2;
      else return { target, databases: [], findings, unseen };
      continue;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '--pipe') pipeMode = true;
    if (!REDIS_VALUE.has(a)) continue;
    const v = args[++i];
    if (v === undefined) break;
    if (a === '-h') target.host = v;
    else if (a === '-n') target.database = v;
    else if (a === '-u') Object.assign(target, parseConnection(v));
    else if (a === '--eval') scripts.push({ file: v, origin: `--eval ${v}` });
  }
  const words = args.slice(i);
  const lua = texts(scripts, cmd.cwd, unseen);
  for (const s of lua) if (FLUSH.test(s.text) || LUA_BUILT.test(s.text)) findings.push({ kind: 'eval', detail: `the Lua script ${s.origin}` });
  if (scripts.length > 0) return { target, databases: [], findings, unseen };
  const verb = words[0];
  if (verb !== undefined) {
    if (isDynamic(verb)) unseen.push({ reason: 'dynamic', detail: `the command ${display(verb)} is not fixed by the command line` });
    else if (FLUSH.test(verb) && /^flush(all|db)$/i.test(verb)) findings.push({ kind: 'flush', detail: verb.toUpperCase() });
    else if (/^(eval|eval_ro)$/i.test(verb) && words[1] !== undefined) {
      const script = words[1];
      if (FLUSH.test(script) || LUA_BUILT.test(script) || isDynamic(script)) findings.push({ kind: 'eval', detail: `EVAL ${display(script).slice(0, 80)}` });
    }
    return { target, databases: [], findings, unseen };
  }
  // No command: redis-cli reads commands (or, with --pipe, the protocol) from stdin.
  const sources: Source[] = [];
  fromStdin(cmd, sources, unseen);
  for (const s of texts(sources, cmd.cwd, unseen)) {
    if (FLUSH.test(s.text)) findings.push({ kind: 'flush', detail: `FLUSHALL/FLUSHDB in ${pipeMode ? '--pipe input' : 'the commands'} from ${s.origin}` });
    else if (/\beval\b/i.test(s.text) && LUA_BUILT.test(s.text)) findings.push({ kind: 'eval', detail: `EVAL in the commands from ${s.origin}` });
  }
  return { target, databases: [], findings, unseen };
}

// ---------------------------------------------------------------------------------------------
// MongoDB

const MONGO_VALUE = new Set(['--eval', '--file', '-f', '--host', '--port', '-u', '--username', '--authenticationDatabase', '--authenticationMechanism', '--tlsCAFile', '--tlsCertificateKeyFile', '--tlsCertificateKeyFilePassword', '--apiVersion', '--db', '-d', '--uri', '--nsInclude', '--nsExclude', '--archive', '--dir', '--collection', '-c']);

/** JavaScript with comments removed (strings kept: a string can name a method). */
function stripJsComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === '\\' ? 2 : 1;
      out += src.slice(i, j + 1);
      i = j;
    } else if (c === '/' && src[i + 1] === '/') {
      const e = src.indexOf('\n', i);
      i = e === -1 ? src.length : e - 1;
    } else if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      i = e === -1 ? src.length : e + 1;
    } else out += c;
  }
  return out;
}

const EMPTY_FILTER = String.raw`\(\s*(?:\{\s*\})?\s*[,)]`;
const MONGO_CHECKS: readonly { kind: MongoKind; re: RegExp }[] = [
  { kind: 'drop-database', re: /dropDatabase/ },
  { kind: 'drop-collection', re: /\.\s*drop\s*\(|\[\s*(['"`])drop\1\s*\]\s*\(|\bdrop\s*:\s*['"`]|\bdropCollection\b/ },
  { kind: 'delete-all', re: new RegExp(String.raw`(?:\.\s*(?:deleteMany|remove)|\[\s*(['"\x60])(?:deleteMany|remove)\1\s*\])\s*${EMPTY_FILTER}`) },
];

export function mongoFacts(cmd: SimpleCommand): StoreFacts<MongoKind> | undefined {
  if (!MONGO_PROGRAMS.includes(cmd.program)) return undefined;
  const args = cmd.argv.slice(1);
  const target: Target = {};
  const findings: StoreFinding<MongoKind>[] = [];
  const unseen: Unseen[] = [];
  const sources: Source[] = [];
  const databases: string[] = [];
  let drop = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq === -1 ? a : a.slice(0, eq);
    if (name === '--drop') drop = true;
    if (MONGO_VALUE.has(name)) {
      const v = eq !== -1 ? a.slice(eq + 1) : args[i + 1]?.startsWith('-') === true ? undefined : args[++i];
      if (v === undefined) continue;
      if (name === '--eval') sources.push({ text: v, origin: '--eval' });
      else if (name === '--file' || name === '-f') sources.push({ file: v, origin: `--file ${v}` });
      else if (name === '--host') Object.assign(target, { ...parseConnection(v.includes('://') ? v : `mongodb://${v}`), ...(target.database !== undefined ? { database: target.database } : {}) });
      else if (name === '--uri') Object.assign(target, parseConnection(v));
      else if (name === '--db' || name === '-d') target.database = v;
      continue;
    }
    if (a.startsWith('-')) continue;
    if (/\.js$/i.test(a)) sources.push({ file: a, origin: a });
    else if (/^mongodb(\+srv)?:\/\//i.test(a)) Object.assign(target, parseConnection(a));
    else if (cmd.program !== 'mongorestore') Object.assign(target, a.includes('/') ? parseConnection(`mongodb://${a}`) : { database: a });
  }
  if (cmd.program === 'mongorestore') {
    if (drop) findings.push({ kind: 'restore-drop', detail: 'mongorestore --drop' });
    return { target, databases, findings, unseen };
  }
  if (sources.length === 0) fromStdin(cmd, sources, unseen);
  for (const s of texts(sources, cmd.cwd, unseen)) {
    const js = stripJsComments(s.text);
    for (const c of MONGO_CHECKS) if (c.re.test(js)) findings.push({ kind: c.kind, detail: `${s.origin}` });
    for (const m of js.matchAll(/getSiblingDB\s*\(\s*['"`]([^'"`]+)|^\s*use\s+([^\s;]+)/gm)) databases.push((m[1] ?? m[2]) as string);
  }
  return { target, databases, findings, unseen };
}
