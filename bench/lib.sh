# Sourced by bench/produce.sh, bench/consume.sh and bench/idempotent.sh: the shared setup, test data, one timed run, medians and the
# table row both print. Needs $work (a scratch folder).

# bench_start [kcat]: the setup every bench shares. Starts a broker unless $B names one (bench/broker.sh),
# builds dist/, writes an empty config ($work/empty.json) and, on exit, stops the broker or deletes
# the topics the bench added to $topics, then removes $work. With "kcat": fails unless kcat is there.
bench_start() {
  . bench/broker.sh
  topics=()
  trap bench_cleanup EXIT
  if [ "${1:-}" = kcat ]; then
    command -v kcat >/dev/null || { echo "kcat is missing (apt-get install kcat)" >&2; exit 1; }
  fi
  [ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
  start_broker
  npm run build --silent
  echo '{}' > "$work/empty.json"
}

bench_cleanup() {
  if [ -n "$broker" ]; then
    stop_broker
  elif [ ${#topics[@]} -gt 0 ]; then
    npx tsx bench/topics.ts delete "$B" "${topics[@]}" || true
  fi
  rm -rf "$work"
}

# N lines of exactly SIZE bytes before the newline ("m<i> xxxx…"), into FILE.
make_lines() {
  node -e '
    const [n, size, file] = [Number(process.argv[1]), Number(process.argv[2]), process.argv[3]];
    const fs = require("node:fs");
    const fd = fs.openSync(file, "w");
    const pad = "x".repeat(size);
    for (let i = 0; i < n; ) {
      let chunk = "";
      for (const end = Math.min(n, i + 10000); i < end; i++) chunk += `m${i} ${pad}`.slice(0, size) + "\n";
      fs.writeSync(fd, chunk);
    }
    fs.closeSync(fd);
  ' "$1" "$2" "$3"
}

# timed OUT CMD...: runs CMD with stdout to OUT (a file, /dev/null, or "|wc" to count its lines
# through a pipe into `wc -l`, the count going to $work/lines) and stderr to $work/err. Prints
# "wall_ms cpu_s rss_kb": wall time from before the start to the end (for "|wc", until the pipe
# is drained), user + system CPU time and peak RSS of CMD alone (/usr/bin/time). A failing CMD
# fails the run.
timed() {
  local out=$1 start end user sys rss
  shift
  start=$(date +%s%N)
  if [ "$out" = "|wc" ]; then
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" 2> "$work/err" | wc -l > "$work/lines" || { cat "$work/err" >&2; return 1; }
  else
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > "$out" 2> "$work/err" || { cat "$work/err" >&2; return 1; }
  fi
  end=$(date +%s%N)
  read -r user sys rss < "$work/time"
  echo "$(( (end - start) / 1000000 )) $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss"
}

kcat_version() { kcat -V | sed -n 's/^Version \([^ ]*\).*librdkafka \([^ ]*\).*/\1 (librdkafka \2)/p'; }

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
largest() { sort -n | tail -1; }

# "1 M", "200 k" or the number itself; "100 B", "1 KiB".
count_name() { awk -v n="$1" 'BEGIN { if (n % 1000000 == 0) print n / 1000000 " M"; else if (n % 1000 == 0) print n / 1000 " k"; else print n }'; }
size_name() { awk -v s="$1" 'BEGIN { if (s % 1024 == 0) print s / 1024 " KiB"; else print s " B" }'; }

# table_row JOB N CK_FILE KC_FILE: one markdown row from the "wall_ms cpu_s rss_kb" lines of each
# tool's runs: median wall time (as messages/s and seconds), the ratio ckafka / kcat of the
# throughputs, median CPU time, largest peak RSS.
table_row() {
  local job=$1 n=$2 ck=$3 kc=$4
  awk -v job="$job" -v n="$n" \
    -v cw="$(cut -d' ' -f1 "$ck" | median)" -v kw="$(cut -d' ' -f1 "$kc" | median)" \
    -v cc="$(cut -d' ' -f2 "$ck" | median)" -v kcc="$(cut -d' ' -f2 "$kc" | median)" \
    -v cr="$(cut -d' ' -f3 "$ck" | largest)" -v kr="$(cut -d' ' -f3 "$kc" | largest)" '
    function rate(ms) { r = n * 1000 / ms; return r >= 1e6 ? sprintf("%.2f M msg/s", r / 1e6) : sprintf("%d k msg/s", r / 1e3) }
    BEGIN {
      printf "| %s | %s (%.2f s) | %s (%.2f s) | %.2f | %.2f s (%.2f s) | %d MB (%d MB) |\n",
        job, rate(kw), kw / 1000, rate(cw), cw / 1000, kw / cw, cc, kcc, cr / 1024, kr / 1024
    }'
}

TABLE_HEAD='| job | kcat | ckafka | ratio | ckafka CPU (kcat CPU) | ckafka RSS (kcat RSS) |
| --- | --- | --- | --- | --- | --- |'
