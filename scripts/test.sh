#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# README's test command: brings up the real parts the image tests need (a Docker engine, a local registry, skopeo,
# the base and test images and their exports), runs `dotnet test Stagecraft.slnx` with any arguments given, and
# stops what it started. As root it installs what a Debian machine lacks; otherwise it says what it skips and the
# tests that need the real parts skip with the reason. STAGECRAFT_REAL_PARTS=0 skips them on purpose.
# The contract with the tests is docs/testing.md.
set -euo pipefail

# shellcheck source=real-parts/common.sh
source "$(cd "$(dirname "$0")" && pwd)/real-parts/common.sh"
# shellcheck source=real-parts/packages.sh
source "$REPO_ROOT/scripts/real-parts/packages.sh"
# shellcheck source=real-parts/engine.sh
source "$REPO_ROOT/scripts/real-parts/engine.sh"
# shellcheck source=real-parts/registry.sh
source "$REPO_ROOT/scripts/real-parts/registry.sh"
# shellcheck source=real-parts/base-images.sh
source "$REPO_ROOT/scripts/real-parts/base-images.sh"
# shellcheck source=real-parts/test-images.sh
source "$REPO_ROOT/scripts/real-parts/test-images.sh"
# shellcheck source=real-parts/export.sh
source "$REPO_ROOT/scripts/real-parts/export.sh"
# shellcheck source=real-parts/stand-in-bases.sh
source "$REPO_ROOT/scripts/real-parts/stand-in-bases.sh"

cd "$REPO_ROOT"

cleanup() {
  local status=$?
  stop_registry
  stop_engine
  [ -z "$RUN_TMP" ] || rm -rf "$RUN_TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints why the real parts cannot be brought up without root, or nothing when they can.
skip_reason_without_root() {
  local missing
  missing=$(missing_packages | grep -vx -e debootstrap -e busybox-static -e docker.io -e buildah | tr '\n' ' ' || true)
  [ -z "$missing" ] || { echo "${missing% } missing (run as root once to install them)"; return; }
  engine_answers || { echo "no Docker engine answers and only root can start one"; return; }
  image_exists "$DEBIAN_IMAGE" || [ -s "$CACHE_DIR/debian-bookworm-minbase.tar" ] ||
    { echo "$DEBIAN_IMAGE is missing and making it needs root (debootstrap)"; return; }
  image_exists "$BUSYBOX_IMAGE" || static_busybox || { echo "$BUSYBOX_IMAGE is missing and busybox-static is not installed"; return; }
}

# Sets REAL_PARTS_READY when everything is up; a failure stops the script (set -e stays in force: not called as a condition).
set_up_real_parts() {
  local started=$SECONDS
  choose_docker_client
  if [ -n "${DOCKER_HOST:-}" ] && ! engine_answers; then
    say "DOCKER_HOST=$DOCKER_HOST does not answer: the real-image tests skip"
    return
  fi
  if is_root; then
    local missing
    mapfile -t missing < <(missing_packages)
    [ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
    choose_docker_client
  else
    local reason
    reason=$(skip_reason_without_root)
    if [ -n "$reason" ]; then
      say "not root and $reason: the real-image tests skip"
      return
    fi
  fi
  RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/stagecraft-test.XXXXXX")
  start_engine
  start_registry
  build_busybox_base
  build_debian_base
  local name
  for name in "${TEST_IMAGES[@]}"; do
    build_test_image "$name"
    export_test_image "$name"
    push_to_registry "$name"
  done
  set_up_stand_ins
  say "real parts ready in $((SECONDS - started)) s: images in $REAL_IMAGES_DIR, registry $REGISTRY"
  REAL_PARTS_READY=1
}

REAL_PARTS_READY=
STAND_INS_READY=
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log
if [ "${STAGECRAFT_REAL_PARTS:-1}" = 0 ]; then
  say "STAGECRAFT_REAL_PARTS=0: the real-image tests skip"
else
  set_up_real_parts
fi
if [ -n "$REAL_PARTS_READY" ]; then
  export STAGECRAFT_REAL_IMAGES="$REAL_IMAGES_DIR" STAGECRAFT_TEST_DAEMON=1 STAGECRAFT_TEST_REGISTRY="$REGISTRY"
  [ -z "$STAND_INS_READY" ] || export STAGECRAFT_TEST_BUILDAH="$BUILDAH_DIR" STAGECRAFT_TEST_BUILDAH_DRIVER="$BUILDAH_DRIVER"
fi

# Not exec: the trap must still stop the engine and registry after the tests.
dotnet test Stagecraft.slnx "$@"
