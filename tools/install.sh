# ./hopfield install [--user | --sys-prefix | --prefix DIR] [--max-heap SIZE] [--no-build]
# Installs the Jupyter kernel "hopfield" (display name "Java (HopfieldLab)"), for this user by default.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

usage() {
  cat >&2 <<'USAGE'
usage: ./hopfield install [--user | --sys-prefix | --prefix DIR] [--max-heap SIZE] [--no-build]
  --user         for this user, in `jupyter --data-dir`/kernels (the default)
  --sys-prefix   into the Python environment Jupyter runs from (sys.prefix/share/jupyter/kernels)
  --prefix DIR   into DIR/share/jupyter/kernels (then use JUPYTER_PATH=DIR/share/jupyter)
  --max-heap S   the kernel's Java heap, e.g. 4g (default: half of the machine's memory)
  --no-build     use the jars already built in kernel/target
USAGE
}

where=(--user); heap_flag="-XX:MaxRAMPercentage=50"; build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --user) where=(--user) ;;
    --sys-prefix) where=(--sys-prefix) ;;
    --prefix) [ $# -ge 2 ] || { usage; exit 2; }; where=(--prefix "$2"); shift ;;
    --max-heap)
      [ $# -ge 2 ] || { usage; exit 2; }
      [[ "$2" =~ ^[0-9]+[kKmMgG]?$ ]] || { say "--max-heap must look like 512m or 4g, got '$2'"; exit 2; }
      heap_flag="-Xmx$2"; shift ;;
    --no-build) build=0 ;;
    -h|--help) usage; exit 0 ;;
    *) say "unknown option '$1'"; usage; exit 2 ;;
  esac
  shift
done

require_java_and_maven
[ "$build" -eq 1 ] && build_if_needed
hopfield_install_kernelspec "$heap_flag" "${where[@]}"
