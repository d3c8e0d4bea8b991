# Source me: puts the Node that $N8N_VERSION runs on (from the npm registry) first on PATH and builds
# native addons against its headers.
HERE_ENV=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE_ENV/versions.sh"
NODE_PLATFORM_DIR=$(ls -d "$NODE_DIR"/node_modules/node/node_modules/node-linux-* 2>/dev/null | head -1)
export PATH="$NODE_DIR/node_modules/.bin:$N8N_HOME_DIR/node_modules/.bin:$PATH"
export npm_config_nodedir="$NODE_PLATFORM_DIR"
