# ./hopfield run [notebook.ipynb...]: execute notebooks headless with the HopfieldLab kernel.
# HTML (and the executed notebooks) go to target/notebooks/; exit status 1 names each failing notebook and cell.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_jupyter
build_if_needed

if [ $# -gt 0 ]; then
  notebooks=("$@")
else
  shopt -s nullglob
  notebooks=(notebooks/*.ipynb)
  shopt -u nullglob
fi
[ ${#notebooks[@]} -gt 0 ] || { say "no notebooks in notebooks/"; exit 0; }
for nb in "${notebooks[@]}"; do [ -f "$nb" ] || { say "no such notebook: $nb"; exit 2; }; done

# the kernel of this build, in a private Jupyter path: the run never depends on what the user installed
jupyter_home=$(mktemp -d)
trap 'rm -rf "$jupyter_home"' EXIT
hopfield_install_kernelspec "-XX:MaxRAMPercentage=50" --prefix "$jupyter_home" 2>/dev/null
export JUPYTER_PATH="$jupyter_home/share/jupyter"
say "executing ${#notebooks[@]} notebook(s); HTML goes to target/notebooks/"
exec "$PYTHON" tools/notebook_runner.py --output-dir target/notebooks "${notebooks[@]}"
