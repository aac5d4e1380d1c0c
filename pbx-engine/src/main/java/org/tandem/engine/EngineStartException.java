package org.tandem.engine;

/** The engine could not start: the address is wrong, a port is taken, or the stack refused its settings. */
public class EngineStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
