# ./hopfield bench: the JMH benchmarks (bench/) and the same workloads in numpy, in one run, one Markdown table.
# Extra arguments go to JMH (e.g. a benchmark regex: ./hopfield bench Softmax).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_numpy
ensure_scipy

out=target/bench
mkdir -p "$out"
rm -f "$out"/*.json
say "building the benchmarks (mvn -B -q package -pl bench -am -DskipTests)"
mvn -B -q package -pl bench -am -DskipTests
classpath="bench/target/classes:$(cat bench/target/runtime-classpath.txt)"

numpy_run() { # $1: file name; the image's OpenBLAS settings, or both variables unset (AVX-512 kernels)
  if [ "$2" = unset ]; then
    say "numpy, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" tools/bench/numpy_bench.py > "$out/$1"
  else
    say "numpy, OpenBLAS as configured (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset})"
    "$PYTHON" tools/bench/numpy_bench.py > "$out/$1"
  fi
}

jmh_run() {
  say "JMH run $1: 1 fork, 2 x 1 s warm-up, 3 x 1 s measurement per benchmark (about 80 s)"
  java --add-modules jdk.incubator.vector -cp "$classpath" org.openjdk.jmh.Main \
    -f 1 -wi 2 -w 1s -i 3 -r 1s -jvmArgsAppend "--add-modules=jdk.incubator.vector -Xmx2g" \
    -rf json -rff "$out/jmh-$1.json" "${jmh_args[@]}" > "$out/jmh-$1.log" 2>&1 || { cat "$out/jmh-$1.log" >&2; exit 1; }
}

# The machines are shared: alternate the two sides and keep each one's best, so a busy minute hits both.
jmh_args=("$@")
numpy_run numpy-1.json configured
jmh_run 1
numpy_run numpy-2.json unset
jmh_run 2
numpy_run numpy-3.json configured
numpy_run numpy-4.json unset

"$PYTHON" tools/bench/report.py "$out"/jmh-*.json "$out"/numpy-*.json | tee "$out/report.md"
