# shellcheck shell=bash
# The test images, built with the classic builder from tests/images (context: that folder). Each carries a label
# with a hash of its inputs (every file under tests/images and the base image's id); a run whose inputs match the
# image in the engine builds nothing. Sourced, not run.

INPUTS_LABEL=org.stagecraft.test.inputs

inputs_hash() {
  {
    (cd "$REPO_ROOT/tests/images" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    echo "base $(image_id "$DEBIAN_IMAGE")"
  } | sha256sum | cut -c1-32
}

build_test_image() {
  local name=$1 ref="stagecraft-test/$1:1" inputs current
  inputs=$(inputs_hash)
  current=$("$DOCKER" image inspect -f "{{index .Config.Labels \"$INPUTS_LABEL\"}}" "$ref" 2>/dev/null || true)
  if [ "$current" = "$inputs" ]; then
    return
  fi
  say "building $ref"
  DOCKER_BUILDKIT=0 logged "build-$name" "$DOCKER" build --label "$INPUTS_LABEL=$inputs" -t "$ref" \
    -f "$REPO_ROOT/tests/images/$name/Dockerfile" "$REPO_ROOT/tests/images"
}
