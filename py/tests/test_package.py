"""Packaging: optional dependencies stay optional, stubs match, docstrings run."""

import ast
import doctest
import inspect
import pathlib
import subprocess
import sys

import samkalk

PACKAGE = pathlib.Path(samkalk.__file__).parent


def run(code):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_import_does_not_import_pandas_or_matplotlib():
    out = run("import sys, samkalk; r = samkalk.calculate({'start_year': 2026}); r.to_dict(); r._repr_html_(); r.summary();"
              "print('pandas' in sys.modules, 'matplotlib' in sys.modules)")
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False False"


def test_missing_pandas_and_matplotlib_say_what_to_install():
    code = (
        "import sys; sys.modules['pandas'] = None; sys.modules['matplotlib'] = None\n"
        "import samkalk\n"
        "r = samkalk.calculate({'start_year': 2026})\n"
        "for f in (r.to_pandas, r.plot, r.summary().to_pandas):\n"
        "    try:\n"
        "        f()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
    )
    out = run(code)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 3
    assert "pip install pandas" in lines[0] and "pip install matplotlib" in lines[1] and "pip install pandas" in lines[2]


def stub_names(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom) and node.module in ("_errors", "_samkalk", "_analysis", "_state"):
            names.update(a.asname for a in node.names if a.asname)
    return names


def test_stubs_cover_the_public_api():
    assert (PACKAGE / "py.typed").exists()
    public = set(samkalk.__all__)
    assert public <= stub_names(PACKAGE / "__init__.pyi")
    assert set(samkalk._samkalk.__all__) <= stub_names(PACKAGE / "_samkalk.pyi")
    for name in public:
        assert hasattr(samkalk, name), name


def test_docstring_examples_run():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(samkalk, "samkalk", globs={"samkalk": samkalk, "Decimal": __import__("decimal").Decimal})
    tests += finder.find(samkalk._errors, "samkalk._errors", globs={"samkalk": samkalk})
    tests += finder.find(samkalk._state, "samkalk._state", globs={"samkalk": samkalk})
    # The analysis examples share one small scenario (its module docstring's).
    scenario = {"start_year": 2026, "cohorts": [{"name": "AM2-grupp", "origin": "AM2", "participants": 20,
                "intervention": {"cost_per_participant": 40000, "duration_months": 6},
                "outcomes": [{"target": "work", "share": "0.6"}]}]}
    tests += finder.find(samkalk._analysis, "samkalk._analysis", globs={"samkalk": samkalk, "scenario": scenario})
    examples = 0
    for test in tests:
        examples += len(test.examples)
        runner.run(test)
    assert examples >= 25
    assert runner.failures == 0


def test_help_reads_well():
    doc = inspect.getdoc(samkalk.calculate)
    assert ">>> result = samkalk.calculate(" in doc and "ScenarioError" in doc
    assert str(inspect.signature(samkalk.calculate)) == "(scenario: 'ScenarioInput') -> 'Result'" or "scenario" in str(inspect.signature(samkalk.calculate))
    for f in (samkalk.calculate_many, samkalk.validate, samkalk.defaults, samkalk.Result.to_pandas, samkalk.Result.plot, samkalk.Scenario,
              samkalk.analyse, samkalk.sweep, samkalk.grid, samkalk.tornado, samkalk.switching_value, samkalk.monte_carlo,
              samkalk.AnalysisResult, samkalk.AnalysisResult.tornado_frame, samkalk.AnalysisResult.plot_histogram, samkalk.AnalysisError):
        assert inspect.getdoc(f), f
    assert inspect.getdoc(samkalk.ScenarioError)


def test_defaults_decimal_fields_come_back_as_decimals() -> None:
    # Which members are decimals is the core's table of record (limits::NUMBER_FIELDS), plus the
    # defaults' sourced `value`s; text fields stay text.
    from decimal import Decimal

    d = samkalk.defaults()
    flow = d["states"]["AM3"]["flows"][0]
    assert flow["amount"] == Decimal("112000") and isinstance(flow["amount"], Decimal)
    assert isinstance(flow["label"], str) and isinstance(flow["source"], str)
    earnings = d["states"]["work"]["earnings"]
    assert earnings["monthly_wage"] == Decimal("25900") and isinstance(earnings["monthly_wage"], Decimal)
    assert isinstance(earnings["employment_rate"], Decimal) and isinstance(earnings["productivity"], Decimal)
    assert d["tax"]["municipal_rate"] == Decimal("0.1205") and isinstance(d["tax"]["municipal_rate"], Decimal)
    assert d["tax_sources"]["employer_contribution_rate"]["value"] == Decimal("0.3142")
    assert isinstance(d["tax_sources"]["employer_contribution_rate"]["value"], Decimal)
