#!/usr/bin/env bash
# Runs the parser benchmark (Release build). Arguments go to the benchmark, for example:
#   bench/run-parser-bench.sh                      # the corpus in ../shared, full run (~1-2 minutes)
#   bench/run-parser-bench.sh --json bench.json    # also write the numbers as JSON
#   bench/run-parser-bench.sh --quick              # smoke run, unreliable numbers
#   bench/run-parser-bench.sh path/to/dockerfiles  # another folder of Dockerfiles
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec dotnet run -c Release --project "$root/bench/Stagecraft.Bench/Stagecraft.Bench.csproj" -- "$@"
