#!/usr/bin/env bash
# Times ImageReader.Open on synthetic OCI layouts with gzip layers, against `gzip -dc` of the same blobs.
#   bench/images/run.sh            # one ~200 MB gzip layer, then four layers of ~58 MB gzip each
#   WORK=/some/disk bench/images/run.sh
# Needs GNU time (/usr/bin/time) and gzip. Builds the bench as a Native-AOT binary, like the CLI ships.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${WORK:-$(mktemp -d)}"
trap 'rm -rf "$work"' EXIT

dotnet publish "$root/bench/images/ImageBench.cs" -c Release -o "$work/bin" > "$work/publish.log"
bench="$work/bin/ImageBench"

measure() {
  local layout="$1"; shift
  cat "$layout"/blobs/sha256/* > /dev/null   # warm the page cache for both contenders
  /usr/bin/time -f "  gzip -dc, one blob after another: %e s wall, %U s user" \
    sh -c 'for blob in $(find "$0/blobs/sha256" -size +1M); do gzip -dc "$blob" > /dev/null; done' "$layout"
  for parallel in 1 2; do
    /usr/bin/time -f "  ImageReader.Open, $parallel at a time: %e s wall, %U s user, peak RSS %M KB" "$bench" open "$layout" --parallel "$parallel"
  done
}

echo "one gzip layer (~200 MB stored, ~600 MB uncompressed, 30,000 files):"
"$bench" generate "$work/one" --layers 1 --mb 520 --files 30000 > /dev/null
measure "$work/one"

echo "four gzip layers (~58 MB stored, ~170 MB uncompressed, 8,000 files each):"
"$bench" generate "$work/four" --layers 4 --mb 150 --files 8000 > /dev/null
measure "$work/four"
