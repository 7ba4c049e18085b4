#!/usr/bin/env bash
# Start-up: `ckafka --help` and `ckafka produce -n 5 -q` (the demo's job: connect, five messages,
# their acknowledgements, exit) against `node -e 0`, all in one hyperfine run (apt-get install
# hyperfine; without it, a loop timed by bash), and kcat producing five messages. ckafka keeps
# V8's compiled code between runs (bin/ckafka.js): the warm-up runs fill that cache, and one row
# is the first run after a build (no cache: it compiles everything and writes the cache). On Node
# 22.1+, two more rows run the same bundles through Node's own compile cache
# (bench/node-compile-cache.cjs, module.enableCompileCache) to compare the two caches.
#
# Prints a table: median wall time, its ratio to `node -e 0`'s median, mean CPU time (user +
# system) and its ratio, with the load average before and after. No config file of the user's is
# read: the runs get an empty HOME (no ~/.ckafkarc, ~/.config/ckafka) and kcat -F /dev/null.
#
#   bench/startup.sh                      # starts a broker (npx tsx test/harness/cli.ts), stops it after
#   B=127.0.0.1:9092 bench/startup.sh     # uses a running broker (its bench topic is deleted after)
#   RUNS=50 bench/startup.sh
#   NODE=/path/to/node24 bench/startup.sh
#   SEA=1 bench/startup.sh                 # also builds and times the single executable (npm run build:binary)
#   BASE=/path/to/other/ckafka bench/startup.sh  # that checkout's --help and produce too (built: npm run build)
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
mkdir -p "$work/home"

# The code caches of these runs go to $work, not to the user's cache directory.
export XDG_CACHE_HOME="$work/cache"
cold="$work/cold-cache"
produce="produce -b $B -t $topic -n 5 -q"
names=("node -e 0" "ckafka --help" "ckafka produce -n 5 -q" "the same, first run after a build (no code cache)")
commands=("$NODE -e 0" "$NODE bin/ckafka.js --help" "$NODE bin/ckafka.js $produce" "env XDG_CACHE_HOME=$cold $NODE bin/ckafka.js $produce")
# Before each run: nothing, except for the first run after a build (its cache is removed).
prepare=(true true true "rm -rf $cold")
if [ "$("$NODE" -p 'typeof require("node:module").enableCompileCache')" = function ]; then
  names+=("ckafka --help, Node's compile cache" "ckafka produce -n 5 -q, Node's compile cache")
  commands+=("$NODE bench/node-compile-cache.cjs --help" "$NODE bench/node-compile-cache.cjs $produce")
  prepare+=(true true)
fi
# BASE=<another checkout, built>: its --help and produce in the same run (before and after a change).
if [ -n "${BASE:-}" ]; then
  names+=("ckafka --help, BASE" "ckafka produce -n 5 -q, BASE")
  commands+=("$NODE $BASE/bin/ckafka.js --help" "$NODE $BASE/bin/ckafka.js $produce")
  prepare+=(true true)
fi
names+=("kcat -P, five messages")
commands+=("kcat -F /dev/null -P -b $B -t $topic -X acks=1 $work/five.txt")
prepare+=(true)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
if command -v hyperfine >/dev/null; then
  prepares=()
  for p in "${prepare[@]}"; do prepares+=(--prepare "$p"); done
  HOME="$work/home" hyperfine -N --warmup 3 --runs "$RUNS" "${prepares[@]}" --export-json "$work/runs.json" "${commands[@]}" >&2
  how="hyperfine -N, $RUNS runs each after 3 warm-up runs"
else
  # Each run: "wall_ms cpu_ms", from bash's clock and the children's CPU times (times).
  : > "$work/runs.txt"
  for i in "${!commands[@]}"; do
    read -ra argv <<< "${commands[$i]}"
    read -ra prep <<< "${prepare[$i]}"
    HOME="$work/home" "${argv[@]}" > /dev/null 2>&1
    for _ in $(seq "$RUNS"); do
      "${prep[@]}"
      start=$(date +%s%N)
      cpu=$( { HOME="$work/home" "${argv[@]}" > /dev/null 2>&1; times; } | tail -1 | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); print (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }')
      echo "$i $(( ($(date +%s%N) - start) / 1000000 )) $cpu" >> "$work/runs.txt"
    done
  done
  how="no hyperfine: $RUNS runs each timed by bash"
fi

printf '\nstart-up, Node %s, %s; median wall time, mean CPU time (user + system); load average %s before, %s after\n\n' \
  "$("$NODE" --version)" "$how" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
node -e '
  const fs = require("node:fs");
  const [names, file] = [JSON.parse(process.argv[1]), process.argv[2]];
  const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  let rows;
  if (file.endsWith(".json")) {
    rows = JSON.parse(fs.readFileSync(file, "utf8")).results.map((r) => ({ wall: r.median * 1000, cpu: (r.user + r.system) * 1000 }));
  } else {
    const runs = fs.readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(" ").map(Number));
    rows = names.map((_, i) => { const mine = runs.filter((r) => r[0] === i); return { wall: median(mine.map((r) => r[1])), cpu: mine.reduce((s, r) => s + r[2], 0) / mine.length }; });
  }
  const [base] = rows;
  console.log("| command | median | × `node -e 0` | CPU (user+sys) | × `node -e 0` |\n| --- | --- | --- | --- | --- |");
  rows.forEach((r, i) => console.log(`| ${names[i]} | ${r.wall.toFixed(1)} ms | ${(r.wall / base.wall).toFixed(2)} | ${r.cpu.toFixed(1)} ms | ${(r.cpu / base.cpu).toFixed(2)} |`));
' "$(printf '%s\n' "${names[@]}" | node -e 'console.log(JSON.stringify(require("node:fs").readFileSync(0, "utf8").trim().split("\n")))')" "$([ -f "$work/runs.json" ] && echo "$work/runs.json" || echo "$work/runs.txt")"
