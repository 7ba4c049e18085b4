#!/usr/bin/env bash
# Bulk produce, ckafka against kcat on one broker: N messages (1,000,000) of 100 B and of 1 KiB
# read from a file, each run into a fresh topic of 3 partitions, acks=1 for both:
#
#   ckafka: node bin/ckafka.js produce --config EMPTY -b $B -t T --file F -q --acks 1
#   kcat:   kcat -F /dev/null -P -l -b $B -t T -X acks=1 F
#
# Neither tool reads a config file of the user's (ckafka gets an empty one, kcat /dev/null instead
# of ~/.config/kcat.conf). The two alternate, RUNS (3) times each; every topic must then hold
# exactly N messages, else the bench fails. The table gives median wall time (process start
# included, for both) as messages/s, the ratio ckafka / kcat, median CPU time (user + system) and
# the largest peak RSS of the runs. The host's cores are shared with the broker: compare ratios.
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
. bench/lib.sh
bench_start kcat

for size in $SIZES; do make_lines "$N" "$size" "$work/m$size.txt"; done

run_id="bench-produce-$(date +%s)-$$"
for size in $SIZES; do
  for run in $(seq "$RUNS"); do topics+=("$run_id-$size-ck$run" "$run_id-$size-kc$run"); done
done
npx tsx bench/topics.ts create "$B" "$PARTITIONS" "${topics[@]}"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=""
for size in $SIZES; do
  file="$work/m$size.txt"
  : > "$work/ck.$size"
  : > "$work/kc.$size"
  for run in $(seq "$RUNS"); do
    timed /dev/null "$NODE" bin/ckafka.js produce --config "$work/empty.json" -b "$B" -t "$run_id-$size-ck$run" --file "$file" -q --acks 1 >> "$work/ck.$size"
    grep -q "done: $N of $N delivered" "$work/err" || { echo "ckafka did not deliver all:" >&2; cat "$work/err" >&2; exit 1; }
    timed /dev/null kcat -F /dev/null -P -l -b "$B" -t "$run_id-$size-kc$run" -X acks=1 "$file" >> "$work/kc.$size"
    if grep -v '^% Reading configuration from file' "$work/err" | grep -qi "fail\|error"; then echo "kcat reported errors:" >&2; cat "$work/err" >&2; exit 1; fi
    awk -v s="$size" -v r="$run" -v c="$(tail -1 "$work/ck.$size")" -v k="$(tail -1 "$work/kc.$size")" 'BEGIN {
      split(c, cv, " "); split(k, kv, " ")
      printf "%5s B run %d: ckafka %6.2f s cpu %5.2f s %4d MB | kcat %6.2f s cpu %5.2f s %4d MB | ratio %.2f\n", s, r, cv[1] / 1000, cv[2], cv[3] / 1024, kv[1] / 1000, kv[2], kv[3] / 1024, kv[1] / cv[1] }' >&2
  done
  rows+=$(table_row "produce $(count_name "$N") × $(size_name "$size") from a file" "$N" "$work/ck.$size" "$work/kc.$size")$'\n'
done

# Every topic holds exactly N messages.
npx tsx bench/topics.ts count "$B" "${topics[@]}" | awk -v n="$N" '$2 != n { print "topic " $1 " holds " $2 " messages, not " n > "/dev/stderr"; bad = 1 } END { exit bad }'

printf '\nproduce %s messages from a file, %s partitions, acks=1, ckafka on Node %s, kcat %s; median of %s interleaved runs (wall time includes process start), CPU user+system, largest peak RSS; load average %s before, %s after\n\n' \
  "$N" "$PARTITIONS" "$("$NODE" --version)" "$(kcat_version)" "$RUNS" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n%s' "$TABLE_HEAD" "$rows"
