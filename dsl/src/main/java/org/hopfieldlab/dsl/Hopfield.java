package org.hopfieldlab.dsl;
public final class Hopfield { private Hopfield() {} }
