/**
 * Experiments with the theory beside the measurement, each seeded, sized to run in seconds, and
 * returning a record of plain arrays ready for a plot.
 *
 * <ul>
 *   <li>{@link org.hopfieldlab.experiment.Capacity#classical}: retrieval overlap against load for the
 *       classical network (Hopfield 1982), beside the zero-temperature theory of D. J. Amit, H. Gutfreund
 *       and H. Sompolinsky, "Storing infinite numbers of patterns in a spin-glass model of neural networks",
 *       Phys. Rev. Lett. 55, 1530 (1985), critical load 0.138.</li>
 *   <li>{@link org.hopfieldlab.experiment.Capacity#dense}, {@link org.hopfieldlab.experiment.Capacity#denseScaling}:
 *       D. Krotov and J. J. Hopfield, "Dense associative memory for pattern recognition", NeurIPS 2016:
 *       capacity {@code N^(n-1) / (2 (2n-3)!! ln N)}.</li>
 *   <li>{@link org.hopfieldlab.experiment.Capacity#exponential}: M. Demircigil, J. Heusel, M. Loewe,
 *       S. Upgang and F. Vermet, "On a model of associative memory with huge storage capacity",
 *       J. Stat. Phys. 168, 288 (2017): capacity {@code exp(alpha N)}, alpha below ln(2)/2.</li>
 *   <li>{@link org.hopfieldlab.experiment.Basins}: retrieval rate against the fraction of flipped bits.</li>
 *   <li>{@link org.hopfieldlab.experiment.BetaSweep}, {@link org.hopfieldlab.experiment.AttentionCheck}:
 *       H. Ramsauer et al., "Hopfield networks is all you need", arXiv:2008.02217 (2020; ICLR 2021):
 *       global average, metastable states and single patterns as beta grows; the update rule is attention.</li>
 * </ul>
 *
 * <pre>{@code
 * var curve = Capacity.classical(500, new double[] {0.05, 0.1, 0.12, 0.14, 0.16, 0.2}, 2, 1);
 * curve.criticalLoad(0.9);              // about 0.15 at N = 500; Theory.agsCriticalLoad() = 0.1379
 * Capacity.denseScaling(3, new int[] {20, 30, 40, 60}, 3, 1);   // K_max grows like N^2 / ln N
 * BetaSweep.of(patterns, queries, new double[] {0.001, 0.3, 3});  // global average, mixtures, single patterns
 * }</pre>
 */
package org.hopfieldlab.experiment;
