#!/usr/bin/env bash
# Builds the samkalk Python package into a venv at <repo>/.venv and runs its tests: every
# vector through the package, the stubs (mypy stubtest), the docstring examples and the example
# notebook in a real Jupyter kernel. Idempotent; run from anywhere: bash py/test.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
venv="$root/.venv"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

need=()
for spec in "maturin:maturin>=1.5,<2" "pytest:pytest" "pandas:pandas" "matplotlib:matplotlib" \
            "nbclient:nbclient" "nbformat:nbformat" "ipykernel:ipykernel" "mypy:mypy" "openpyxl:openpyxl"; do
    module="${spec%%:*}"
    if ! "$py" -c "import $module" >/dev/null 2>&1; then
        need+=("${spec#*:}")
    fi
done
if [ "${#need[@]}" -gt 0 ]; then
    echo "== installing ${need[*]}"
    "$py" -m pip install --quiet --disable-pip-version-check "${need[@]}"
fi

echo "== building and installing samkalk (maturin develop --release)"
(cd "$here" && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" "$venv/bin/maturin" develop --release --quiet)

# The notebook test runs in this venv's own kernel, registered inside the venv.
if [ ! -f "$venv/share/jupyter/kernels/samkalk/kernel.json" ]; then
    echo "== registering the venv's Jupyter kernel 'samkalk'"
    "$py" -m ipykernel install --sys-prefix --name samkalk --display-name "Python (samkalk)" >/dev/null
fi

echo "== checking the stubs (mypy.stubtest)"
(cd "$here" && "$py" -m mypy.stubtest samkalk)

echo "== pytest"
cd "$here"
export MPLBACKEND=Agg
"$py" -m pytest -q tests "$@"
