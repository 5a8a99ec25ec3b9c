#!/usr/bin/env bash
# Builds the samkalk Python package into a venv at <repo>/.venv and runs its checks and tests:
# ruff and mypy (strict, configured in py/pyproject.toml) over the package and its stubs, the
# stubs against the module (mypy stubtest), every vector through the package (exactly the
# command line's output), the docstring examples and the example notebook in a real Jupyter
# kernel. Idempotent; run from anywhere: bash py/test.sh
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
            "nbclient:nbclient" "nbformat:nbformat" "ipykernel:ipykernel" "mypy:mypy" "ruff:ruff" \
            "openpyxl:openpyxl"; do
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

echo "== ruff check (py/pyproject.toml [tool.ruff])"
(cd "$here" && "$py" -m ruff check)

echo "== mypy --strict: the stubs (python/samkalk/*.pyi)"
(cd "$here" && "$py" -m mypy)

# mypy reads a module's .pyi in place of its .py, so the implementation is checked in a copy
# without the stubs of the Python modules (keeping the native module's _samkalk.pyi).
echo "== mypy --strict: the implementation (python/samkalk/*.py)"
impl="$(mktemp -d)"
trap 'rm -rf "$impl"' EXIT
mkdir "$impl/samkalk"
cp "$here"/python/samkalk/*.py "$here/python/samkalk/_samkalk.pyi" "$here/python/samkalk/py.typed" "$impl/samkalk/"
(cd "$impl" && "$py" -m mypy --config-file "$here/pyproject.toml" samkalk)

echo "== checking the stubs (mypy.stubtest)"
(cd "$here" && "$py" -m mypy.stubtest samkalk)

echo "== pytest"
cd "$here"
export MPLBACKEND=Agg
"$py" -m pytest -q tests "$@"
