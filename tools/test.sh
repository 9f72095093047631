# ./hopfield test: install what the tests need, then run every test.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_numpy
ensure_jupyter
ensure_chromium
say "running every test: mvn -B verify"
exec mvn -B verify "$@"
