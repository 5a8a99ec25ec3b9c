#!/usr/bin/env bash
# Instructions per calculate(object) and per Monte Carlo draw in Node, counted by valgrind
# (callgrind): stable on a loaded machine, unlike wall-clock time. Runs wasm/bench/loop.mjs
# twice per mode (N and 2N calls or draws) and prints (I(2N) - I(N)) / N, so start-up, module
# compilation and the JIT's warm-up cancel out. `--no-liftoff` compiles the wasm with TurboFan
# only (what a warm page runs), `--smc-check=all-non-file` lets valgrind follow the JIT.
#   bash wasm/bench-instructions.sh [PKGDIR] [calculate|mc|both]    (PKGDIR default wasm/pkg)
# About a minute per run; 4 runs for "both". Env: CALC_N (default 1000), MC_N (default 2000).
# Keep the callgrind files with KEEP=dir (then `callgrind_annotate dir/calculate-2000.out`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG="$(cd "${1:-$ROOT/wasm/pkg}" && pwd)"
WHAT="${2:-both}"
CALC_N="${CALC_N:-1000}"
MC_N="${MC_N:-2000}"
OUT="${KEEP:-$(mktemp -d)}"
mkdir -p "$OUT"
command -v valgrind >/dev/null || { echo "bench-instructions.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

count() { # mode n -> total instructions of one run
  local f="$OUT/$1-$2.out"
  valgrind --tool=callgrind --callgrind-out-file="$f" --smc-check=all-non-file \
    node --no-liftoff "$ROOT/wasm/bench/loop.mjs" "$PKG" "$1" "$2" >/dev/null 2>"$OUT/$1-$2.log"
  sed -n 's/^summary: //p;s/^totals: //p' "$f" | head -n 1
}
per() { # mode n unit
  local a b
  a=$(count "$1" "$2")
  b=$(count "$1" $(( $2 * 2 )))
  awk -v a="$a" -v b="$b" -v n="$2" -v m="$1" -v u="$3" -v p="$PKG" \
    'BEGIN{printf "%s: %.0f instructions per %s (%d -> %d: %.0f -> %.0f) [%s]\n", m, (b-a)/n, u, n, 2*n, a, b, p}'
}
case "$WHAT" in
  calculate) per calculate "$CALC_N" "calculate(object)" ;;
  mc) per mc "$MC_N" "draw" ;;
  both) per calculate "$CALC_N" "calculate(object)"; per mc "$MC_N" "draw" ;;
  *) echo "bench-instructions.sh: calculate, mc or both" >&2; exit 1 ;;
esac
[ -n "${KEEP:-}" ] || rm -rf "$OUT"
