# Shared helpers for the tools/*.sh commands. Sourced, not run.
set -euo pipefail
: "${HOPFIELD_HOME:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$HOPFIELD_HOME"

say() { printf '\033[1mhopfield:\033[0m %s\n' "$*" >&2; }

# The Java 17 compiler and Maven must exist; we do not install a JDK behind the user's back.
require_java_and_maven() {
  command -v java >/dev/null || { say "java not found: install a JDK 17 or newer (Debian: apt-get install openjdk-17-jdk)"; exit 1; }
  command -v mvn >/dev/null || { say "mvn not found: install Maven 3.8 or newer (Debian: apt-get install maven)"; exit 1; }
}

# ensure_debian_packages CHECK_COMMAND PACKAGE... : when CHECK_COMMAND fails, install the packages
# (as root, after one apt-get update), or print the exact command to run when we are not root.
APT_UPDATED=0
ensure_debian_packages() {
  local check="$1"; shift
  if bash -c "$check" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    if [ "$APT_UPDATED" -eq 0 ]; then
      say "apt-get update"
      apt-get update -q >/dev/null
      APT_UPDATED=1
    fi
    say "installing $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
    bash -c "$check" >/dev/null 2>&1 || { say "installed $* but '$check' still fails"; exit 1; }
  else
    say "missing: $* — run: sudo apt-get update && sudo apt-get install -y $*"
    exit 1
  fi
}

# Debian's python, not a pyenv shim: the Debian packages (jupyter, numpy) live there.
PYTHON=/usr/bin/python3
export HOPFIELD_PYTHON="$PYTHON"

ensure_jupyter() {
  ensure_debian_packages "$PYTHON -c 'import nbclient, jupyter_client, nbconvert' && command -v jupyter-nbconvert" \
    python3 jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-client python3-ipykernel
}
ensure_numpy() { ensure_debian_packages "$PYTHON -c 'import numpy'" python3-numpy; }
# the benchmark also times scipy's symmetric product beside numpy's, for the synchronous-step note
ensure_scipy() { ensure_debian_packages "$PYTHON -c 'import scipy'" python3-scipy; }
ensure_chromium() { ensure_debian_packages "command -v chromium" chromium; }

# Build the jars (skipping tests) when the sources are newer than the last build.
build_if_needed() {
  local stamp=target/.build-stamp
  if [ ! -f "$stamp" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    say "building (mvn -B -q package -DskipTests)"
    mvn -B -q package -DskipTests
    mkdir -p target && touch "$stamp"
  fi
}

# ---- Jupyter kernel helpers (install.sh, lab.sh, run.sh, kernel-bench.sh) ----

KERNEL_JAR="$HOPFIELD_HOME/kernel/target/hopfieldlab-kernel.jar"
KERNEL_NAME=hopfield

# The java that runs the kernel: JAVA_HOME's when set, else the one on the PATH (kept as a path, so
# Jupyter finds it even when started with another PATH).
kernel_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

# java_feature_version JAVA: 17, 21, 25...
java_feature_version() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

# hopfield_install_kernelspec HEAP_FLAG (--user | --sys-prefix | --prefix DIR)
# Writes the kernelspec (kernel.json, the kernel jar, its lib/ and a class-data archive) where Jupyter looks for it.
hopfield_install_kernelspec() {
  local heap_flag="$1"; shift
  [ -f "$KERNEL_JAR" ] || { say "no kernel jar at $KERNEL_JAR: run ./hopfield install without --no-build"; exit 1; }
  local target
  case "$1" in
    --user) target="$(jupyter_data_dir)/kernels" ;;
    --sys-prefix) target="$("$PYTHON" -c 'import sys; print(sys.prefix)')/share/jupyter/kernels" ;;
    --prefix) target="$2/share/jupyter/kernels" ;;
  esac
  local dir="$target/$KERNEL_NAME"
  rm -rf "${dir:?}"
  mkdir -p "$dir"
  cp "$KERNEL_JAR" "$dir/hopfieldlab-kernel.jar"
  cp -r "$HOPFIELD_HOME/kernel/target/lib" "$dir/lib"
  local java; java="$(kernel_java)"
  # a class-data archive of a warmed-up session, written where the kernel runs from: starts get faster
  local archive=""
  if "$java" -XX:ArchiveClassesAtExit="$dir/hopfield.jsa" --add-modules jdk.incubator.vector -XX:+UseSerialGC \
       -jar "$dir/hopfieldlab-kernel.jar" --warm-up >/dev/null 2>&1 && [ -f "$dir/hopfield.jsa" ]; then
    archive="-XX:SharedArchiveFile={resource_dir}/hopfield.jsa"
  else
    say "no class-data archive (the kernel works, it only starts slower)"
  fi
  # Java 18-23 need the security manager allowed (the System.exit guard); from Java 24 on the option stops the JVM
  local security="-Djava.security.manager=allow"
  [ "$(java_feature_version "$java")" -ge 24 ] && security=""
  "$PYTHON" - "$dir/kernel.json" "$java" "$heap_flag" "$archive" "$security" <<'PY'
import json, sys
path, java, heap, archive, security = sys.argv[1:6]
# the archive only makes starts faster: its warnings (a JDK whose base archive differs) are not the notebook's business
flags = [archive, "-Xlog:cds=off"] if archive else []
spec = {
    "argv": [java, "--add-modules", "jdk.incubator.vector", *([security] if security else []), heap,
             "-XX:+UseSerialGC", *flags, "-Dfile.encoding=UTF-8",
             "-jar", "{resource_dir}/hopfieldlab-kernel.jar", "{connection_file}"],
    "display_name": "Java (HopfieldLab)",
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=2)
PY
  say "installed kernel '$KERNEL_NAME' (Java (HopfieldLab)) in $dir"
}

# Jupyter's per-user data folder, asked from Jupyter itself when it is installed.
jupyter_data_dir() {
  if command -v jupyter >/dev/null 2>&1; then jupyter --data-dir; else echo "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}"; fi
}
