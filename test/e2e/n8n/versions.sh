# One place for the versions of the real n8n the project runs against (sourced by the other scripts).
# n8n 2.41.1 is the newest 2.x that installs from the npm registry reachable here (2.41.3 needs
# @n8n/agents@0.26.2, which the registry lacks). n8n >= 2.36 needs Node 24, taken from the npm
# registry's `node` package so a machine with only Node 20 can run it.
N8N_VERSION=${N8N_VERSION:-2.41.1}
NODE24_VERSION=${NODE24_VERSION:-24}
# Cache outside the clone so fresh clones on the same machine (CI) reuse it; rebuildable at any time.
N8N_CACHE=${N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-digistore24}
N8N_HOME_DIR=$N8N_CACHE/n8n-$N8N_VERSION
NODE24_DIR=$N8N_CACHE/node$NODE24_VERSION
