"""The example notebook runs top to bottom in a real Jupyter kernel (nbclient)."""

import os
import pathlib

import pytest

NOTEBOOK = pathlib.Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"


def kernel_name():
    """The venv's own kernel when py/test.sh registered it, else the running Python's."""
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()
    return "samkalk" if "samkalk" in specs else "python3"


def test_notebook_executes():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    env_backend = os.environ.pop("MPLBACKEND", None)  # the kernel draws inline
    try:
        client = nbclient.NotebookClient(nb, timeout=120, kernel_name=kernel_name(), resources={"metadata": {"path": str(NOTEBOOK.parent)}})
        client.execute()
    finally:
        if env_backend is not None:
            os.environ["MPLBACKEND"] = env_backend
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if o.output_type == "execute_result" and "text/html" in o.get("data", {})]
    assert any("samkalk-result" in h and "Kommunen" in h and " kr" in h for h in html), "the result table"
    assert any("samkalk-summary" in h for h in html), "the summary table"
    assert any("<table" in h and "cumulative_net" in h for h in html), "the DataFrame"
    assert any("samkalk-analysis" in h and "Tornado" in h and "Brytvärden" in h for h in html), "the analysis"
    assert any("sannolikhet att gå plus" in h for h in html), "the Monte Carlo statistics"
    assert any("samkalk-analysis" in h and "<td>Price per AM3 participant</td>" in h and "Swing" in h and "Utslag" not in h for h in html), "the labelled analysis, in English"
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Sensitivity and uncertainty analysis" in printed and "\nPrice per AM3 participant  Municipality " in printed, "the report"
    assert any("samkalk-comparison" in h and "Offentlig sektor" in h and "Finsam − Kommunen" in h for h in html), "the comparison"
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 5, "the charts (two results, the comparison, the tornado, the histogram)"
