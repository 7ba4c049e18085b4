#!/usr/bin/env bash
# The idempotent producer against plain acks=all, on one broker: N messages (1,000,000) of SIZE
# bytes (100) read from a file, each run into a fresh topic of 3 partitions:
#
#   plain:      node bin/ckafka.js produce -b $B -t T --file F -q --acks all --retries 5
#   idempotent: node bin/ckafka.js produce -b $B -t T --file F -q --acks all --retries 5 --idempotent
#
# Prints wall time (process start included), CPU time (user + sys) and peak RSS of each run, the
# medians of RUNS (3) runs, the two modes alternating, and the ratio of their throughputs.
#
#   bench/idempotent.sh                      # starts a broker (npx tsx test/harness/cli.ts), stops it after
#   B=127.0.0.1:9092 bench/idempotent.sh     # uses a running broker (its bench topics are deleted after)
#   N=200000 RUNS=5 SIZE=1024 bench/idempotent.sh
#
# Needs: npm ci, /usr/bin/time; to start a broker, Java 17+ and Maven (jars from Maven Central).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-1000000}
RUNS=${RUNS:-3}
SIZE=${SIZE:-100}
PARTITIONS=${PARTITIONS:-3}
NODE=${NODE:-node}

work=$(mktemp -d)
. bench/lib.sh
bench_start
make_lines "$N" "$SIZE" "$work/m.txt"

run_id="bench-idempotent-$(date +%s)-$$"
for run in $(seq "$RUNS"); do topics+=("$run_id-plain$run" "$run_id-idem$run"); done
npx tsx bench/topics.ts create "$B" "$PARTITIONS" "${topics[@]}"

# One timed run: "wall_ms cpu_s rss_kb" on stdout.
timed() {
  local start end
  start=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; return 1; }
  end=$(date +%s%N)
  grep -q "done: $N of $N delivered" "$work/err" || { echo "not all delivered:" >&2; cat "$work/err" >&2; return 1; }
  read -r user sys rss < "$work/time"
  echo "$(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: > "$work/plain"
: > "$work/idem"
base=("$NODE" bin/ckafka.js produce --config "$work/empty.json" -b "$B" --file "$work/m.txt" -q --acks all --retries 5)
for run in $(seq "$RUNS"); do
  timed "${base[@]}" -t "$run_id-plain$run" >> "$work/plain"
  timed "${base[@]}" -t "$run_id-idem$run" --idempotent >> "$work/idem"
  echo "run $run: plain $(tail -1 "$work/plain") | idempotent $(tail -1 "$work/idem")  (ms, cpu s, KB)" >&2
done

# Every topic holds exactly N messages.
npx tsx bench/topics.ts count "$B" "${topics[@]}" | awk -v n="$N" '$2 != n { print "topic " $1 " holds " $2 " messages, not " n > "/dev/stderr"; bad = 1 } END { exit bad }'

p_ms=$(cut -d' ' -f1 "$work/plain" | median); i_ms=$(cut -d' ' -f1 "$work/idem" | median)
p_cpu=$(cut -d' ' -f2 "$work/plain" | median); i_cpu=$(cut -d' ' -f2 "$work/idem" | median)
p_rss=$(cut -d' ' -f3 "$work/plain" | sort -n | tail -1); i_rss=$(cut -d' ' -f3 "$work/idem" | sort -n | tail -1)
printf '\nproduce %s × %s B from a file, %s partitions, Node %s (median of %s interleaved runs; wall time includes process start)\n\n' "$N" "$SIZE" "$PARTITIONS" "$("$NODE" --version)" "$RUNS"
printf '| mode | wall | msg/s | CPU | peak RSS |\n| --- | --- | --- | --- | --- |\n'
awk -v n="$N" -v m="$p_ms" -v c="$p_cpu" -v r="$p_rss" 'BEGIN { printf "| `--acks all --retries 5` | %.2f s | %d | %.2f s | %d MB |\n", m / 1000, n * 1000 / m, c, r / 1024 }'
awk -v n="$N" -v m="$i_ms" -v c="$i_cpu" -v r="$i_rss" 'BEGIN { printf "| `--acks all --retries 5 --idempotent` | %.2f s | %d | %.2f s | %d MB |\n", m / 1000, n * 1000 / m, c, r / 1024 }'
awk -v p="$p_ms" -v i="$i_ms" 'BEGIN { printf "\nidempotent / plain throughput: %.2f×\n", p / i }'
