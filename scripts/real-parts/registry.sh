# shellcheck shell=bash
# A local plain-HTTP registry (Debian's docker-registry) on 127.0.0.1, storage kept in the cache so a second run
# pushes nothing new. Sourced, not run.

REGISTRY_PID=
REGISTRY=

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_registry() {
  local port=5000
  while port_taken "$port"; do
    port=$((port + 1))
    [ "$port" -le 5100 ] || die "no free port for the registry between 5000 and 5100"
  done
  mkdir -p "$CACHE_DIR/registry"
  cat >"$RUN_TMP/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $CACHE_DIR/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
  docker-registry serve "$RUN_TMP/registry.yml" >"$LOG_DIR/registry.log" 2>&1 &
  REGISTRY_PID=$!
  local tries
  for tries in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/v2/" 2>/dev/null; then
      REGISTRY=127.0.0.1:$port
      say "registry on $REGISTRY (pid $REGISTRY_PID)"
      return
    fi
    kill -0 "$REGISTRY_PID" 2>/dev/null || { REGISTRY_PID=; tail -n 20 "$LOG_DIR/registry.log" >&2; die "docker-registry exited while starting"; }
    sleep 0.1
  done
  die "docker-registry did not answer on 127.0.0.1:$port within 10 s (after $tries tries)"
}

stop_registry() {
  [ -n "$REGISTRY_PID" ] || return 0
  stop_process "$REGISTRY_PID" docker-registry 10
  REGISTRY_PID=
}

# Pushes an engine image as REGISTRY/stagecraft-test/NAME:1 (docker push, so the registry holds a Docker v2 manifest).
push_to_registry() {
  local name=$1 ref="stagecraft-test/$1:1"
  local remote="$REGISTRY/$ref"
  "$DOCKER" tag "$ref" "$remote"
  logged "push-$name" "$DOCKER" push "$remote"
  "$DOCKER" rmi "$remote" >/dev/null
}
