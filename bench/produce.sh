#!/usr/bin/env bash
# Bulk produce, ckafka against kcat on one broker: N messages (1,000,000) of 100 B and of 1 KiB
# read from a file, each run into a fresh topic of 3 partitions, acks=1 for both:
#
#   ckafka: node bin/ckafka.js produce -b $B -t T --file F -q --acks 1
#   kcat:   kcat -P -l -b $B -t T -X acks=1 F
#
# Prints messages/s from wall-clock time (process start included, for both), the ratio
# ckafka/kcat and ckafka's peak RSS (/usr/bin/time -f %M). Each pair runs RUNS times, the two
# alternating; the median counts. The host's cores are shared with the broker: compare ratios.
#
#   bench/produce.sh                       # starts a broker (npx tsx test/harness/cli.ts), stops it after
#   B=127.0.0.1:9092 bench/produce.sh      # uses a running broker (its bench topics are deleted after)
#   N=200000 RUNS=5 SIZES="100" bench/produce.sh
#   NODE=/path/to/node24 bench/produce.sh  # ckafka on another Node
#
# Needs: npm ci, kcat, /usr/bin/time; to start a broker, Java 17+ and Maven (jars from Maven Central).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}
RUNS=${RUNS:-3}
SIZES=${SIZES:-100 1024}
PARTITIONS=${PARTITIONS:-3}
NODE=${NODE:-node}

work=$(mktemp -d)
. bench/broker.sh
topics=()
cleanup() {
  if [ -n "$broker" ]; then
    stop_broker
  elif [ ${#topics[@]} -gt 0 ]; then
    npx tsx bench/topics.ts delete "$B" "${topics[@]}" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

command -v kcat >/dev/null || { echo "kcat is missing (apt-get install kcat)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

start_broker

npm run build --silent

# N lines of exactly SIZE bytes before the newline: "m<i> xxxx…".
for size in $SIZES; do
  node -e '
    const [n, size, file] = [Number(process.argv[1]), Number(process.argv[2]), process.argv[3]];
    const fd = require("node:fs").openSync(file, "w");
    const pad = "x".repeat(size);
    for (let i = 0; i < n; ) {
      let chunk = "";
      for (const end = Math.min(n, i + 10000); i < end; i++) chunk += `m${i} ${pad}`.slice(0, size) + "\n";
      require("node:fs").writeSync(fd, chunk);
    }
  ' "$N" "$size" "$work/m$size.txt"
done

run_id="bench-produce-$(date +%s)-$$"
for size in $SIZES; do
  for run in $(seq "$RUNS"); do topics+=("$run_id-$size-ck$run" "$run_id-$size-kc$run"); done
done
npx tsx bench/topics.ts create "$B" "$PARTITIONS" "${topics[@]}"

# One timed run: wall seconds and peak RSS (KB) on stdout; the command's stderr in $work/err.
timed() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 )) $(cat "$work/rss")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

rows=""
for size in $SIZES; do
  file="$work/m$size.txt"
  : > "$work/ck.$size"
  : > "$work/kc.$size"
  for run in $(seq "$RUNS"); do
    read -r ck_ms ck_rss < <(timed "$NODE" bin/ckafka.js produce -b "$B" -t "$run_id-$size-ck$run" --file "$file" -q --acks 1)
    grep -q "done: $N of $N delivered" "$work/err" || { echo "ckafka did not deliver all:" >&2; cat "$work/err" >&2; exit 1; }
    read -r kc_ms kc_rss < <(timed kcat -P -l -b "$B" -t "$run_id-$size-kc$run" -X acks=1 "$file")
    if grep -qi "fail\|error" "$work/err"; then echo "kcat reported errors:" >&2; cat "$work/err" >&2; exit 1; fi
    echo "$ck_ms $ck_rss" >> "$work/ck.$size"
    echo "$kc_ms $kc_rss" >> "$work/kc.$size"
    awk -v s="$size" -v r="$run" -v c="$ck_ms" -v cr="$ck_rss" -v k="$kc_ms" -v kr="$kc_rss" 'BEGIN {
      printf "%5s B run %d: ckafka %6.2f s %4d MB | kcat %6.2f s %4d MB | ratio %.2f\n", s, r, c / 1000, cr / 1024, k / 1000, kr / 1024, k / c }' >&2
  done
  ck=$(cut -d' ' -f1 "$work/ck.$size" | median)
  kc=$(cut -d' ' -f1 "$work/kc.$size" | median)
  ck_peak=$(cut -d' ' -f2 "$work/ck.$size" | sort -n | tail -1)
  kc_peak=$(cut -d' ' -f2 "$work/kc.$size" | sort -n | tail -1)
  rows+=$(awk -v s="$size" -v n="$N" -v c="$ck" -v cr="$ck_peak" -v k="$kc" -v kr="$kc_peak" 'BEGIN {
    printf "| %s B | %d msg/s (%.2f s, %d MB) | %d msg/s (%.2f s, %d MB) | %.2f |", s, n * 1000 / c, c / 1000, cr / 1024, n * 1000 / k, k / 1000, kr / 1024, k / c }')$'\n'
done

# Every topic holds exactly N messages.
npx tsx bench/topics.ts count "$B" "${topics[@]}" | awk -v n="$N" '$2 != n { print "topic " $1 " holds " $2 " messages, not " n > "/dev/stderr"; bad = 1 } END { exit bad }'

printf '\nproduce %s messages from a file, %s partitions, acks=1, Node %s (median of %s runs; wall time includes process start; peak RSS the largest run)\n\n' "$N" "$PARTITIONS" "$("$NODE" --version)" "$RUNS"
printf '| size | ckafka produce --file -q | kcat -P -l | ckafka / kcat |\n| --- | --- | --- | --- |\n%s' "$rows"
