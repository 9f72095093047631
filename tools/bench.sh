# ./hopfield bench: the JMH benchmarks (bench/) and the same workloads in numpy, in one run, one Markdown table.
# Options: any extra arguments go to JMH (e.g. a benchmark regex: ./hopfield bench Softmax).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
require_java_and_maven
ensure_numpy

out=target/bench
mkdir -p "$out"
say "building the benchmarks (mvn -B -q package -pl bench -am -DskipTests)"
mvn -B -q package -pl bench -am -DskipTests
classpath="bench/target/classes:$(cat bench/target/runtime-classpath.txt)"

# numpy twice: with the image's OpenBLAS settings and with both variables unset (AVX-512 kernels);
# each workload is compared with the faster of the two. Java runs in between, in the same run.
say "numpy, OpenBLAS as configured (OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset})"
"$PYTHON" tools/bench/numpy_bench.py > "$out/numpy-configured.json"

say "JMH: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement per benchmark (about 2 minutes)"
java --add-modules jdk.incubator.vector -cp "$classpath" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -jvmArgsAppend "--add-modules=jdk.incubator.vector -Xmx2g" \
  -rf json -rff "$out/jmh.json" "$@" > "$out/jmh.log" 2>&1 || { cat "$out/jmh.log" >&2; exit 1; }

say "numpy, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" tools/bench/numpy_bench.py > "$out/numpy-unset.json"

"$PYTHON" tools/bench/report.py "$out/jmh.json" "$out/numpy-configured.json" "$out/numpy-unset.json" | tee "$out/report.md"
