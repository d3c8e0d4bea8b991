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
  npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error
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
