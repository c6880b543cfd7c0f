# shellcheck shell=bash
# Writes the contract folder of docs/testing.md for one image: docker save, OCI layout and archive (skopeo, gzip
# layers), docker image inspect, the dpkg count. A marker holding the image id is written last; when it matches
# the engine's image, the export is current and is kept. Sourced, not run.

export_test_image() {
  local name=$1 ref="stagecraft-test/$1:1" dir=$REAL_IMAGES_DIR id
  id=$(image_id "$ref")
  if [ "$(cat "$dir/.$name.exported" 2>/dev/null)" = "$id" ]; then
    return
  fi
  say "exporting $ref"
  mkdir -p "$dir"
  rm -rf "$dir/.$name.exported" "$dir/$name".*
  logged "export-$name" "$DOCKER" save -o "$dir/$name.docker.tar" "$ref"
  logged "export-$name" skopeo copy --quiet --dest-compress --dest-compress-format gzip \
    "docker-archive:$dir/$name.docker.tar" "oci:$dir/$name.oci:latest"
  logged "export-$name" skopeo copy --quiet "oci:$dir/$name.oci:latest" "oci-archive:$dir/$name.oci.tar:latest"
  "$DOCKER" image inspect "$ref" >"$dir/$name.inspect.json"
  local count
  count=$("$DOCKER" run --rm "$ref" dpkg -l | grep -c '^ii') || die "dpkg -l in a container of $ref listed no installed package"
  echo "$count" >"$dir/$name.dpkg-count"
  echo "$ref" >"$dir/$name.image"
  echo "$id" >"$dir/.$name.exported"
}
