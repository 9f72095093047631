package org.hopfieldlab.dsl;

import org.hopfieldlab.data.Corruption;
import org.hopfieldlab.data.Digits;
import org.hopfieldlab.data.Image;
import org.hopfieldlab.data.Patterns;
import org.hopfieldlab.learn.StorageRule;
import org.hopfieldlab.model.Dynamics;
import org.hopfieldlab.model.Lagrangian;

/**
 * The one entry point: {@code import static org.hopfieldlab.dsl.Hopfield.*;} then
 * <pre>{@code
 * var net = network().feature(784).memory(1000, softmax()).build();
 * net = net.store(patterns);
 * var recall = net.recall(query);
 * }</pre>
 */
public final class Hopfield {

    private Hopfield() {}

    /** Starts a network: next comes {@code feature(n)} or {@code feature(n, lagrangian)}. */
    public static NetworkBuilder.Start network() {
        return new NetworkBuilder.Start();
    }

    // ------------------------------------------------------------ Lagrangians

    /** {@code L = v^2/2}: continuous neurons whose activation is their state. */
    public static Lagrangian identity() { return new Lagrangian.Identity(); }

    /** {@code L = |v|}: +1/-1 spins (classical and dense associative memories). */
    public static Lagrangian sign() { return new Lagrangian.Sign(); }

    /** {@code L = log cosh(beta v)/beta}: graded neurons with activation tanh(beta v). */
    public static Lagrangian tanh(double beta) { return new Lagrangian.Tanh(beta); }

    /** {@code L = max(0, v)^2 / 2}: rectified linear neurons. */
    public static Lagrangian relu() { return new Lagrangian.Relu(); }

    /** {@code L = |v|} (Euclidean norm): activations on the unit sphere (Model C). */
    public static Lagrangian spherical() { return new Lagrangian.Spherical(); }

    /** {@code L = log sum exp(h)}: softmax memory neurons with beta = 1 (Model B, attention). */
    public static Lagrangian softmax() { return new Lagrangian.Softmax(1.0); }

    /** {@code L = log sum exp(beta h) / beta}: softmax with inverse temperature beta. */
    public static Lagrangian softmax(double beta) { return new Lagrangian.Softmax(beta); }

    /** {@code F(h) = h^n}: dense associative memory; {@code polynomial(2)} is the classical network. */
    public static Lagrangian polynomial(int n) { return new Lagrangian.Polynomial(n); }

    /** {@code F(h) = max(0, h)^n}: no inverted attractors. */
    public static Lagrangian rectifiedPolynomial(int n) { return new Lagrangian.RectifiedPolynomial(n); }

    /** {@code F(h) = exp(h)}: exponential capacity (Demircigil et al. 2017). */
    public static Lagrangian exponential() { return new Lagrangian.Exponential(1.0); }

    /** {@code F(h) = exp(beta h) / beta}. */
    public static Lagrangian exponential(double beta) { return new Lagrangian.Exponential(beta); }

    // ------------------------------------------------------------ dynamics

    /** All neurons of a layer at once, layer after layer (the effective update rule). */
    public static Dynamics synchronous() { return new Dynamics.Synchronous(); }

    /** One sign neuron at a time, in a seeded random order, by the exact energy difference. */
    public static Dynamics asynchronous() { return new Dynamics.Asynchronous(); }

    /** Euler integration of every layer's ODE with step {@code dt}. */
    public static Dynamics ode(double dt) { return new Dynamics.Ode(dt); }

    // ------------------------------------------------------------ storage rules

    /** Each pattern is one memory neuron's weights: T = sum xi xi^T. */
    public static StorageRule hebbian() { return StorageRule.hebbian(); }

    /** The pseudo-inverse rule: every (independent) pattern a fixed point, even correlated ones. */
    public static StorageRule projection() { return StorageRule.projection(); }

    /** Storkey's incremental rule (1997). */
    public static StorageRule storkey() { return StorageRule.storkey(); }

    // ------------------------------------------------------------ data

    /** 10,000 real handwritten digits (MNIST, 28 x 28, labels 0-9) embedded in the library. */
    public static Digits digits() { return Digits.load(); }

    /** Any pattern of {@code rows * cols} values shown as an image. */
    public static Image image(double[] values, int rows, int cols) { return Image.of(values, rows, cols); }

    /** {@code count} random +1/-1 patterns of {@code length} values, the same for the same seed. */
    public static double[][] randomPatterns(int count, int length, long seed) {
        return Patterns.random(count, length, seed);
    }

    /** A copy of {@code pattern} with exactly {@code round(fraction * length)} entries flipped (+1/-1). */
    public static double[] flip(double[] pattern, double fraction, long seed) {
        return Corruption.flip(pattern, fraction, seed);
    }

    // ------------------------------------------------------------ presets

    /** Classical Hopfield network (1982): {@code n} sign features, quadratic memories, asynchronous updates. */
    public static NetworkBuilder classical(int n, int k) {
        return network().feature(n, sign()).memory(k, polynomial(2));
    }

    /** Dense associative memory (Krotov &amp; Hopfield 2016) with {@code F(x) = x^power}. */
    public static NetworkBuilder dense(int n, int k, int power) {
        return network().feature(n, sign()).memory(k, polynomial(power));
    }

    /** Model A of Krotov &amp; Hopfield 2021: sign features ({@code L_v = sum |v|}), additive memories F. */
    public static NetworkBuilder modelA(int n, int k, Lagrangian memory) {
        return network().feature(n, sign()).memory(k, requireAdditive(memory, "Model A"));
    }

    /** Model B: identity features, softmax memories; its effective rule is attention. */
    public static NetworkBuilder modelB(int n, int k, double beta) {
        return network().feature(n).memory(k, softmax(beta));
    }

    /** Model C: spherical features ({@code L_v = sqrt(sum v^2)}), additive memories F. */
    public static NetworkBuilder modelC(int n, int k, Lagrangian memory) {
        return network().feature(n, spherical()).memory(k, requireAdditive(memory, "Model C"));
    }

    private static Lagrangian requireAdditive(Lagrangian memory, String model) {
        if (!(memory instanceof Lagrangian.Additive)) {
            throw new IllegalArgumentException(model + " needs an additive memory Lagrangian L_h = sum F(h) such as"
                    + " polynomial(3) or exponential(), got " + (memory == null ? "null" : memory.describe()));
        }
        return memory;
    }
}
