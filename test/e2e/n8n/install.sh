#!/usr/bin/env bash
# Installs Node 24 and the pinned n8n into the cache folder, once. Later runs return at once.
# Registry-only and offline-safe: install scripts are skipped (some download from the internet or
# phone home) and only the two native addons n8n needs here are rebuilt against Node 24's headers.
# Run through `npm run`, npm passes the project's `.npmrc` (ignore-scripts=true) on in the
# environment; the two steps that need their scripts say so explicitly.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/versions.sh"
if [ -f "$N8N_HOME_DIR/.complete" ] && [ -x "$NODE24_DIR/node_modules/.bin/node" ]; then
  exit 0
fi
# One install per cache at a time: a second `npm test` or `npm run dev` started meanwhile waits
# here instead of racing npm in the same folder (ENOTEMPTY), then finds the cache complete.
mkdir -p "$N8N_CACHE"
exec 9>"$N8N_CACHE/.install.lock"
if ! flock -n 9; then
  echo "[n8n install] another install into $N8N_CACHE is running; waiting for it"
  flock 9
fi
if [ -f "$N8N_HOME_DIR/.complete" ] && [ -x "$NODE24_DIR/node_modules/.bin/node" ]; then
  exit 0
fi
t0=$(date +%s)
mkdir -p "$NODE24_DIR" "$N8N_HOME_DIR"
if [ ! -x "$NODE24_DIR/node_modules/.bin/node" ]; then
  echo "[n8n install] Node $NODE24_VERSION from the npm registry -> $NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"private":true}' > package.json && npm i "node@$NODE24_VERSION" --ignore-scripts=false --no-audit --no-fund --loglevel=error)
fi
source "$HERE/env.sh"
echo "[n8n install] n8n $N8N_VERSION -> $N8N_HOME_DIR (a few minutes, once)"
cd "$N8N_HOME_DIR"
# linkedom 0.18.15 needs `cssomnom`, which this registry lacks; 0.18.13 does not.
echo '{"name":"n8n-runtime","private":true,"overrides":{"linkedom":"0.18.13"}}' > package.json
npm i "n8n@$N8N_VERSION" --save-exact --ignore-scripts --no-audit --no-fund --loglevel=error
npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error
node -e "require('sqlite3'); require('isolated-vm')"
touch .complete
echo "[n8n install] done in $(( $(date +%s) - t0 )) s"
