#!/usr/bin/env bash
# ckafka vs kcat reading 1,000,000 messages of 100 B and 1 KiB to /dev/null; see bench/consume.ts.
# Needs: npm ci, Java + Maven (local broker from Maven Central jars), kcat, /usr/bin/time.
# BOOTSTRAP=host:port uses a running broker instead of starting one.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/main.js ] || npm run build
exec npx tsx bench/consume.ts "$@"
