package org.citymaas.runtime.engine.control;

/** A model version in memory, ready to run. */
public interface LoadedModel extends AutoCloseable {

    /** A runner for one thread; close it before the model. */
    BatchRunner newRunner();

    @Override
    void close();
}
