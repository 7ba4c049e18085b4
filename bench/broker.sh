# Sourced by the bench scripts: `start_broker` sets B to a new local broker's address unless B is
# already set, running it in its own process group (setsid) so `stop_broker` stops npx, tsx, the
# harness and the JVM together. Needs $work (a scratch folder); sets $broker (empty: not ours).
broker=""

start_broker() {
  [ -n "${B:-}" ] && return 0
  echo "starting a broker: npx tsx test/harness/cli.ts" >&2
  setsid npx tsx test/harness/cli.ts > "$work/kafka.log" 2>&1 &
  broker=$!
  for _ in $(seq 600); do
    B=$(sed -n 's/^bootstrap: //p' "$work/kafka.log")
    [ -n "$B" ] && break
    kill -0 "$broker" 2>/dev/null || { cat "$work/kafka.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$B" ] || { echo "no broker after 300 s" >&2; cat "$work/kafka.log" >&2; exit 1; }
  echo "broker at $B" >&2
}

stop_broker() {
  [ -n "$broker" ] || return 0
  kill -TERM -- "-$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
}
