# shellcheck shell=bash
# The Docker engine: used when one answers, otherwise started in the background and stopped at the end. Sourced, not run.

ENGINE_PID=

engine_answers() { "$DOCKER" info >/dev/null 2>&1; }

start_engine() {
  if engine_answers; then
    say "using the Docker engine that is already running"
    return
  fi
  say "starting dockerd (log: ${LOG_DIR#"$REPO_ROOT"/}/dockerd.log)"
  /usr/sbin/dockerd >"$LOG_DIR/dockerd.log" 2>&1 &
  ENGINE_PID=$!
  local tries
  for tries in $(seq 1 120); do
    engine_answers && return
    kill -0 "$ENGINE_PID" 2>/dev/null || { ENGINE_PID=; tail -n 20 "$LOG_DIR/dockerd.log" >&2; die "dockerd exited while starting"; }
    sleep 0.5
  done
  die "dockerd did not answer within 60 s (after $tries tries; see ${LOG_DIR#"$REPO_ROOT"/}/dockerd.log)"
}

stop_engine() {
  [ -n "$ENGINE_PID" ] || return 0
  stop_process "$ENGINE_PID" dockerd 30
  ENGINE_PID=
}

# Asks a process this script started to stop, waits, and kills it when it does not.
stop_process() {
  local pid=$1 name=$2 seconds=$3 _
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  say "$name (pid $pid) did not stop within $seconds s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
