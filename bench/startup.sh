#!/usr/bin/env bash
# Start-up: `ckafka --help` and `ckafka produce -n 5 -q` (connect, five messages, exit) against
# `node -e 0` (and kcat producing five messages), with hyperfine when it is installed
# (apt-get install hyperfine), else a loop timed by bash. ckafka keeps V8's compiled code between
# runs (bin/ckafka.js); the warm-up runs fill that cache, and one more row is the first run after
# a build (no cache: it compiles everything and writes the cache).
#
#   bench/startup.sh                      # starts a broker (npx tsx test/harness/cli.ts), stops it after
#   B=127.0.0.1:9092 bench/startup.sh     # uses a running broker (its bench topic is deleted after)
#   RUNS=50 bench/startup.sh
#   NODE=/path/to/node24 bench/startup.sh  # another Node
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-30}
NODE=${NODE:-node}
work=$(mktemp -d)
. bench/broker.sh
topic="bench-startup-$(date +%s)-$$"
created=""
cleanup() {
  if [ -n "$broker" ]; then
    stop_broker
  elif [ -n "$created" ]; then
    npx tsx bench/topics.ts delete "$B" "$topic" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

start_broker

npm run build --silent
npx tsx bench/topics.ts create "$B" 3 "$topic"
created=1
printf 'Message 0\nMessage 1\nMessage 2\nMessage 3\nMessage 4\n' > "$work/five.txt"

# The code caches of these runs go to $work, not to the user's cache directory.
export XDG_CACHE_HOME="$work/cache"
cold="$work/cold-cache"
commands=(
  "$NODE -e 0"
  "$NODE bin/ckafka.js --help"
  "$NODE bin/ckafka.js produce -b $B -t $topic -n 5 -q"
  "env XDG_CACHE_HOME=$cold $NODE bin/ckafka.js produce -b $B -t $topic -n 5 -q"
  "kcat -P -b $B -t $topic -X acks=1 $work/five.txt"
)
# Before each run: nothing, except for the first run after a build (its cache is removed).
prepare=(true true true "rm -rf $cold" true)

if command -v hyperfine >/dev/null; then
  prepares=()
  for p in "${prepare[@]}"; do prepares+=(--prepare "$p"); done
  hyperfine -N --warmup 3 --runs "$RUNS" "${prepares[@]}" --export-markdown "$work/table.md" "${commands[@]}" >&2
  echo
  cat "$work/table.md"
else
  echo "(no hyperfine: mean of $RUNS runs timed by bash)"
  echo
  echo "| command | mean [ms] |"
  echo "| --- | --- |"
  for i in "${!commands[@]}"; do
    c=${commands[$i]}
    read -ra argv <<< "$c"
    read -ra prep <<< "${prepare[$i]}"
    "${argv[@]}" > /dev/null 2>&1
    total=0
    for _ in $(seq "$RUNS"); do
      "${prep[@]}"
      start=$(date +%s%N)
      "${argv[@]}" > /dev/null 2>&1
      total=$(( total + $(date +%s%N) - start ))
    done
    echo "| \`$c\` | $(( total / RUNS / 1000000 )) |"
  done
fi
