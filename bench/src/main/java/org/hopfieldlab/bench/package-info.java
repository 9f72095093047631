/**
 * JMH benchmarks of the kernels in {@code org.hopfieldlab.internal}, on the shapes of the numpy
 * comparison in {@code tools/bench/numpy_bench.py}. Run them with {@code ./hopfield bench}.
 */
package org.hopfieldlab.bench;
