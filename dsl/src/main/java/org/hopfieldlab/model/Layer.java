package org.hopfieldlab.model;

/**
 * One layer of neurons: how many, their Lagrangian, and their time constant for {@link Dynamics.Ode}.
 * A time constant of 0 keeps the layer at equilibrium with its neighbours at every step (the
 * {@code tau -> 0} limit in which memory neurons are integrated out).
 */
public record Layer(String name, int size, Lagrangian lagrangian, double tau) {

    public Layer {
        Check.atLeast("size of layer '" + name + "'", size, 1);
        if (lagrangian == null) {
            throw new IllegalArgumentException("layer '" + name + "' needs a Lagrangian, got null");
        }
        Check.nonNegativeFinite("time constant of layer '" + name + "'", tau);
    }

    Layer withSize(int newSize) {
        return new Layer(name, newSize, lagrangian, tau);
    }

    Layer withTau(double newTau) {
        return new Layer(name, size, lagrangian, newTau);
    }

    @Override
    public String toString() {
        return size + " " + name + ", " + lagrangian.describe() + (tau == 1.0 ? "" : ", tau=" + tau);
    }
}
