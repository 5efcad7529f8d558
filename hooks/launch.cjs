'use strict';
// The one command Claude Code runs for every warden hook: `node launch.cjs <hook> [--warden-home D]`.
// It loads the hook's bundle (`<hook>.cjs`, next to this file once installed, or in ../dist/ in a
// checkout or a plugin directory) through V8's code cache, so the bundle is not parsed and compiled
// again in every one of the fresh processes Claude Code starts per tool call.
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
      // Non-blocking: a FIFO put in the bundle's place fails at once instead of hanging the hook.
      return { file, fd: fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK) };
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
    }
  }
  return undefined;
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

function main() {
  let opened;
  try {
    opened = openBundle();
  } catch (e) {
    return fail(`cannot open its bundle: ${e.message}`);
  }
  if (opened === undefined) return fail(`no bundle for "${hook}"`);
  const { file, fd } = opened;
  let source;
  let header;
  try {
    header = stamp(fd);
    source = fs.readFileSync(fd, 'utf8');
  } catch (e) {
    return fail(`cannot read ${file}: ${e.message}`);
  } finally {
    fs.closeSync(fd);
  }
  const cacheFile = `${file}.v8cache`;
  const cached = readCache(cacheFile, header);
  let script;
  let fn;
  try {
    script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cached });
    fn = script.runInThisContext();
  } catch (e) {
    return fail(`cannot load ${file}: ${e.message}`);
  }
  if (cached === undefined || script.cachedDataRejected) {
    // After the run, so the functions this run compiled are in the cache too.
    process.once('exit', () => writeCache(cacheFile, header, script));
  }
  // The bundle runs as if Node had loaded it itself: its own require, __filename and __dirname.
  const mod = { exports: {} };
  try {
    fn.call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } catch (e) {
    return fail(`${file} failed at start-up: ${e.message}`);
  }
}

main();
