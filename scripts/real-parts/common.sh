# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are read by the scripts that source this file
# Shared by scripts/test.sh and the real-parts steps: where things go, messages, the docker client.
# Sourced, not run.

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Logs of this run (dockerd, registry, builds); kept after the run for a look when something failed.
LOG_DIR="$REPO_ROOT/artifacts/real-parts"
# What survives between runs: the debootstrap root file system, the registry's storage, the exported images.
CACHE_DIR=${STAGECRAFT_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stagecraft-test}
# The exported test images and the engine's facts about them (the contract in docs/testing.md).
REAL_IMAGES_DIR="$CACHE_DIR/real-images"
# Files of this run only (registry config, busybox root); removed when the script ends.
RUN_TMP=
DOCKER=/usr/bin/docker
TEST_IMAGES=(gcc-single multi-stage)

# Messages carry the seconds since the script started, so a slow step shows itself.
say() { echo "test.sh [${SECONDS}s]: $*" >&2; }

die() {
  say "$*"
  exit 1
}

# Runs a command with its output in LOG_DIR/NAME.log; on failure shows the log's end and stops the script.
logged() {
  local name=$1
  shift
  if ! "$@" >>"$LOG_DIR/$name.log" 2>&1; then
    tail -n 20 "$LOG_DIR/$name.log" >&2
    die "$name failed: $* (whole log: ${LOG_DIR#"$REPO_ROOT"/}/$name.log)"
  fi
}

# Debian's client talks to Debian's engine; a newer client earlier on PATH may expect buildx, which is absent.
choose_docker_client() {
  DOCKER=/usr/bin/docker
  [ -x "$DOCKER" ] || DOCKER=$(command -v docker || echo /usr/bin/docker)
}

is_root() { [ "$(id -u)" = 0 ]; }

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

image_id() { "$DOCKER" image inspect -f '{{.Id}}' "$1"; }
