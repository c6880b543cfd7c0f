#!/usr/bin/env bash
# Times the AOT stagecraft binary against the npm linters dockerfilelint and dockerfile-utils on one corpus,
# in one run: (a) the whole corpus in one process per tool, (b) one file per process. See README.md here.
#
#   bench/peers/run.sh                      # corpus ../shared/corpus/dockerfiles (beside the repo root)
#   bench/peers/run.sh path/to/dockerfiles  # another folder
#   bench/peers/run.sh --quick              # smoke run: 2 runs, 10 files in (b); numbers not reliable
#
# Options:
#   --runs N          timed runs of every measurement, median reported (default 5)
#   --sample N|all    files in the one-file-at-a-time part, evenly spread over the corpus (default 50)
#   --json PATH       where to write the results (default bench/peers/results.json)
#   --no-publish      reuse bench/peers/.bin/stagecraft instead of publishing it again
#   --skip-one        skip part (b)
#   --realtime        run the harness and every timed tool at real-time priority (chrt -f 50; root): other work on a
#                     shared machine (builds, test runs) then cannot preempt them. All tools alike; off by default
# Environment:
#   STAGECRAFT=PATH         the stagecraft binary to time (then nothing is published)
#   STAGECRAFT_ARGS='...'   the arguments put before the file names, e.g. 'lint --format gnu'; when set, no
#                           detection is done and STAGECRAFT_MULTI (1: many files per process, the default;
#                           0: one file per process) says how to call it
#   NODE=PATH               the node binary (default: node on PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=5 sample=50 json="$here/results.json" publish=1 skip_one="" corpus="" realtime=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --sample) sample="$2"; shift 2 ;;
        --json) json="$2"; shift 2 ;;
        --no-publish) publish=0; shift ;;
        --skip-one) skip_one="--skip-one"; shift ;;
        --realtime) realtime=1; shift ;;
        --quick) runs=2 sample=10; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
        *) corpus="$1"; shift ;;
    esac
done
corpus="${corpus:-$root/../shared/corpus/dockerfiles}"
[[ -d "$corpus" ]] || { echo "run.sh: no corpus folder at $corpus (give a folder of Dockerfiles as the argument)" >&2; exit 2; }
node="${NODE:-node}"
command -v "$node" >/dev/null || { echo "run.sh: node not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "run.sh: python3 not found" >&2; exit 2; }
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# 1. The peers, at exact versions, in a scratch folder (git-ignored).
peers="$here/.peers"
want_dfl=1.8.0 want_du=0.16.3
have() { "$node" -p "try { require('$peers/node_modules/$1/package.json').version } catch { '' }" 2>/dev/null; }
if [[ "$(have dockerfilelint)" != "$want_dfl" || "$(have dockerfile-utils)" != "$want_du" ]]; then
    echo "installing dockerfilelint@$want_dfl dockerfile-utils@$want_du into $peers ..."
    mkdir -p "$peers"
    [[ -f "$peers/package.json" ]] || echo '{ "name": "stagecraft-peerbench-peers", "private": true }' > "$peers/package.json"
    (cd "$peers" && npm install --no-audit --no-fund --save-exact "dockerfilelint@$want_dfl" "dockerfile-utils@$want_du" >&2)
fi

# 2. The AOT binary.
if [[ -n "${STAGECRAFT:-}" ]]; then
    bin="$(realpath "$STAGECRAFT")"  # the tools run in the corpus folder
else
    bin="$here/.bin/stagecraft"
    if [[ $publish == 1 || ! -x "$bin" ]]; then
        echo "publishing the Native-AOT stagecraft into $here/.bin ..."
        if ! dotnet publish "$root/src/Stagecraft.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$here/.bin" \
                > "$here/.bin.publish.log" 2>&1; then
            cat "$here/.bin.publish.log" >&2
            echo "run.sh: dotnet publish failed" >&2
            exit 1
        fi
    fi
fi
[[ -x "$bin" ]] || { echo "run.sh: $bin is not an executable" >&2; exit 2; }
version="$("$bin" --version 2>/dev/null | head -1 || true)"

# 3. Which Stagecraft command to time. `stagecraft lint --help` exits 0 even before lint exists (the root help
#    is printed instead), so the help text must also be lint's own: "Usage: stagecraft lint ...".
if [[ -n "${STAGECRAFT_ARGS:-}" ]]; then
    sc_args="$STAGECRAFT_ARGS" sc_multi="${STAGECRAFT_MULTI:-1}" sc_mode=custom
elif help="$("$bin" lint --help 2>&1)" && grep -qE '^[[:space:]]*stagecraft lint( |$)' <<<"$help"; then
    # The peers run no ShellCheck; STG300 (one shellcheck process per Dockerfile when it is on PATH) is left out.
    sc_args="lint --format gnu --ignore STG300" sc_multi=1 sc_mode=lint
else
    sc_args="parse --format buildkit" sc_multi=0 sc_mode=parse-stand-in
    {
        echo "################################################################################################"
        echo "### NOTE: \`stagecraft lint\` is not available in $bin"
        echo "###       (\`stagecraft lint --help\` did not print lint's help). Falling back to the STAND-IN"
        echo "###       \`stagecraft parse --format buildkit FILE\`, one file per process. These numbers do NOT"
        echo "###       measure linting and do NOT judge the targets."
        echo "################################################################################################"
    }
fi

scheduling=()
if [[ -n "$realtime" ]]; then
    command -v chrt >/dev/null || { echo "run.sh: --realtime needs chrt (util-linux)" >&2; exit 2; }
    chrt -f 50 true 2>/dev/null || { echo "run.sh: --realtime: cannot set real-time priority (chrt -f 50 needs root or CAP_SYS_NICE)" >&2; exit 2; }
    scheduling=(chrt -f 50)
fi

exec "${scheduling[@]}" python3 "$here/peerbench.py" \
    --corpus "$corpus" --stagecraft "$bin" --stagecraft-args "$sc_args" --stagecraft-multi "$sc_multi" \
    --stagecraft-mode "$sc_mode" --stagecraft-version "$version" --node "$node" \
    --modules "$peers/node_modules" --here "$here" --runs "$runs" --sample "$sample" --json "$json" $skip_one
