package org.tandem.engine;

import org.tandem.testsupport.ports.FreePorts;
import org.tandem.testsupport.sip.SipTestClient;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.support.TypeBasedParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One engine on a free loopback port for a whole test class (stopping a stack takes a second).
 * Register it as a static field with {@code @RegisterExtension}. A test method that takes a
 * {@link SipTestClient} is given a new one talking to this engine, closed when the test ends.
 */
public final class EngineExtension extends TypeBasedParameterResolver<SipTestClient>
        implements BeforeAllCallback, AfterAllCallback {

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

    @Override
    public SipTestClient resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            SipTestClient client = new SipTestClient(port());
            // the store closes what it holds once the test is over
            context.getStore(ExtensionContext.Namespace.create(EngineExtension.class, parameter.getIndex()))
                    .put(SipTestClient.class, client);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a SIP client to the engine", e);
        }
    }

    public int port() {
        return engine.settings().port();
    }

    public SipEngine engine() {
        return engine;
    }
}
