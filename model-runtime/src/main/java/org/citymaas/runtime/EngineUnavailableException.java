package org.citymaas.runtime;

/**
 * An external serving engine a model version is served by did not answer, or answered with an error: nothing was
 * computed. {@link #timedOut()} tells a slow engine (the portal answers 504) from one that is down or failing (503);
 * the message names the engine, never its credentials.
 */
public class EngineUnavailableException extends ModelRuntimeException {

    private final String engine;
    private final boolean timedOut;

    public EngineUnavailableException(String engine, boolean timedOut, String message, Throwable cause) {
        super(message, cause);
        this.engine = engine;
        this.timedOut = timedOut;
    }

    /** The engine, as configured: its base address and remote model name. */
    public String engine() {
        return engine;
    }

    /** Whether it did not answer within the version's timeout. */
    public boolean timedOut() {
        return timedOut;
    }
}
