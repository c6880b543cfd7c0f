# shellcheck shell=bash
# Stand-ins for the upstream base images that examples/*/Dockerfile and the Dockerfiles `stagecraft init` writes for
# them start from (Docker Hub is out of reach): Debian bookworm's Node.js 18, Python 3.11 and Go 1.19 on
# local/debian:bookworm, and a static busybox. Each is built once (a label holds the hash of its inputs), tagged in the
# engine with the upstream names, and copied into buildah's storage under the fully qualified names, because the
# generated files use RUN --mount, which only buildah builds here. The contract with the tests is docs/testing.md.
# Sourced, not run.

# buildah's storage, kept in the cache (not in /var/lib/containers) with a folder per storage driver: overlay where
# the kernel allows it (a build of examples/python-web took 2 s), else vfs, which copies the whole root file system
# for every step (the same build took 2 minutes) but works everywhere. choose_buildah_driver sets both.
BUILDAH_DRIVER=
BUILDAH_DIR=
STAND_INS=(node python golang busybox)

# The upstream names each stand-in answers to: the naive Dockerfile's loose tag, then the precise release
# `stagecraft init --version 18 | 3.11 | 1.19` pins and those STG009's unsafe fix pins node:18 and node:18-slim to
# (the engine's KnownVersions table). When that table moves, the
# real-build tests fail and name the FROM they could not find: add the new name here.
stand_in_names() {
  case $1 in
    node) echo node:18 node:18.20.8-bookworm-slim node:18-slim node:18.20.8 node:18.20.8-slim ;;
    python) echo python:3.11 python:3.11.13-slim-bookworm python:3.11-slim ;;
    golang) echo golang:1.19 golang:1.19.13-bookworm ;;
    busybox) echo busybox:1.37.0-musl ;;
  esac
}

buildah_store() { buildah --root "$BUILDAH_DIR/storage" --runroot "$BUILDAH_DIR/run" --storage-driver "$BUILDAH_DRIVER" "$@"; }

# overlay when copying the small busybox stand-in into an overlay storage works, else vfs.
choose_buildah_driver() {
  BUILDAH_DRIVER=overlay
  BUILDAH_DIR="$CACHE_DIR/buildah-overlay"
  mkdir -p "$BUILDAH_DIR/storage" "$BUILDAH_DIR/run"
  if buildah_store pull --quiet "docker-daemon:local/stand-in-busybox:1" >>"$LOG_DIR/stand-ins.log" 2>&1; then
    return
  fi
  say "buildah's overlay storage does not work here (see ${LOG_DIR#"$REPO_ROOT"/}/stand-ins.log); using vfs, which is slower"
  BUILDAH_DRIVER=vfs
  BUILDAH_DIR="$CACHE_DIR/buildah-vfs"
  mkdir -p "$BUILDAH_DIR/storage" "$BUILDAH_DIR/run"
}

# The build context of the Dockerfile stand-ins: scripts/real-parts/stand-ins and the machine's own CA certificates.
stand_in_context() {
  local context="$RUN_TMP/stand-ins"
  if [ ! -d "$context" ]; then
    cp -r "$REPO_ROOT/scripts/real-parts/stand-ins" "$context"
    mkdir -p "$context/extra-ca"
    if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
      cp /usr/local/share/ca-certificates/*.crt "$context/extra-ca/"
    fi
  fi
  echo "$context"
}

stand_in_inputs() {
  local name=$1 context=$2
  {
    if [ "$name" = busybox ]; then
      sha256sum /bin/busybox
    else
      (cd "$context" && find "$name.Dockerfile" apt-clean.conf extra-ca -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
      echo "base $(image_id "$DEBIAN_IMAGE")"
    fi
  } | sha256sum | cut -c1-32
}

# busybox as the upstream image lays it out: one static binary with a hard link per applet in /bin, so copying
# /bin/wget out of it (as generated Dockerfiles do) copies a working program, not a dangling symbolic link.
import_busybox_stand_in() {
  local ref=$1 inputs=$2 root="$RUN_TMP/busybox-stand-in" applet
  static_busybox || die "the busybox stand-in needs a static /bin/busybox (Debian package busybox-static)"
  rm -rf "$root"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ -e "$root/bin/$applet" ] || ln "$root/bin/busybox" "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"
  tar --numeric-owner -C "$root" -c . |
    logged stand-ins "$DOCKER" import -c 'CMD ["sh"]' -c "LABEL $INPUTS_LABEL=$inputs" - "$ref"
  rm -rf "$root"
}

build_stand_in() {
  local name=$1 ref="local/stand-in-$1:1" context inputs current upstream
  context=$(stand_in_context)
  inputs=$(stand_in_inputs "$name" "$context")
  current=$("$DOCKER" image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$ref" 2>/dev/null || true)
  if [ "$current" != "$inputs" ]; then
    say "building the stand-in $ref"
    if [ "$name" = busybox ]; then
      import_busybox_stand_in "$ref" "$inputs"
    else
      DOCKER_BUILDKIT=0 logged stand-ins "$DOCKER" build --label "$INPUTS_LABEL=$inputs" -t "$ref" \
        -f "$context/$name.Dockerfile" "$context"
    fi
  fi
  for upstream in $(stand_in_names "$name"); do
    "$DOCKER" tag "$ref" "$upstream"
  done
}

# Copies a stand-in into buildah's storage and gives it its fully qualified upstream names; a marker holding the
# engine's image id says the copy is current.
copy_stand_in_to_buildah() {
  local name=$1 ref="local/stand-in-$1:1" id upstream marker="$BUILDAH_DIR/.$1.copied"
  id=$(image_id "$ref")
  if [ "$(cat "$marker" 2>/dev/null)" != "$id" ] || ! buildah_store inspect --type image "docker.io/$ref" >/dev/null 2>&1; then
    say "copying the stand-in $ref into buildah's storage"
    rm -f "$marker"
    logged stand-ins buildah_store pull --quiet "docker-daemon:$ref"
    echo "$id" >"$marker"
  fi
  for upstream in $(stand_in_names "$name"); do
    logged stand-ins buildah_store tag "docker.io/$ref" "docker.io/library/$upstream"
  done
}

# Sets STAND_INS_READY when the engine and buildah both hold every stand-in; says why when it cannot.
set_up_stand_ins() {
  STAND_INS_READY=
  if ! command -v buildah >/dev/null 2>&1; then
    say "buildah is not installed: the real-build tests of generated Dockerfiles skip"
    return
  fi
  if ! is_root; then
    say "not root: buildah cannot build with --isolation chroot; the real-build tests of generated Dockerfiles skip"
    return
  fi
  local name
  for name in "${STAND_INS[@]}"; do
    build_stand_in "$name"
  done
  choose_buildah_driver
  for name in "${STAND_INS[@]}"; do
    copy_stand_in_to_buildah "$name"
  done
  # shellcheck disable=SC2034  # read by scripts/test.sh
  STAND_INS_READY=1
}
