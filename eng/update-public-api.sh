#!/usr/bin/env bash
# Declares the public API of the given projects: every symbol the PublicApiAnalyzers report as undeclared (RS0016)
# is added to PublicAPI/<tfm>/PublicAPI.Unshipped.txt, and declared symbols that no longer exist (RS0017) are
# removed. The files are per target framework because records differ (covariant Clone on net8.0+).
# Run after changing the public API on purpose; review the diff like any other change.
set -euo pipefail
cd "$(dirname "$0")/.."
for proj in "$@"; do
  dir=$(dirname "$proj")
  abs=$(realpath "$proj")
  # Only this project's diagnostics: a build also reports those of the projects it references.
  out=$(dotnet build "$proj" -p:TreatWarningsAsErrors=false 2>&1 | grep -F "[$abs::" || true)
  for tfm_dir in "$dir"/PublicAPI/*/; do
    tfm=$(basename "$tfm_dir")
    unshipped="$tfm_dir/PublicAPI.Unshipped.txt"
    mine=$(grep -F "::TargetFramework=$tfm]" <<<"$out" || true)
    {
      cat "$unshipped"
      grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$mine" || true
    } | { grep -v '^#nullable enable$' || true; } | sort -u > "$unshipped.tmp"
    removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but)" <<<"$mine" | sort -u || true)
    if [ -n "$removed" ]; then
      grep -vxF -f <(printf '%s\n' "$removed") "$unshipped.tmp" > "$unshipped.tmp2" || true
      mv "$unshipped.tmp2" "$unshipped.tmp"
    fi
    { echo '#nullable enable'; cat "$unshipped.tmp"; } > "$unshipped"
    rm -f "$unshipped.tmp"
    echo "$unshipped: $(($(wc -l < "$unshipped") - 1)) symbols"
  done
done
