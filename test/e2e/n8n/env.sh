# Source me: puts Node 24 (from the npm registry) first on PATH and builds native addons against its headers.
HERE_ENV=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE_ENV/versions.sh"
NODE24_PLATFORM_DIR=$(ls -d "$NODE24_DIR"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -1)
export PATH="$NODE24_DIR/node_modules/.bin:$N8N_HOME_DIR/node_modules/.bin:$PATH"
export npm_config_nodedir="$NODE24_PLATFORM_DIR"
