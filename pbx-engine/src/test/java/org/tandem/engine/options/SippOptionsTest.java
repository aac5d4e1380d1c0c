package org.tandem.engine.options;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.engine.EngineExtension;
import org.tandem.testsupport.sipp.Sipp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SIP peer, SIPp, sends OPTIONS over UDP and over TCP; its scenario (sipp/options.xml) fails
 * unless the engine answers 200 with an Allow header listing OPTIONS and a Server header naming Tandem.
 */
class SippOptionsTest {

    @RegisterExtension
    static final EngineExtension ENGINE = new EngineExtension();

    @ParameterizedTest(name = "sipp -t {0}")
    @ValueSource(strings = {"u1", "t1"})
    void sippGets200WithAllowListingOptions(String transport) throws Exception {
        Sipp.Run run = Sipp.run("/sipp/options.xml", ENGINE.port(), transport, 5);
        run.assertPassed();
    }
}
