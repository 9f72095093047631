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
