#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Times `stagecraft inspect` on a real large image against the decompression floor measured in the same run.
# Builds bench/images/big-image (Debian base, gcc, python3, ~100,000 generated files, ~1 GB) with the local Docker
# engine, copies it to an OCI layout with gzip layers (skopeo), then measures, on the same machine and run:
#   floor    `gzip -dc` of every layer blob, one after another (what any reader must at least do, sequentially)
#   inspect  the Native-AOT `stagecraft inspect oci:DIR --format json` (wall, CPU, peak RSS), best of --runs
# Needs root on Debian (installs docker.io, skopeo, debootstrap when missing, like scripts/test.sh). Not part of CI.
#   bench/images/inspect-real.sh [--runs N] [--json PATH]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../../scripts/real-parts/common.sh
source "$here/../../scripts/real-parts/common.sh"
# shellcheck source=../../scripts/real-parts/packages.sh
source "$REPO_ROOT/scripts/real-parts/packages.sh"
# shellcheck source=../../scripts/real-parts/engine.sh
source "$REPO_ROOT/scripts/real-parts/engine.sh"
# shellcheck source=../../scripts/real-parts/base-images.sh
source "$REPO_ROOT/scripts/real-parts/base-images.sh"

runs=3 json="$here/inspect-real.json"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --json) json=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "inspect-real.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
is_root || die "the bench builds images with the Docker engine and needs root"
command -v python3 >/dev/null 2>&1 || die "the bench reads the manifests and the report with python3"
mkdir -p "$LOG_DIR" "$CACHE_DIR"
RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/stagecraft-bench.XXXXXX")
cleanup() { local status=$?; stop_engine; rm -rf "$RUN_TMP"; exit "$status"; }
trap cleanup EXIT

choose_docker_client
mapfile -t missing < <(missing_packages)
[ ${#missing[@]} -eq 0 ] || install_packages "${missing[@]}"
choose_docker_client
start_engine
build_debian_base

image=stagecraft-bench/big:1
hash=$(cat "$here/big-image/Dockerfile" "$here/big-image/generate.py" | sha256sum | cut -c1-16)
if [ "$("$DOCKER" image inspect -f '{{index .Config.Labels "stagecraft.bench.inputs"}}' "$image" 2>/dev/null || true)" != "$hash" ]; then
  say "building $image (a few minutes: apt, then ~450 MB of generated files)"
  DOCKER_BUILDKIT=0 logged bench-build "$DOCKER" build --label "stagecraft.bench.inputs=$hash" -t "$image" "$here/big-image"
fi
layout="$CACHE_DIR/bench-big.oci"
if [ ! -f "$layout/index.json" ] || [ "$(cat "$layout.inputs" 2>/dev/null || true)" != "$hash" ]; then
  say "copying $image to an OCI layout with gzip layers"
  rm -rf "$layout"
  logged bench-export skopeo copy --quiet "docker-daemon:$image" "oci:$layout:latest"
  echo "$hash" >"$layout.inputs"
fi

say "publishing the Native-AOT stagecraft"
logged bench-publish dotnet publish "$REPO_ROOT/src/Stagecraft.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$here/.bin"
bin="$here/.bin/stagecraft"

# Layer blobs of the image, in order, from its manifest.
manifest=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["manifests"][0]["digest"].split(":")[1])' "$layout/index.json")
mapfile -t blobs < <(python3 -c 'import json,sys; [print(l["digest"].split(":")[1]) for l in json.load(open(sys.argv[1]))["layers"]]' "$layout/blobs/sha256/$manifest")
stored=0
for blob in "${blobs[@]}"; do stored=$((stored + $(stat -c %s "$layout/blobs/sha256/$blob"))); done

measure() { # prints "wall cpu rss_kb" of the command
  /usr/bin/time -f "%e %U %S %M" -o "$RUN_TMP/time" "$@" >/dev/null
  awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' "$RUN_TMP/time"
}
less() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
best_floor="" best_inspect="" best_cpu="" best_rss=""
for run in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  for blob in "${blobs[@]}"; do gzip -dc "$layout/blobs/sha256/$blob" >/dev/null; done
  floor=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  read -r wall cpu rss < <(measure "$bin" inspect "oci:$layout:latest" --format json --output "$RUN_TMP/inspect.json")
  say "run $run: gzip -dc floor ${floor} s; inspect ${wall} s wall, ${cpu} s CPU, $((rss / 1024)) MB peak RSS"
  if [ -z "$best_floor" ] || less "$floor" "$best_floor"; then best_floor=$floor; fi
  if [ -z "$best_inspect" ] || less "$wall" "$best_inspect"; then best_inspect=$wall best_cpu=$cpu; fi
  if [ -z "$best_rss" ] || [ "$rss" -gt "$best_rss" ]; then best_rss=$rss; fi
done
files=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(sum(l["files"] for l in d["layers"]), d["totalSize"])' "$RUN_TMP/inspect.json")
read -r file_count total_size <<<"$files"
ratio=$(awk -v a="$best_floor" -v b="$best_inspect" 'BEGIN { printf "%.2f", a / b }')
cat >"$json" <<JSON
{
  "image": "$image",
  "layers": ${#blobs[@]},
  "storedBytes": $stored,
  "totalSize": $total_size,
  "files": $file_count,
  "runs": $runs,
  "gzipFloorSeconds": $best_floor,
  "inspectWallSeconds": $best_inspect,
  "inspectCpuSeconds": $best_cpu,
  "floorOverInspect": $ratio,
  "peakRssMegabytes": $((best_rss / 1024)),
  "cores": $(nproc),
  "loadAverage": "$(cut -d' ' -f1-3 /proc/loadavg)"
}
JSON
say "floor/inspect = ${ratio}x (best of $runs); peak RSS $((best_rss / 1024)) MB; results in ${json#"$REPO_ROOT"/}"
