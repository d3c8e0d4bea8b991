# One place for the versions of the real n8n the project runs against (sourced by the other scripts).
# N8N_VERSIONS: every n8n `npm test` proves the package on. N8N_NEWEST runs every e2e test and is
# the default N8N_VERSION (dev, bench, soak, queue mode); the others run the core checks
# (test/e2e/compat/run.mjs).
#  - 2.41.1: the newest 2.x that installs from the npm registry reachable here (2.41.3 needs
#    @n8n/agents@0.26.2, which the registry lacks). n8n >= 2.36 needs Node >= 24.
#  - 1.123.81: the newest 1.x, the line many self-hosters still run, on Node 22 (what n8n's 1.x
#    Docker images run). Its engines field says Node >=20.19, but it starts its `vm` expression
#    engine by default, whose isolated-vm 6.2.0 needs Node >= 22 (no Node 20 build; compiling it
#    against Node 20 fails), so on Node 20 it runs only with N8N_EXPRESSION_ENGINE=legacy.
# Each runs on a Node taken from the npm registry's `node` package, so a machine with any Node can run it.
N8N_NEWEST=2.41.1
N8N_VERSIONS=${N8N_VERSIONS:-"$N8N_NEWEST 1.123.81"}
N8N_VERSION=${N8N_VERSION:-$N8N_NEWEST}
# Node major for an n8n version.
n8n_node_major() { case "$1" in 1.*) echo 22 ;; *) echo 24 ;; esac; }
# npm `overrides` an n8n version needs to install from this registry, as JSON.
#  - linkedom 0.18.15 needs `cssomnom`, which the registry lacks; 0.18.13 does not.
#  - n8n 1.x's n8n-nodes-base takes `xlsx` from a tarball outside the npm registry; 0.18.5 is the registry's.
n8n_overrides() { case "$1" in 1.*) echo '{"linkedom":"0.18.13","xlsx":"0.18.5"}' ;; *) echo '{"linkedom":"0.18.13"}' ;; esac; }
NODE_MAJOR=$(n8n_node_major "$N8N_VERSION")
# Cache outside the clone so fresh clones on the same machine (CI) reuse it; rebuildable at any time.
N8N_CACHE=${N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-digistore24}
N8N_HOME_DIR=$N8N_CACHE/n8n-$N8N_VERSION
NODE_DIR=$N8N_CACHE/node$NODE_MAJOR
