package org.tandem.media.sdp;

import org.junit.jupiter.api.Test;
import org.tandem.media.codec.G711;
import org.tandem.media.sdp.Negotiation.Agreed;
import org.tandem.media.sdp.Negotiation.NotAcceptable;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferAnswerTest {

    private static final int MAX = 8192;

    /** A softphone's offer: Opus first, then A-law before mu-law, events under 96, and a video stream. */
    private static final String PHONE_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 127.0.0.7
            s=-
            c=IN IP4 127.0.0.7
            t=0 0
            m=audio 49170 RTP/AVP 111 8 0 96
            a=rtpmap:111 opus/48000/2
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:96 telephone-event/8000
            a=fmtp:96 0-16
            a=ptime:20
            a=sendrecv
            m=video 51372 RTP/AVP 99
            a=rtpmap:99 H264/90000
            """.replace("\n", "\r\n");

    @Test
    void answersWithTheOfferersFirstG711AndItsEventsAndRefusesTheVideo() throws InvalidSdpException {
        LocalSession local = new LocalSession("127.0.0.1");

        Agreed agreed = (Agreed) OfferAnswer.answer(parse(PHONE_OFFER), local, 20000, Direction.SENDRECV);

        assertThat(agreed.codec()).isEqualTo(G711.A_LAW);
        assertThat(agreed.payloadType()).isEqualTo(8);
        assertThat(agreed.telephoneEvent()).hasValue(96);
        assertThat(agreed.remote()).isEqualTo(new InetSocketAddress("127.0.0.7", 49170));
        assertThat(agreed.direction()).isEqualTo(Direction.SENDRECV);
        String answer = agreed.answer().write();
        assertThat(answer).matches("""
                v=0\r
                o=tandem (\\d+) \\1 IN IP4 127.0.0.1\r
                s=Tandem\r
                c=IN IP4 127.0.0.1\r
                t=0 0\r
                m=audio 20000 RTP/AVP 8 96\r
                a=rtpmap:8 PCMA/8000\r
                a=rtpmap:96 telephone-event/8000\r
                a=fmtp:96 0-15\r
                a=ptime:20\r
                a=sendrecv\r
                m=video 0 RTP/AVP 99\r
                """);
        // what we write, we read back as it was
        assertThat(parse(answer)).isEqualTo(agreed.answer());
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndNoEventsAreAnsweredWithout() throws InvalidSdpException {
        String offer = offer("m=audio 4000 RTP/AVP 18 0\r\n");

        Agreed agreed = (Agreed) OfferAnswer.answer(parse(offer), new LocalSession("127.0.0.1"), 20002,
                Direction.SENDRECV);

        assertThat(agreed.codec()).isEqualTo(G711.MU_LAW);
        assertThat(agreed.telephoneEvent()).isEmpty();
        assertThat(agreed.answer().write()).contains("m=audio 20002 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n");
    }

    @Test
    void mirrorsTheOfferersDirectionAndTheOldHold() throws InvalidSdpException {
        LocalSession local = new LocalSession("127.0.0.1");
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"), local, Direction.SENDRECV))
                .isEqualTo(Direction.RECVONLY);
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\na=recvonly\r\n"), local, Direction.SENDRECV))
                .isEqualTo(Direction.SENDONLY);
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\na=inactive\r\n"), local, Direction.SENDRECV))
                .isEqualTo(Direction.INACTIVE);
        // a direction for the whole session, and a section's own one winning over it
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\n").replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n"),
                local, Direction.SENDRECV)).isEqualTo(Direction.RECVONLY);
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n").replace("t=0 0\r\n",
                "t=0 0\r\na=inactive\r\n"), local, Direction.SENDRECV)).isEqualTo(Direction.SENDRECV);
        // RFC 2543 hold: c=0.0.0.0 with no direction attribute
        String legacyHold = offer("m=audio 4000 RTP/AVP 0\r\n").replace("127.0.0.7", "0.0.0.0");
        assertThat(direction(legacyHold, local, Direction.SENDRECV)).isEqualTo(Direction.RECVONLY);
        // this side holding them: it sends (music), takes nothing
        assertThat(direction(offer("m=audio 4000 RTP/AVP 0\r\n"), local, Direction.SENDONLY))
                .isEqualTo(Direction.SENDONLY);
    }

    @Test
    void refusesAnOfferWithoutG711OrPlainRtp() throws InvalidSdpException {
        LocalSession local = new LocalSession("127.0.0.1");
        assertThat(OfferAnswer.answer(parse(offer("m=audio 4000 RTP/AVP 18 9\r\n")), local, 20000, Direction.SENDRECV))
                .isEqualTo(new NotAcceptable("the offer's audio has neither PCMU nor PCMA"));
        assertThat(OfferAnswer.answer(parse(offer("m=audio 4000 RTP/SAVP 0\r\n")), local, 20000, Direction.SENDRECV))
                .isEqualTo(new NotAcceptable("the offer's audio is RTP/SAVP; this node takes RTP/AVP only"));
        assertThat(OfferAnswer.answer(parse(offer("m=video 4000 RTP/AVP 99\r\n")), local, 20000, Direction.SENDRECV))
                .isEqualTo(new NotAcceptable("the offer has no audio stream"));
        // PCMU by name but at the wrong rate is not G.711
        assertThat(OfferAnswer.answer(parse(offer("m=audio 4000 RTP/AVP 97\r\na=rtpmap:97 PCMU/16000\r\n")), local,
                20000, Direction.SENDRECV)).isInstanceOf(NotAcceptable.class);
        assertThat(OfferAnswer.answer(parse(offer("m=audio 4000 RTP/AVP 0\r\n").replace("IN IP4 127.0.0.7\r\nt",
                "IN IP4 pbx.example.com\r\nt")), local, 20000, Direction.SENDRECV))
                .isEqualTo(new NotAcceptable("the offer's audio address is not an IP address"));
    }

    @Test
    void reOffersKeepTheSessionIdAndRaiseTheVersionOnlyWhenSomethingChanged() {
        LocalSession local = new LocalSession("127.0.0.1");
        SessionDescription first = OfferAnswer.offer(local, 20000, Direction.SENDRECV);
        SessionDescription same = OfferAnswer.offer(local, 20000, Direction.SENDRECV);
        SessionDescription hold = OfferAnswer.offer(local, 20000, Direction.SENDONLY);

        assertThat(same.origin()).isEqualTo(first.origin());
        assertThat(hold.origin().sessionId()).isEqualTo(first.origin().sessionId());
        assertThat(hold.origin().version()).isEqualTo(first.origin().version() + 1);
        assertThat(hold.write()).contains("a=sendonly\r\n");
    }

    @Test
    void ourOfferAndTheirAnswerSettleTheStream() throws InvalidSdpException {
        LocalSession local = new LocalSession("127.0.0.1");
        SessionDescription offer = OfferAnswer.offer(local, 20000, Direction.SENDRECV);
        assertThat(offer.write()).contains("m=audio 20000 RTP/AVP 0 8 101\r\n", "a=fmtp:101 0-15\r\n");

        // the far end, answering with the same code, picks the offer's first law
        Agreed theirs = (Agreed) OfferAnswer.answer(parse(offer.write()), new LocalSession("127.0.0.9"), 30000,
                Direction.RECVONLY);
        Agreed ours = (Agreed) OfferAnswer.answered(offer, parse(theirs.answer().write()));

        assertThat(ours.codec()).isEqualTo(G711.MU_LAW);
        assertThat(ours.telephoneEvent()).hasValue(101);
        assertThat(ours.remote()).isEqualTo(new InetSocketAddress("127.0.0.9", 30000));
        assertThat(ours.direction()).isEqualTo(Direction.SENDONLY);

        SessionDescription refusal = parse(theirs.answer().write().replace("m=audio 30000", "m=audio 0"));
        assertThat(OfferAnswer.answered(offer, refusal))
                .isEqualTo(new NotAcceptable("the answer refuses the audio stream"));
    }

    @Test
    void refusesBrokenAndHostileDescriptionsInWords() {
        assertRefused("", "the session description is empty");
        assertRefused("v=1\r\n", "a session description starts with v=0");
        assertRefused(PHONE_OFFER.replace("s=-\r\n", ""), "no s= line");
        assertRefused(PHONE_OFFER.replace("t=0 0\r\n", ""), "no t= line");
        assertRefused(PHONE_OFFER.replace("o=alice 2890844526 2890844526 IN IP4 127.0.0.7\r\n", ""), "no o= line");
        assertRefused(PHONE_OFFER.replace("c=IN IP4 127.0.0.7\r\n", ""), "the audio section has no c= address, nor the session");
        assertRefused(PHONE_OFFER.replace("c=IN IP4 127.0.0.7", "c=IN IP4"), "c= must be 'IN <IP4|IP6> <address>', not 'IN IP4'");
        assertRefused(PHONE_OFFER.replace("49170", "70000"), "m= must be '<media> <port> <protocol> <format>...', not 'audio 70000 RTP/AVP 111 8 0 96'");
        assertRefused(PHONE_OFFER.replace("RTP/AVP 111", "RTP/AVP 300"), "m=audio lists the format '300', which is not an RTP payload type (0-127)");
        assertRefused(PHONE_OFFER.replace("a=rtpmap:8 PCMA/8000", "a=rtpmap:8 PCMA"), "a=rtpmap must be '<payload type> <encoding>/<clock rate>[/<channels>]', not '8 PCMA'");
        assertRefused(PHONE_OFFER.replace("a=ptime:20", "a=ptime:-1"), "a=ptime must be a whole number of milliseconds, 1-9999");
        assertRefused(PHONE_OFFER.replace("2890844526 2890844526", "x 1"), "o= session id must be a number of at most 19 digits");
        assertRefused(PHONE_OFFER + "garbage\r\n", "line 16 is not of the form <letter>=<value>: 'garbage'");
        assertRefused(PHONE_OFFER + "v=0\r\n", "v= may only be the first line");
        assertRefused(PHONE_OFFER + "a=x".repeat(3000), "the session description is longer than 8192 characters");
        assertRefused(PHONE_OFFER + "m=audio 0 RTP/AVP 0\r\n".repeat(15), "more than 16 media sections");
    }

    private static void assertRefused(String sdp, String message) {
        assertThatThrownBy(() -> parse(sdp)).isInstanceOf(InvalidSdpException.class).hasMessage(message);
    }

    private static Direction direction(String offer, LocalSession local, Direction wanted) throws InvalidSdpException {
        return ((Agreed) OfferAnswer.answer(parse(offer), local, 20000, wanted)).direction();
    }

    private static String offer(String media) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.7\r\ns=-\r\nc=IN IP4 127.0.0.7\r\nt=0 0\r\n" + media;
    }

    private static SessionDescription parse(String sdp) throws InvalidSdpException {
        return SessionDescription.parse(sdp, MAX);
    }
}
