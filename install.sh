#!/usr/bin/env bash
# Installs warden for the current user: checks Node >= 20, installs dependencies only when needed,
# builds the bundles only when a source is newer than them, then runs `warden install "$@"`, which
# copies the bundles to ~/.claude/warden/bin and registers the hooks in ~/.claude/settings.json.
#
# Quiet on success apart from warden's short summary; on failure it prints what went wrong. Safe to
# run again (idempotent) and quick when nothing changed: the e2e tests run it once per sandbox HOME,
# concurrently, so dependency install + build + deploy run under a lock (flock, where available).
#
# Usage: path/to/install.sh [--warden-home DIR]   from any directory
#        path/to/install.sh --project             from inside a project: its committable .claude/ files
set -euo pipefail

readonly MIN_NODE_MAJOR=20
readonly LOCK_TIMEOUT_S=300

die() {
  printf 'install.sh: %s\n' "$*" >&2
  exit 1
}

# Runs a command with its output captured; shows the output only if it fails.
quietly() {
  local log
  log=$(mktemp "${TMPDIR:-/tmp}/warden-install.XXXXXX")
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    die "failed: $*"
  fi
  rm -f "$log"
}

caller_dir=$PWD
cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")"
repo_dir=$PWD

command -v node >/dev/null 2>&1 || die "node not found on PATH; install Node.js ${MIN_NODE_MAJOR} or newer (https://nodejs.org)"
node_version=$(node -p 'process.versions.node')
[[ ${node_version%%.*} -ge $MIN_NODE_MAJOR ]] || die "Node.js ${MIN_NODE_MAJOR} or newer is required; $(command -v node) is ${node_version}"

if command -v flock >/dev/null 2>&1; then
  exec 9>.tmp-install.lock
  flock -w "$LOCK_TIMEOUT_S" 9 || die "another install.sh has held .tmp-install.lock for ${LOCK_TIMEOUT_S}s"
fi

# npm writes node_modules/.package-lock.json on every install; older than the lock file = stale.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  command -v npm >/dev/null 2>&1 || die "npm not found on PATH (it comes with Node.js)"
  echo "install.sh: installing dependencies (npm ci)…"
  quietly npm ci --no-audit --no-fund
fi

needs_build() {
  local f
  for f in dist/warden.cjs dist/pre-tool-use.cjs dist/policy.yaml; do
    [[ -f $f ]] || return 0
  done
  [[ -n $(find hooks lib config scripts package.json package-lock.json tsconfig.json -newer dist/warden.cjs -print -quit 2>/dev/null) ]]
}
if needs_build; then
  quietly npm run build
fi

# From the caller's directory, so that `./install.sh --project` sets up the project the caller is in.
cd -- "$caller_dir"
node "$repo_dir/dist/warden.cjs" install "$@"
