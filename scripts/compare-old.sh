#!/usr/bin/env bash
# Byte-compares the command line's output now with an older build's: every vector scenario
# (tests/vectors/*.json and tests/vectors/v2/*.json) through `samkalk calculate` as json, table
# and csv, and the example analysis as json and table. Exit status and standard output must be
# the same for each. A refactoring that should change no result is checked with it.
#
#   OLD_SAMKALK=/path/to/old/samkalk bash scripts/compare-old.sh
#
# Without OLD_SAMKALK it builds the CLI at OLD_COMMIT (default c13557c, before the typed result
# values) in a temporary worktree. NEW_SAMKALK defaults to this tree's release build.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ -z "${OLD_SAMKALK:-}" ]; then
  commit=${OLD_COMMIT:-c13557c}
  old_tree="$tmp/old-tree"
  git worktree add --detach "$old_tree" "$commit" >/dev/null
  trap 'git -C "$root" worktree remove --force "$old_tree" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
  cargo build --release -q -p samkalk-cli --manifest-path "$old_tree/Cargo.toml" --target-dir "${OLD_TARGET:-$tmp/old-target}"
  OLD_SAMKALK="${OLD_TARGET:-$tmp/old-target}/release/samkalk"
fi
if [ -z "${NEW_SAMKALK:-}" ]; then
  cargo build --release -q -p samkalk-cli
  NEW_SAMKALK="$root/target/release/samkalk"
fi

# Each vector's scenario as its own file (the vectors hold it under "scenario").
python3 - "$tmp/scenarios" tests/vectors/*.json tests/vectors/v2/*.json <<'EOF'
import json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for path in sys.argv[2:]:
    if not os.path.isfile(path):
        continue
    with open(path, encoding="utf-8") as f:
        text = f.read()
    vector = json.loads(text)
    scenario = vector.get("scenario")
    # A scenario given as text (malformed on purpose) is written as it is.
    body = scenario if isinstance(scenario, str) else json.dumps(scenario, ensure_ascii=False)
    name = path.replace("tests/vectors/", "").replace("/", "_")
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(body)
EOF

run() { # binary, output file, arguments...
  local bin=$1 out=$2
  shift 2
  set +e
  "$bin" "$@" >"$out" 2>/dev/null
  echo "exit $?" >>"$out"
  set -e
}

checked=0
differ=0
compare() { # label, arguments...
  local label=$1
  shift
  run "$OLD_SAMKALK" "$tmp/old.out" "$@"
  run "$NEW_SAMKALK" "$tmp/new.out" "$@"
  checked=$((checked + 1))
  if ! cmp -s "$tmp/old.out" "$tmp/new.out"; then
    differ=$((differ + 1))
    echo "DIFFERS: $label"
    diff "$tmp/old.out" "$tmp/new.out" | head -5 | cut -c1-200 || true
  fi
}

for f in "$tmp"/scenarios/*.json; do
  name=$(basename "$f")
  for format in json table csv; do
    compare "$name calculate --format $format" calculate --format "$format" "$f"
  done
done
# The example analysis, and the same with its Monte Carlo draws kept (fewer of them).
python3 - examples/analysis.json "$tmp/analysis-kept.json" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    request = json.load(f)
request["monte_carlo"].update({"draws": 300, "keep_draws": True})
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(request, f, ensure_ascii=False)
EOF
for request in examples/analysis.json "$tmp/analysis-kept.json"; do
  for format in json table; do
    compare "examples/programme.toml analyse $(basename "$request") --format $format" analyse --format "$format" examples/programme.toml "$request"
  done
done

echo "$checked outputs compared with $OLD_SAMKALK: $differ differ"
[ "$differ" -eq 0 ]
