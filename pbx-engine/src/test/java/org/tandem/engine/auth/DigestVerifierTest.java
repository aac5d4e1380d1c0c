package org.tandem.engine.auth;

import gov.nist.javax.sip.parser.StringMsgParser;
import org.junit.jupiter.api.Test;
import org.tandem.domain.extension.SipCredentials;

import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest checks against the RFCs' own worked examples, so engine and RFC cannot drift apart. */
class DigestVerifierTest {

    private final DigestVerifier verifier = new DigestVerifier();

    /** RFC 2617 3.5: MD5 with qop=auth. */
    @Test
    void acceptsTheRfc2617ExampleResponse() {
        SipCredentials stored = SipCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());
        DigestCredentials response = new DigestCredentials("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "6629fae49393a05397450978507c4ef1",
                null, "auth", "00000001", "0a4f113b");

        assertThat(verifier.responseMatches(response, DigestAlgorithm.MD5, stored, "GET")).isTrue();
        assertThat(verifier.responseMatches(response, DigestAlgorithm.MD5, stored, "POST")).as("method is covered").isFalse();
    }

    /** RFC 7616 3.9.1: the same request answered with SHA-256 and with MD5. */
    @Test
    void acceptsTheRfc7616ExampleResponsesForBothAlgorithms() {
        SipCredentials stored = SipCredentials.derive("Mufasa", "http-auth@example.org", "Circle of Life".toCharArray());
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        DigestCredentials sha256 = new DigestCredentials("Mufasa", "http-auth@example.org", nonce, "/dir/index.html",
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", "SHA-256", "auth", "00000001", cnonce);
        DigestCredentials md5 = new DigestCredentials("Mufasa", "http-auth@example.org", nonce, "/dir/index.html",
                "8CA523F5E9506FED4657C9700EEBDBEC", "MD5", "auth", "00000001", cnonce);

        assertThat(verifier.responseMatches(sha256, DigestAlgorithm.SHA_256, stored, "GET")).isTrue();
        assertThat(verifier.responseMatches(md5, DigestAlgorithm.MD5, stored, "GET")).as("hex case does not matter").isTrue();
        assertThat(verifier.responseMatches(sha256, DigestAlgorithm.MD5, stored, "GET")).isFalse();
    }

    @Test
    void refusesAResponseMadeWithAnotherPasswordOrNonceCount() {
        SipCredentials stored = SipCredentials.derive("Mufasa", "testrealm@host.com", "Circle Of Life".toCharArray());
        SipCredentials other = SipCredentials.derive("Mufasa", "testrealm@host.com", "circle of life".toCharArray());
        DigestCredentials response = new DigestCredentials("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "6629fae49393a05397450978507c4ef1",
                "MD5", "auth", "00000002", "0a4f113b");

        assertThat(verifier.responseMatches(response, DigestAlgorithm.MD5, stored, "GET")).isFalse();
        assertThat(verifier.responseMatches(response, DigestAlgorithm.MD5, other, "GET")).isFalse();
    }

    @Test
    void readsTheCredentialsForTheRealmAsWrittenAndKnowsWhenTheyAreIncomplete() throws Exception {
        Request request = (Request) new StringMsgParser().parseSIPMessage(("""
                REGISTER sip:acme.example.com SIP/2.0\r
                Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK1\r
                Max-Forwards: 70\r
                From: <sip:101@acme.example.com>;tag=1\r
                To: <sip:101@acme.example.com>\r
                Call-ID: c1\r
                CSeq: 2 REGISTER\r
                Authorization: Digest username="101", realm="other.example.com", nonce="n0", uri="sip:acme.example.com", response="00"\r
                Authorization: Digest username="101", realm="acme.example.com", nonce="n1", uri="sip:acme.example.com;transport=udp", response="ab", algorithm=SHA-256, qop=auth, nc=0000000a, cnonce="c"\r
                Content-Length: 0\r
                \r
                """).getBytes(StandardCharsets.UTF_8), true, false, null);

        DigestCredentials ours = DigestCredentials.in(request, "acme.example.com", AuthorizationHeader.NAME).orElseThrow();
        assertThat(ours).isEqualTo(new DigestCredentials("101", "acme.example.com", "n1",
                "sip:acme.example.com;transport=udp", "ab", "SHA-256", "auth", "0000000a", "c"));
        assertThat(ours.isComplete()).isTrue();
        assertThat(ours.nonceCountValue()).isEqualTo(10);

        DigestCredentials theirs = DigestCredentials.in(request, "elsewhere.example.com", AuthorizationHeader.NAME).orElseThrow();
        assertThat(theirs.realm()).as("none for this realm: the first, which will fail").isEqualTo("other.example.com");
        assertThat(theirs.isComplete()).as("no qop, nc, cnonce: RFC 2069 style").isFalse();
    }

    @Test
    void namesOnlyTheAlgorithmsItImplements() {
        assertThat(DigestAlgorithm.named(null)).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.named("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.named("MD5-sess")).isEmpty();
        assertThat(DigestAlgorithm.named("SHA-512-256")).isEmpty();
    }
}
