#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite on the library before the engine redesign (commit 8af1884) and on src/, side by side
# in one run (issue 15): every benchmark class gets a job "Voor" (the baseline) and a job "Na" of the same settings, so
# each summary table lists both, with Ratio = Na / Voor, and VoorNaExporter writes one table per class
# (BenchmarkDotNet.Artifacts/results/*-voor-na.md), collected into artifacts/bench-voor-na/voor-na.md.
#
#   eng/bench-voor-na.sh                          # every benchmark; a quiet machine, a few hours (docs/performance.md)
#   eng/bench-voor-na.sh --filter '*Gevarieerd*'  # BenchmarkDotNet arguments are passed on
#   eng/bench-voor-na.sh --smoke --filter '*.SettleBenchmarks.*'   # both jobs as Dry, small inputs: proves the set-up, not a timing
#
# The old library is exported with `git archive` (tracked files only) into artifacts/voor-herontwerp/, with the
# Directory.Build.props/targets, Directory.Packages.props and .editorconfig of that commit, so its projects build with
# their own settings and package versions. The benchmark project compiles against it when MSBuild's BekostigingBron
# points there (see benchmarks/Bekostiging.Benchmarks/Bekostiging.Benchmarks.csproj); the benchmark code uses the
# public API only.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

VOOR_COMMIT=8af18843dc5737a62cb5db43bcd49674d0414b3f
VOOR="$PWD/artifacts/voor-herontwerp"
UIT="$PWD/artifacts/bench-voor-na"

args=()
for a in "$@"; do
  if [ "$a" = "--smoke" ]; then export BEKOSTIGING_BENCH_SMOKE=1; else args+=("$a"); fi
done
has_filter=false
for a in "${args[@]+"${args[@]}"}"; do case "$a" in --filter|-f|--filter=*) has_filter=true ;; esac; done
$has_filter || args+=(--filter '*')

git cat-file -e "$VOOR_COMMIT^{commit}" 2>/dev/null || { echo "commit $VOOR_COMMIT is not in this clone (fetch it first)" >&2; exit 1; }
rm -rf "$VOOR"
mkdir -p "$VOOR"
paths=(src Directory.Build.props Directory.Build.targets Directory.Packages.props)
git cat-file -e "$VOOR_COMMIT:.editorconfig" 2>/dev/null && paths+=(.editorconfig)
git archive "$VOOR_COMMIT" "${paths[@]}" | tar -x -C "$VOOR"
echo "library before the redesign ($VOOR_COMMIT) exported to $VOOR"

# Results of an earlier run would be mixed into the collected table.
rm -rf BenchmarkDotNet.Artifacts/results "$UIT"
mkdir -p "$UIT"

export BEKOSTIGING_BENCH_VOOR="$VOOR"
set +e
dotnet run -c Release --project benchmarks/Bekostiging.Benchmarks -- "${args[@]}" 2>&1 | tee "$UIT/benchmarks.log"
rc=${PIPESTATUS[0]}
set -e

shopt -s nullglob
tables=(BenchmarkDotNet.Artifacts/results/*-voor-na.md)
if [ ${#tables[@]} -gt 0 ]; then
  {
    echo "# Before/after the engine redesign: Voor = $VOOR_COMMIT, Na = $(git rev-parse HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes')"
    [ "${BEKOSTIGING_BENCH_SMOKE:-}" = "1" ] && echo "(smoke run: Dry jobs and small inputs; these numbers say nothing about speed)"
    echo
    cat "${tables[@]}"
  } > "$UIT/voor-na.md"
  echo "before/after tables: $UIT/voor-na.md"
fi
exit "$rc"
