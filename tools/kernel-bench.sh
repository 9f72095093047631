# ./hopfield kernel-bench [--starts N] [--round-trips N]: the kernel beside ipykernel, one Markdown table.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_jupyter
build_if_needed
jupyter_home=$(mktemp -d)
trap 'rm -rf "$jupyter_home"' EXIT
hopfield_install_kernelspec "-XX:MaxRAMPercentage=50" --prefix "$jupyter_home" 2>/dev/null
# ipykernel's kernelspec, written here so the comparison does not depend on what else is installed
mkdir -p "$jupyter_home/share/jupyter/kernels/python3"
cat > "$jupyter_home/share/jupyter/kernels/python3/kernel.json" <<JSON
{"argv": ["$PYTHON", "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
 "display_name": "Python 3 (ipykernel)", "language": "python"}
JSON
export JUPYTER_PATH="$jupyter_home/share/jupyter"
exec "$PYTHON" tools/kernel_bench.py "$@"
