# shellcheck shell=bash
# Which Debian packages the real parts need, and installing those a machine lacks. Sourced, not run.

static_busybox() { [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; }

# Prints the packages whose commands are missing, one per line.
missing_packages() {
  { [ -x /usr/sbin/dockerd ] && [ -x /usr/bin/docker ]; } || echo docker.io
  command -v docker-registry >/dev/null 2>&1 || echo docker-registry
  command -v skopeo >/dev/null 2>&1 || echo skopeo
  command -v debootstrap >/dev/null 2>&1 || echo debootstrap
  static_busybox || echo busybox-static
  command -v curl >/dev/null 2>&1 || echo curl
  command -v buildah >/dev/null 2>&1 || echo buildah
}

# Installs the missing packages without letting their maintainer scripts start services (docker.io and
# docker-registry would otherwise start a daemon this script did not start and could not stop).
install_packages() {
  local packages=("$@") guard=/usr/sbin/policy-rc.d added_guard=
  if [ ! -e "$guard" ]; then
    printf '#!/bin/sh\n# Placed by stagecraft scripts/test.sh while it installs packages.\nexit 101\n' >"$guard"
    chmod +x "$guard"
    added_guard=1
  fi
  say "installing ${packages[*]}"
  local status=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"; } \
    >>"$LOG_DIR/apt.log" 2>&1 || status=$?
  [ -z "$added_guard" ] || rm -f "$guard"
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$LOG_DIR/apt.log" >&2
    die "apt-get install ${packages[*]} failed (whole log: ${LOG_DIR#"$REPO_ROOT"/}/apt.log)"
  fi
}
