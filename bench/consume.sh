#!/usr/bin/env bash
# Bulk consume, ckafka against kcat on one broker: per size (100 B and 1 KiB), one topic of 3
# partitions filled once with N messages (1,000,000) by kcat from a file, then read from the
# beginning to its end by each tool, the values one per line into a pipe to `wc -l`:
#
#   ckafka: node bin/ckafka.js consume --config EMPTY -b $B -t T --from earliest -e -o raw | wc -l
#   kcat:   kcat -F /dev/null -C -b $B -t T -o beginning -e -q | wc -l
#
# Each run must print exactly N lines, else the bench fails. Neither tool reads a config file of
# the user's (ckafka gets an empty one, so no group_id either: it reads without a group; kcat
# gets /dev/null instead of ~/.config/kcat.conf). The two alternate, RUNS (3) times each; the
# table gives median wall time (process start and draining the pipe included) as messages/s, the
# ratio ckafka / kcat, median CPU time (user + system) and the largest peak RSS of the runs.
#
#   bench/consume.sh                       # starts a broker (npx tsx test/harness/cli.ts), stops it after
#   B=127.0.0.1:9092 bench/consume.sh      # uses a running broker (its bench topics are deleted after)
#   N=200000 RUNS=5 SIZES="100" bench/consume.sh
#   NODE=/path/to/node24 bench/consume.sh  # ckafka on another Node
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
. bench/lib.sh
bench_start kcat

run_id="bench-consume-$(date +%s)-$$"
for size in $SIZES; do topics+=("$run_id-$size"); done
npx tsx bench/topics.ts create "$B" "$PARTITIONS" "${topics[@]}"
for size in $SIZES; do
  make_lines "$N" "$size" "$work/m.txt"
  kcat -F /dev/null -P -l -b "$B" -t "$run_id-$size" -X acks=1 "$work/m.txt" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
done
rm -f "$work/m.txt"
# Every topic holds exactly N messages before anything reads it.
npx tsx bench/topics.ts count "$B" "${topics[@]}" | awk -v n="$N" '$2 != n { print "topic " $1 " holds " $2 " messages, not " n > "/dev/stderr"; bad = 1 } END { exit bad }'

# The run's lines in $work/lines must be N.
lines_are_n() {
  local lines
  lines=$(tr -d ' ' < "$work/lines")
  [ "$lines" = "$N" ] || { echo "$1 printed $lines lines, not $N:" >&2; cat "$work/err" >&2; return 1; }
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
for size in $SIZES; do
  topic="$run_id-$size"
  : > "$work/ck.$size"
  : > "$work/kc.$size"
  for run in $(seq "$RUNS"); do
    timed '|wc' "$NODE" bin/ckafka.js consume --config "$work/empty.json" -b "$B" -t "$topic" --from earliest -e -o raw >> "$work/ck.$size"
    lines_are_n ckafka
    timed '|wc' kcat -F /dev/null -C -b "$B" -t "$topic" -o beginning -e -q >> "$work/kc.$size"
    lines_are_n kcat
    awk -v s="$size" -v r="$run" -v c="$(tail -1 "$work/ck.$size")" -v k="$(tail -1 "$work/kc.$size")" 'BEGIN {
      split(c, cv, " "); split(k, kv, " ")
      printf "%5s B run %d: ckafka %6.2f s cpu %5.2f s %4d MB | kcat %6.2f s cpu %5.2f s %4d MB | ratio %.2f\n", s, r, cv[1] / 1000, cv[2], cv[3] / 1024, kv[1] / 1000, kv[2], kv[3] / 1024, kv[1] / cv[1] }' >&2
  done
  rows+=$(table_row "consume $(count_name "$N") × $(size_name "$size")" "$N" "$work/ck.$size" "$work/kc.$size")$'\n'
done

printf '\nconsume from the beginning to the end into a pipe to wc -l (%s lines each run), %s partitions, ckafka on Node %s, kcat %s; median of %s interleaved runs (wall time includes process start), CPU user+system, largest peak RSS; load average %s before, %s after\n\n' \
  "$N" "$PARTITIONS" "$("$NODE" --version)" "$(kcat_version)" "$RUNS" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n%s' "$TABLE_HEAD" "$rows"
