/**
 * Fast, dependable associative memories for programs: plain arrays in, plain arrays out, no copies of
 * the stored patterns, safe to share between threads. Start with {@link org.hopfieldlab.fast.SoftmaxMemory}.
 */
package org.hopfieldlab.fast;
