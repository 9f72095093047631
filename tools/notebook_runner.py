#!/usr/bin/python3
"""Execute notebooks with the HopfieldLab kernel through `jupyter nbconvert`, export HTML, name failing cells.

usage: notebook_runner.py --output-dir DIR [--timeout SECONDS] [--kernel NAME] NOTEBOOK...

Each notebook is executed by `jupyter nbconvert --execute` (errors allowed, so the whole notebook runs),
the executed copy is exported with `jupyter nbconvert --to html`, and every cell that failed without the
`raises-exception` tag is reported as `NOTEBOOK: cell N failed: Ename: message`. Exit status 1 when any
notebook has such a cell or could not be executed at all.
"""
import argparse
import json
import os
import subprocess
import sys


def failing_cells(executed_path):
    with open(executed_path, encoding="utf-8") as f:
        notebook = json.load(f)
    failures = []
    for index, cell in enumerate(notebook.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if "raises-exception" in cell.get("metadata", {}).get("tags", []):
            continue
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                source = "".join(cell.get("source", "")).strip().splitlines()
                failures.append((index, output.get("ename", "?"), output.get("evalue", ""), source[0] if source else ""))
                break
    return failures


def run(notebook, output_dir, timeout, kernel):
    name = os.path.splitext(os.path.basename(notebook))[0]
    executed = os.path.join(output_dir, name + ".executed.ipynb")
    execute = subprocess.run(
        ["jupyter", "nbconvert", "--execute", "--to", "notebook", "--allow-errors",
         "--ExecutePreprocessor.kernel_name=" + kernel, "--ExecutePreprocessor.timeout=" + str(timeout),
         "--output-dir", output_dir, "--output", name + ".executed.ipynb", notebook],
        capture_output=True, text=True)
    if execute.returncode != 0:
        tail = "\n".join(execute.stderr.strip().splitlines()[-15:])
        print(f"{notebook}: could not be executed (nbconvert exit {execute.returncode}):\n{tail}")
        return False
    export = subprocess.run(
        ["jupyter", "nbconvert", "--to", "html", "--output-dir", output_dir, "--output", name + ".html", executed],
        capture_output=True, text=True)
    if export.returncode != 0:
        print(f"{notebook}: executed, but the HTML export failed:\n{export.stderr.strip()}")
        return False
    failures = failing_cells(executed)
    for index, ename, evalue, first_line in failures:
        print(f"{notebook}: cell {index} failed: {ename}: {evalue}\n    (the cell starts with: {first_line})")
    if not failures:
        print(f"{notebook}: ok -> {os.path.join(output_dir, name + '.html')}")
    return not failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("HOPFIELD_CELL_TIMEOUT", "600")))
    parser.add_argument("--kernel", default="hopfield")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    results = [run(nb, args.output_dir, args.timeout, args.kernel) for nb in args.notebooks]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
