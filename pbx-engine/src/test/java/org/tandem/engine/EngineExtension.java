package org.tandem.engine;

import org.tandem.testsupport.ports.FreePorts;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One engine on a free loopback port for a whole test class (stopping a stack takes a second).
 * Register it as a static field with {@code @RegisterExtension}.
 */
public final class EngineExtension implements BeforeAllCallback, AfterAllCallback {

    private SipEngine engine;

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = new SipEngine(new EngineSettings("test", "127.0.0.1", FreePorts.udpAndTcp(),
                EngineSettings.StackTuning.DEFAULT));
        engine.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        engine.stop();
    }

    public int port() {
        return engine.settings().port();
    }

    public SipEngine engine() {
        return engine;
    }
}
