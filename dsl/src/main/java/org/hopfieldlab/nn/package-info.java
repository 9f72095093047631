/**
 * Hopfield layers for deep learning: the update rule of the modern Hopfield network is transformer
 * attention (H. Ramsauer, B. Schaefl, J. Lehner, P. Seidl, M. Widrich, T. Adler, L. Gruber, M. Holzleitner,
 * M. Pavlovic, G. K. Sandve, V. Greiff, D. Kreil, M. Kopp, G. Klambauer, J. Brandstetter and S. Hochreiter,
 * "Hopfield networks is all you need", arXiv:2008.02217, 2020; ICLR 2021).
 *
 * <ul>
 *   <li>{@link org.hopfieldlab.nn.HopfieldLayer}: eq. (10), {@code softmax(beta R W_Q W_K^T Y^T) Y W_K W_V};
 *       with {@code beta = 1/sqrt(d_k)} it is {@code softmax(Q K^T / sqrt(d_k)) V}.</li>
 *   <li>{@link org.hopfieldlab.nn.HopfieldPooling}: a learned static query pools a set of patterns
 *       (as in DeepRC, M. Widrich et al., "Modern Hopfield networks and attention for immune repertoire
 *       classification", NeurIPS 2020).</li>
 *   <li>{@link org.hopfieldlab.nn.HopfieldLookup}: stored patterns held in the layer, looked up by the input.</li>
 * </ul>
 *
 * Forward passes and hand-written gradients (backward passes), in plain {@code double[][]} (rows are patterns).
 *
 * <pre>{@code
 * var layer = HopfieldLayer.attention(wQ, wK, wV);      // beta = 1/sqrt(d_k): a transformer attention head
 * double[][] z = layer.forward(r, y);                    // softmax(Q K^T / sqrt(d_k)) V
 * var grads = layer.backward(r, y, dLossDz);             // grads.dWQ(), dWK(), dWV(), dStatePatterns(), dStoredPatterns()
 *
 * var pass = layer.forwardPass(r, y);                    // in a training step: the forward pass, kept
 * double loss = lossOf(pass.output());
 * var same = pass.backward(dLossDz);                     // the gradients without computing the forward pass again
 * }</pre>
 */
package org.hopfieldlab.nn;
