# ./hopfield lab [jupyter options]: install what is missing, install the kernel, open notebooks/ in Jupyter.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_jupyter
build_if_needed
hopfield_install_kernelspec "-XX:MaxRAMPercentage=50" --user

args=(--notebook-dir="$HOPFIELD_HOME/notebooks" "$@")
[ "$(id -u)" -eq 0 ] && args+=(--allow-root)
# with no display there is no browser to open: print the address (with its token) instead
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then args+=(--no-browser); fi
say "starting Jupyter on notebooks/: open the http://127.0.0.1:PORT/?token=... address Jupyter prints below (Ctrl-C stops it)"
exec jupyter notebook "${args[@]}"
