# Sourced by .ci/run: CI runs the Node.js that users run (package.json "engines").
# When the machine's node is older, Node.js 24 comes from the npm registry into a cache folder outside the
# repository and goes first on PATH, for npm too.

NODE_MAJOR=24

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

use_node_24() {
  if [ "$(node_major)" -ge "$NODE_MAJOR" ]; then return; fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "No Node.js $NODE_MAJOR package for $(uname -m) on the npm registry"; return 1 ;;
  esac
  local prefix="${XDG_CACHE_HOME:-$HOME/.cache}/disciplina-ci/node-$NODE_MAJOR-$arch"
  local bin="$prefix/node_modules/node-linux-$arch/bin"
  if [ "$(node_major "$bin/node")" != "$NODE_MAJOR" ]; then
    echo "Node.js $(node -v 2>/dev/null || echo missing) is older than $NODE_MAJOR: installing Node.js $NODE_MAJOR from the npm registry into $prefix"
    mkdir -p "$prefix"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$prefix" "node-linux-$arch@$NODE_MAJOR"
  fi
  export PATH="$bin:$PATH"
  hash -r
  [ "$(node_major)" = "$NODE_MAJOR" ] || { echo "Node.js $NODE_MAJOR did not come first on PATH"; return 1; }
}
