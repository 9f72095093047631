package org.hopfieldlab.model;

/**
 * When a recall stops: when no value of the state moves by more than {@code tolerance} in a step
 * (for ODE dynamics: when every layer's drive {@code input - x} is below it), relative to the
 * layer's largest value when that exceeds 1, so that the same tolerance serves states of any size;
 * sign layers stop when no spin flips. Or after {@code maxSteps} steps, whichever comes first.
 */
public record Convergence(double tolerance, int maxSteps) {

    public static final Convergence DEFAULT = new Convergence(1e-9, 100);

    public Convergence {
        Check.positiveFinite("tolerance", tolerance);
        Check.atLeast("maxSteps", maxSteps, 1);
    }

    @Override
    public String toString() {
        return "tolerance " + tolerance + ", at most " + maxSteps + " steps";
    }
}
