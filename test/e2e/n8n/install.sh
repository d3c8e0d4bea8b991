#!/usr/bin/env bash
# Installs the given n8n versions (default: every one in versions.sh's N8N_VERSIONS), each with the
# Node it runs on, into the cache folder, once. Later runs return at once.
#   bash test/e2e/n8n/install.sh [n8n-version|newest ...]
# Registry-only and offline-safe: install scripts are skipped (some download from the internet or
# phone home) and only the native addons n8n needs here are rebuilt against that Node's headers.
# Run through `npm run`, npm passes the project's `.npmrc` (ignore-scripts=true) on in the
# environment; the steps that need their scripts say so explicitly.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/versions.sh"
versions=(${@:-$N8N_VERSIONS})
versions=("${versions[@]/#newest/$N8N_NEWEST}")

complete() (
  N8N_VERSION=$1
  source "$HERE/versions.sh"
  [ -f "$N8N_HOME_DIR/.complete" ] && [ -x "$NODE_DIR/node_modules/.bin/node" ]
)

# sqlite3 is built against N-API, so one build serves every Node: take a finished build of the same
# sqlite3 version from another n8n in the cache instead of compiling it again (~1.5 min of CPU).
reuse_sqlite3() {
  local own=node_modules/sqlite3 other version
  version=$(node -p "require('./$own/package.json').version")
  for other in "$N8N_CACHE"/n8n-*/node_modules/sqlite3; do
    [ -f "$other/../../.complete" ] && [ -f "$other/build/Release/node_sqlite3.node" ] || continue
    [ "$(node -p "require('$other/package.json').version")" = "$version" ] || continue
    mkdir -p "$own/build/Release" && cp "$other/build/Release/node_sqlite3.node" "$own/build/Release/"
    if node -e "require('sqlite3')" 2>/dev/null; then echo "[n8n install] sqlite3 $version: build reused from $other"; return 0; fi
    rm -rf "$own/build"
  done
  return 1
}

install_one() (
  N8N_VERSION=$1
  source "$HERE/versions.sh"
  complete "$N8N_VERSION" && exit 0
  t0=$(date +%s)
  mkdir -p "$NODE_DIR" "$N8N_HOME_DIR"
  if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
    echo "[n8n install] Node $NODE_MAJOR from the npm registry -> $NODE_DIR"
    (cd "$NODE_DIR" && echo '{"private":true}' > package.json && npm i "node@$NODE_MAJOR" --ignore-scripts=false --no-audit --no-fund --loglevel=error)
  fi
  source "$HERE/env.sh"
  echo "[n8n install] n8n $N8N_VERSION on Node $(node --version) -> $N8N_HOME_DIR (a few minutes, once)"
  cd "$N8N_HOME_DIR"
  echo "{\"name\":\"n8n-runtime\",\"private\":true,\"overrides\":$(n8n_overrides "$N8N_VERSION")}" > package.json
  npm i "n8n@$N8N_VERSION" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error
  addons=(isolated-vm)
  reuse_sqlite3 || addons+=(sqlite3)
  npm rebuild "${addons[@]}" --ignore-scripts=false --loglevel=error
  node -e "require('sqlite3'); require('isolated-vm')"
  touch .complete
  echo "[n8n install] n8n $N8N_VERSION done in $(( $(date +%s) - t0 )) s"
)

all_complete() { for v in "${versions[@]}"; do complete "$v" || return 1; done; }
all_complete && exit 0
# One install per cache at a time: a second `npm test` or `npm run dev` started meanwhile waits
# here instead of racing npm in the same folder (ENOTEMPTY), then finds the cache complete.
mkdir -p "$N8N_CACHE"
exec 9>"$N8N_CACHE/.install.lock"
if ! flock -n 9; then
  echo "[n8n install] another install into $N8N_CACHE is running; waiting for it"
  flock 9
fi
for version in "${versions[@]}"; do install_one "$version"; done
