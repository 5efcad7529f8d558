// Programs that run a command given in their arguments somewhere else or in another way: on a
// remote host (`ssh host cmd`), in a container (`docker exec ctr cmd`, `docker run img cmd`,
// `kubectl exec pod -- cmd`), once per input (`parallel cmd ::: a b`), repeatedly (`watch cmd`), or
// as another user (`runuser -u user -- cmd`). Each reader returns the command the way the program
// hands it on: shell source (`text`, run by a shell: ssh, parallel, watch) or words run directly
// (`argv`: docker, kubectl, runuser, `watch -x`), and the directory it runs in where that is known.
//
// Pure functions over resolved words; lib/shell/analyze.ts analyses what they return.

import { quote as shellQuote } from 'shell-quote';
import { UNKNOWN } from './unknown.js';

export interface Inner {
  /** For the `via` chain and the trace: `ssh`, `docker exec`, `kubectl exec`, `parallel`. */
  label: string;
  /** Shell source the program hands to a shell. */
  text?: string;
  /** Words the program runs directly. */
  argv?: string[];
  /** Where the command runs: an absolute path, or UNKNOWN (a remote host, a container). */
  cwd?: string;
}

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

/**
 * Index of the first operand of `args` from `i`, reading options the getopt way: `valueShort` are
 * the one-letter flags that take a value, `valueLong` the long ones (`--x=v` carries its own).
 * Returns args.length when none; `end` is true when `--` was passed.
 */
function firstOperand(args: readonly string[], i: number, valueShort: string, valueLong: ReadonlySet<string>): { at: number; end: boolean } {
  let j = i;
  while (j < args.length) {
    const a = args[j] as string;
    if (a === '--') return { at: j + 1, end: true };
    if (a.startsWith('--')) {
      j += !a.includes('=') && valueLong.has(a) ? 2 : 1;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let takes = false;
      for (let k = 1; k < a.length; k++) {
        if (valueShort.includes(a[k] as string) || valueLong.has(`-${a[k] as string}`)) {
          takes = k === a.length - 1;
          break;
        }
      }
      j += takes ? 2 : 1;
      continue;
    }
    return { at: j, end: false };
  }
  return { at: args.length, end: false };
}

// ---------------------------------------------------------------------------------------------
// ssh: `ssh [options] host [options] [command …]`. The words of the command are joined with spaces
// and run by the remote user's shell, in their home directory: unknown here.

const SSH_VALUE = 'BbcDEeFIiJLlmOoPpQRSWw';

export function sshCommand(args: readonly string[]): Inner | undefined {
  const first = firstOperand(args, 0, SSH_VALUE, set());
  const host = args[first.at];
  if (host === undefined) return undefined;
  // OpenSSH reads options after the host too (`ssh host -p 22 ls`), unless `--` came first.
  const rest = first.end ? { at: first.at + 1 } : firstOperand(args, first.at + 1, SSH_VALUE, set());
  const words = args.slice(rest.at);
  if (words.length === 0) return undefined;
  return { label: 'ssh', text: words.join(' '), cwd: UNKNOWN };
}

// ---------------------------------------------------------------------------------------------
// docker / podman / nerdctl: `exec [opts] ctr cmd…`, `run [opts] image [cmd…]`, also under
// `container`, and `compose exec|run [opts] service cmd…`.

const DOCKER_GLOBAL = set('-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey', '--url', '--connection', '--identity', '--root', '--runroot', '--storage-driver', '--cgroup-manager', '--namespace', '-n', '--address', '-a');
const COMPOSE_GLOBAL = set('-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--parallel', '--progress');
const EXEC_VALUE = set('-e', '--env', '--env-file', '-u', '--user', '-w', '--workdir', '--detach-keys', '--index');
const RUN_VALUE = set(
  '-a', '--attach', '--add-host', '--annotation', '--blkio-weight', '--blkio-weight-device', '--cap-add', '--cap-drop', '--cgroup-parent', '--cgroupns', '--cidfile',
  '-c', '--cpu-shares', '--cpu-period', '--cpu-quota', '--cpu-rt-period', '--cpu-rt-runtime', '--cpus', '--cpuset-cpus', '--cpuset-mems', '--device', '--device-cgroup-rule',
  '--device-read-bps', '--device-read-iops', '--device-write-bps', '--device-write-iops', '--dns', '--dns-option', '--dns-search', '--domainname', '-e', '--env', '--env-file',
  '--entrypoint', '--expose', '--gpus', '--group-add', '--health-cmd', '--health-interval', '--health-retries', '--health-start-period', '--health-timeout', '-h', '--hostname',
  '--ip', '--ip6', '--ipc', '--isolation', '--kernel-memory', '-l', '--label', '--label-file', '--link', '--link-local-ip', '--log-driver', '--log-opt', '--mac-address',
  '-m', '--memory', '--memory-reservation', '--memory-swap', '--memory-swappiness', '--mount', '--name', '--network', '--net', '--network-alias', '--net-alias',
  '--oom-score-adj', '--pid', '--pids-limit', '--platform', '-p', '--publish', '--pull', '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal',
  '--stop-timeout', '--storage-opt', '--sysctl', '--tmpfs', '--ulimit', '-u', '--user', '--userns', '--uts', '-v', '--volume', '--volume-driver', '--volumes-from',
  '-w', '--workdir', '--detach-keys', '--arch', '--os', '--variant', '--secret', '--pod', '--label-file', '--volumes', '--service-ports',
);
const COMPOSE_RUN_VALUE = set('-e', '--env', '-l', '--label', '-p', '--publish', '-u', '--user', '-v', '--volume', '-w', '--workdir', '--name', '--entrypoint', '--env-file', '--cap-add', '--cap-drop', '--pull');

const shortsOf = (s: ReadonlySet<string>): string =>
  [...s]
    .filter((f) => /^-[A-Za-z]$/.test(f))
    .map((f) => f.slice(1))
    .join('');

export function dockerCommand(program: string, args: readonly string[]): Inner | undefined {
  let at = firstOperand(args, 0, shortsOf(DOCKER_GLOBAL), DOCKER_GLOBAL).at;
  let sub = args[at];
  let compose = program === 'docker-compose';
  if (sub === 'container') sub = args[++at];
  if (sub === 'compose' && !compose) {
    compose = true;
    at = firstOperand(args, at + 1, shortsOf(COMPOSE_GLOBAL), COMPOSE_GLOBAL).at;
    sub = args[at];
  } else if (compose) {
    at = firstOperand(args, 0, shortsOf(COMPOSE_GLOBAL), COMPOSE_GLOBAL).at;
    sub = args[at];
  }
  if (sub !== 'exec' && sub !== 'run') return undefined;
  const values = sub === 'exec' ? EXEC_VALUE : compose ? COMPOSE_RUN_VALUE : RUN_VALUE;
  const opts = args.slice(at + 1);
  const target = firstOperand(opts, 0, shortsOf(values), values);
  const words = opts.slice(target.at + 1);
  const entrypoint = optionValue(opts.slice(0, target.at), '--entrypoint');
  const workdir = optionValue(opts.slice(0, target.at), '-w', '--workdir');
  const argv = entrypoint !== undefined ? [...entrypoint.split(/\s+/).filter((w) => w !== ''), ...words] : words;
  if (argv.length === 0 || target.at >= opts.length) return undefined;
  const label = `${program === 'docker-compose' ? 'docker-compose' : program}${compose && program !== 'docker-compose' ? ' compose' : ''} ${sub}`;
  return { label, argv, cwd: workdir !== undefined && workdir.startsWith('/') ? workdir : UNKNOWN };
}

/** The value of the last of the given options in `opts` (`-w /x`, `--workdir=/x`, `-w/x`). */
function optionValue(opts: readonly string[], ...names: string[]): string | undefined {
  let v: string | undefined;
  for (let i = 0; i < opts.length; i++) {
    const a = opts[i] as string;
    for (const n of names) {
      if (a === n) v = opts[i + 1];
      else if (n.startsWith('--') && a.startsWith(`${n}=`)) v = a.slice(n.length + 1);
      else if (!n.startsWith('--') && a.startsWith(n) && a.length > 2) v = a.slice(2);
    }
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// kubectl / oc: `exec [opts] pod [-c ctr] -- cmd…` (or, deprecated, without `--`).

const KUBE_VALUE = set(
  '-c', '--container', '-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '--as', '--as-group', '--as-uid',
  '-f', '--filename', '--pod-running-timeout', '--request-timeout', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name',
  '-v', '--v', '--cache-dir', '--profile', '--profile-output', '--log-file', '--vmodule', '-l', '--selector',
);

export function kubectlCommand(program: string, args: readonly string[]): Inner | undefined {
  const sub = firstOperand(args, 0, shortsOf(KUBE_VALUE), KUBE_VALUE);
  if (args[sub.at] !== 'exec') return undefined;
  const rest = args.slice(sub.at + 1);
  const dash = rest.indexOf('--');
  let argv: string[];
  if (dash !== -1) {
    argv = rest.slice(dash + 1);
  } else {
    const pod = firstOperand(rest, 0, shortsOf(KUBE_VALUE), KUBE_VALUE);
    const after = firstOperand(rest, pod.at + 1, shortsOf(KUBE_VALUE), KUBE_VALUE);
    argv = rest.slice(after.at);
  }
  if (argv.length === 0) return undefined;
  return { label: `${program} exec`, argv, cwd: UNKNOWN };
}

// ---------------------------------------------------------------------------------------------
// GNU parallel: `parallel [opts] command ::: a b c`. The command's words are joined and run by a
// shell once per input, with `{}` (and `{1}`, `{.}`, …) replaced by it, or the input appended
// when there is no replacement string. Literal `:::` inputs (one group, a few values) are put in;
// inputs from stdin or files are unknown.

const PARALLEL_VALUE = set(
  '-a', '--arg-file', '-d', '--delimiter', '-E', '--eof', '-I', '--colsep', '-C', '-j', '--jobs', '-P', '--max-procs', '-n', '--max-args', '-N', '-L', '--max-lines', '-l',
  '-s', '--max-chars', '-S', '--sshlogin', '--slf', '--sshloginfile', '--results', '--res', '--joblog', '--tmpdir', '--workdir', '--wd', '--timeout', '--delay', '--basefile',
  '--bf', '--return', '--env', '--tagstring', '--memfree', '--load', '--halt', '--retries', '--shebang', '--block', '--blocksize', '--recstart', '--recend', '--sshdelay', '--ssh',
  '--transferfile', '--tf', '--termseq', '--limit', '--rpl', '--plus', '--header', '--jobs', '--nice', '--arg-sep', '--arg-file-sep',
);
const PARALLEL_INPUTS = /^(:::|::::|:::\+|::::\+)$/;
const MAX_PARALLEL_VALUES = 32;

export function parallelCommands(args: readonly string[]): { label: string; texts: string[]; fromStdin: boolean } | undefined {
  const first = firstOperand(args, 0, shortsOf(PARALLEL_VALUE), PARALLEL_VALUE);
  const replace = optionValue(args.slice(0, first.at), '-I') ?? '{}';
  const sep = args.findIndex((a, k) => k >= first.at && PARALLEL_INPUTS.test(a));
  const words = args.slice(first.at, sep === -1 ? args.length : sep);
  // No command: each input is a command (`parallel ::: 'make a' 'make b'`, `parallel < jobs.txt`).
  if (words.length === 0) {
    const inputs = sep === -1 ? [] : args.slice(sep + 1).filter((a) => !PARALLEL_INPUTS.test(a));
    return { label: 'parallel', texts: args[sep] === ':::' ? inputs : inputs.length > 0 ? [UNKNOWN] : [], fromStdin: sep === -1 };
  }
  const template = words.join(' ');
  const inputs = sep === -1 ? undefined : args.slice(sep + 1);
  const literal =
    inputs !== undefined && args[sep] === ':::' && !inputs.some((a) => PARALLEL_INPUTS.test(a) || a.includes(UNKNOWN)) && inputs.length > 0 && inputs.length <= MAX_PARALLEL_VALUES
      ? inputs
      : undefined;
  const fill = (value: string): string => {
    const q = value === UNKNOWN ? UNKNOWN : shellQuote([value]);
    const has = template.includes(replace) || /\{\d+\}/.test(template);
    const t = template.split(replace).join(q).replace(/\{\d+\}/g, q).replace(/\{(?:\.|\/|\/\/|\/\.|#|%|\d+[./]*)\}/g, UNKNOWN);
    return has ? t : `${t} ${q}`;
  };
  return { label: 'parallel', texts: literal ? literal.map(fill) : [fill(UNKNOWN)], fromStdin: false };
}

// ---------------------------------------------------------------------------------------------
// watch: `watch [opts] command…` runs `sh -c "<words joined>"` (or, with -x, the words directly).

export function watchCommand(args: readonly string[]): Inner | undefined {
  let exec = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-x' || a === '--exec' || (/^-[a-zA-Z]+$/.test(a) && a.includes('x'))) exec = true;
    // -n/--interval and -q/--equexit take the next word unless attached; `-d` only attached.
    if (a === '--interval' || a === '--equexit' || /^-[a-zA-Z]*[nq]$/.test(a)) i++;
  }
  const words = args.slice(i);
  if (words.length === 0) return undefined;
  return exec ? { label: 'watch', argv: words } : { label: 'watch', text: words.join(' ') };
}

// ---------------------------------------------------------------------------------------------
// runuser -u user [--] cmd… (util-linux): the words run directly as that user.

export function runuserCommand(args: readonly string[]): Inner | undefined {
  const values = set('-u', '--user', '-g', '--group', '-G', '--supp-group', '-s', '--shell', '-w', '--whitelist-environment');
  if (!args.some((a) => a === '-u' || a === '--user' || a.startsWith('--user=') || /^-[a-zA-Z]*u/.test(a))) return undefined;
  const at = firstOperand(args, 0, shortsOf(values), values).at;
  const argv = args.slice(at);
  return argv.length === 0 ? undefined : { label: 'runuser -u', argv };
}
