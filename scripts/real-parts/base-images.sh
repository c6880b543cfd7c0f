# shellcheck shell=bash
# Base images made locally (Docker Hub may be out of reach): local/busybox:1 from busybox-static and
# local/debian:bookworm from debootstrap, whose root file system is cached so a second machine set-up skips it.
# Sourced, not run.

BUSYBOX_IMAGE=local/busybox:1
DEBIAN_IMAGE=local/debian:bookworm

build_busybox_base() {
  image_exists "$BUSYBOX_IMAGE" && return
  static_busybox || die "$BUSYBOX_IMAGE needs a static /bin/busybox (Debian package busybox-static)"
  local root="$RUN_TMP/busybox-root" applet
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in sh ls cat echo cp mv rm mkdir ln chmod grep sed wc env sleep true false id; do
    ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$root/etc/passwd"
  say "importing $BUSYBOX_IMAGE"
  tar --numeric-owner -C "$root" -c . | logged base-images "$DOCKER" import -c 'CMD ["sh"]' - "$BUSYBOX_IMAGE"
}

debian_mirror() {
  if [ -n "${STAGECRAFT_DEBIAN_MIRROR:-}" ]; then
    echo "$STAGECRAFT_DEBIAN_MIRROR"
    return
  fi
  local found=
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    found=$(sed -nE 's|^URIs:[[:space:]]*([^[:space:]]+/debian)/?([[:space:]].*)?$|\1|p' /etc/apt/sources.list.d/debian.sources | head -n 1)
  fi
  if [ -z "$found" ] && [ -r /etc/apt/sources.list ]; then
    found=$(sed -nE 's|^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+/debian)/?[[:space:]]+bookworm[[:space:]].*|\2|p' /etc/apt/sources.list | head -n 1)
  fi
  echo "${found:-http://deb.debian.org/debian}"
}

build_debian_base() {
  image_exists "$DEBIAN_IMAGE" && return
  local tarball="$CACHE_DIR/debian-bookworm-minbase.tar"
  if [ ! -s "$tarball" ]; then
    is_root || die "making $DEBIAN_IMAGE needs root (debootstrap); run the script as root once"
    command -v debootstrap >/dev/null 2>&1 || die "making $DEBIAN_IMAGE needs debootstrap"
    local root="$RUN_TMP/debian-root" mirror
    mirror=$(debian_mirror)
    say "debootstrap --variant=minbase bookworm from $mirror (cached in $tarball afterwards)"
    logged debootstrap debootstrap --variant=minbase bookworm "$root" "$mirror"
    # A base that ships apt's lists and downloaded packages would hide those a test image leaves behind.
    rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
      "$root"/var/log/bootstrap.log "$root"/var/cache/ldconfig/aux-cache
    mkdir -p "$CACHE_DIR"
    tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -C "$root" -cf "$tarball.partial" .
    mv "$tarball.partial" "$tarball"
    rm -rf "$root"
  fi
  say "importing $DEBIAN_IMAGE from $tarball"
  logged base-images "$DOCKER" import -c 'CMD ["bash"]' "$tarball" "$DEBIAN_IMAGE"
}
