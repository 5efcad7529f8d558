'use strict';
// The one command Claude Code runs for every warden hook: `node launch.cjs <hook> [--warden-home D]`.
// It loads the hook's bundle (`<hook>.cjs`, next to this file once installed, or in ../dist/ in a
// checkout or a plugin directory), and the sibling bundles the hook loads on demand, through V8's
// code cache, so no bundle is parsed and compiled again in every one of the fresh processes Claude
// Code starts per tool call.
//
// The cache (`<bundle>.v8cache`) is written after a run that had none or had a stale one. It is used
// only while the bundle is the very file it was made from (size, mtime, ctime, inode, device and
// Node's version in its header; ctime changes with every write and no user-space call can set it); V8 itself also rejects it after a change of V8 version or flags. Any problem with the
// cache means compiling as usual, never a failure.
//
// Fail closed: when the bundle cannot be found or loaded, PreToolUse answers deny (JSON and exit 2);
// the other events tell the user and let the session go on. Plain CommonJS, not bundled: it is the
// piece that must work before anything else is there.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const hook = process.argv[2];

function fail(what) {
  const reason = `warden could not start its ${hook} hook (${what}); run \`warden doctor\`, or \`npm ci && npm run build\` in a checkout or plugin directory.`;
  if (hook === 'pre-tool-use') {
    fs.writeSync(1, JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: `warden blocked this call because ${reason}` } }));
    fs.writeSync(2, `${reason}\n`);
    process.exitCode = 2;
  } else {
    fs.writeSync(1, JSON.stringify({ systemMessage: reason }));
  }
}

/** The bundle, opened: next to this file (installed), else in ../dist (a checkout or plugin). */
function openBundle() {
  if (typeof hook !== 'string' || !/^[a-z][a-z-]*$/.test(hook)) return undefined;
  for (const dir of [__dirname, path.join(__dirname, '..', 'dist')]) {
    const file = path.join(dir, `${hook}.cjs`);
    try {
      return { file, fd: openNonBlocking(file) };
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return undefined;
}

// Non-blocking: a FIFO put in a bundle's place fails at once instead of hanging the hook.
function openNonBlocking(file) {
  return fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
}

/** The cache header: what the cached code was made from. */
function stamp(fd) {
  const s = fs.fstatSync(fd, { bigint: true });
  return `warden-v8cache 1 ${process.version} ${s.size} ${s.mtimeNs} ${s.ctimeNs} ${s.ino} ${s.dev}\n`;
}

function readCache(cacheFile, header) {
  try {
    const buf = fs.readFileSync(cacheFile);
    const h = Buffer.from(header);
    return buf.length > h.length && buf.subarray(0, h.length).equals(h) ? buf.subarray(h.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(cacheFile, header, script) {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(header), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only or full directory only means compiling next time too.
  }
}

/**
 * Compiles an open bundle through its code cache and runs it as Node would run a CommonJS file (its
 * own require, __filename, __dirname); returns its exports. Throws with the step that failed.
 */
function runBundle(file, fd) {
  let source;
  let header;
  try {
    header = stamp(fd);
    source = fs.readFileSync(fd, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${e.message}`, { cause: e });
  } finally {
    fs.closeSync(fd);
  }
  const cacheFile = `${file}.v8cache`;
  const cached = readCache(cacheFile, header);
  let fn;
  let script;
  try {
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
    fn = script.runInThisContext();
  } catch (e) {
    throw new Error(`cannot load ${file}: ${e.message}`, { cause: e });
  }
  if (cached === undefined || script.cachedDataRejected) {
    // After the run, so the functions this run compiled are in the cache too.
    process.once('exit', () => writeCache(cacheFile, header, script));
  }
  const mod = { exports: {} };
  try {
    fn.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } catch (e) {
    throw new Error(`${file} failed at start-up: ${e.message}`, { cause: e });
  }
  return mod.exports;
}

// The parts a hook loads only when a call needs them (the rule packs, the SQL engine, the gate, the
// policy parser: lib/sibling.ts) come through here too, so they also start from a code cache.
// Loaded once per process, like require(); a part that cannot be loaded throws, and the hook fails
// closed as it does for any exception.
const siblings = new Map();
Object.defineProperty(globalThis, Symbol.for('warden.requireBundle'), {
  value: (file) => {
    if (typeof file !== 'string' || !path.isAbsolute(file) || !file.endsWith('.cjs')) throw new Error(`not a bundle path: ${String(file)}`);
    let exports = siblings.get(file);
    if (exports === undefined) {
      exports = runBundle(file, openNonBlocking(file));
      siblings.set(file, exports);
    }
    return exports;
  },
});

function main() {
  let opened;
  try {
    opened = openBundle();
  } catch (e) {
    return fail(`cannot open its bundle: ${e.message}`);
  }
  if (opened === undefined) return fail(`no bundle for "${hook}"`);
  try {
    runBundle(opened.file, opened.fd);
  } catch (e) {
    return fail(e.message);
  }
}

main();
