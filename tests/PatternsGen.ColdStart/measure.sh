#!/usr/bin/env bash
# Fresh-process time to the first tool schema: generated tools against AIFunctionFactory.Create, under the JIT
# and under Native AOT. Needs hyperfine (apt-get install hyperfine). Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
dotnet publish -c Release -o "$out/jit" -v quiet -nologo >/dev/null
dotnet publish -c Release -r linux-x64 -p:PublishAot=true -o "$out/aot" -v quiet -nologo >/dev/null

for kind in jit aot; do
  echo "== $kind"
  for mode in generated factory factory-context; do
    # In-process: the median of 21 fresh processes' "first schema after Main", or the failure it met.
    runs=$(for _ in $(seq 21); do "$out/$kind/PatternsGen.ColdStart" "$mode" || true; done)
    if grep -q failed <<<"$runs"; then
      grep -m1 failed <<<"$runs"
    else
      median=$(awk '/first schema/ { print $4 }' <<<"$runs" | sort -n | sed -n 11p)
      echo "$mode: median $median ms after Main (21 processes)"
    fi
  done
  hyperfine -N -i --warmup 3 --runs 30 --export-markdown "$out/$kind.md" \
    "$out/$kind/PatternsGen.ColdStart generated" \
    "$out/$kind/PatternsGen.ColdStart factory" \
    "$out/$kind/PatternsGen.ColdStart factory-context" >/dev/null
  sed "s|$out/$kind/||g" "$out/$kind.md"
done
