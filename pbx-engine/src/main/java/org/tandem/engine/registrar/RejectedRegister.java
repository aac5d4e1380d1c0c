package org.tandem.engine.registrar;

/** A REGISTER that cannot be served as sent: answered with {@code status} and {@code reason}. */
final class RejectedRegister extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    RejectedRegister(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    String reason() {
        return getMessage();
    }
}
