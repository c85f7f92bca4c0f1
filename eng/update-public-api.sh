#!/usr/bin/env bash
# Adds every public symbol that the PublicApiAnalyzers report as undeclared (RS0016) to
# PublicAPI.Unshipped.txt of its project, and removes declared symbols that no longer exist (RS0017).
# Run after changing the public API on purpose; review the diff like any other change.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in "$@"; do
  dir=$(dirname "$proj")
  out=$(dotnet build "$proj" -p:BekostigingFast=true -p:TreatWarningsAsErrors=false 2>&1 || true)
  unshipped="$dir/PublicAPI.Unshipped.txt"
  {
    cat "$unshipped"
    grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$out" || true
  } | grep -v '^#nullable enable$' | sort -u > "$unshipped.tmp"
  removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but)" <<<"$out" | sort -u || true)
  if [ -n "$removed" ]; then
    grep -vxF -f <(printf '%s\n' "$removed") "$unshipped.tmp" > "$unshipped.tmp2" || true
    mv "$unshipped.tmp2" "$unshipped.tmp"
  fi
  { echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
  rm -f "$unshipped.tmp"
  echo "$unshipped: $(($(wc -l < "$unshipped") - 1)) symbols"
done
