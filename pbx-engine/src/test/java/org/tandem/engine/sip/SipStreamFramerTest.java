package org.tandem.engine.sip;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SipStreamFramerTest {

    private static final int MAX = 4_096;

    private final List<String> messages = new ArrayList<>();
    private int pings;
    private final SipStreamFramer.Sink sink = new SipStreamFramer.Sink() {
        @Override
        public void message(byte[] message) {
            messages.add(new String(message, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void keepAlivePing() {
            pings++;
        }
    };
    private final SipStreamFramer framer = new SipStreamFramer(MAX, sink);

    private static String message(String lengthHeader, String body) {
        return "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n" + lengthHeader + "\r\n\r\n" + body;
    }

    private void feed(String text) throws SipStreamFramer.FramingException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        framer.feed(bytes, 0, bytes.length);
    }

    @Test
    void cutsPipelinedMessagesByTheirContentLengthWhateverTheChunks() throws Exception {
        String first = message("Content-Length: 5", "hello");
        String second = message("l : 3", "abc");
        String third = message("content-length:0", "");
        String stream = first + second + "\r\n" + third;
        for (int chunk : new int[] {1, 2, 7, 64, stream.length()}) {
            messages.clear();
            for (int i = 0; i < stream.length(); i += chunk) {
                feed(stream.substring(i, Math.min(stream.length(), i + chunk)));
            }
            assertThat(messages).as("in chunks of %d", chunk).containsExactly(first, second, third);
            assertThat(framer.midMessage()).isFalse();
        }
    }

    @Test
    void manyTinyMessagesInOneReadAreCutWithoutRecursion() throws Exception {
        // 64 KiB of the smallest "messages" in one read: framing each must not nest a call per message
        // (a stack overflow would kill the one selector thread, and with it every TCP connection)
        SipStreamFramer large = new SipStreamFramer(65_536, sink);
        byte[] stream = "x\n\n".repeat(21_845).getBytes(StandardCharsets.ISO_8859_1);
        large.feed(stream, 0, stream.length);
        assertThat(messages).hasSize(21_845).allMatch("x\n\n"::equals);
        assertThat(large.midMessage()).isFalse();
    }

    @Test
    void aDoubleCrlfBetweenMessagesIsAPingAndASingleOneIsNot() throws Exception {
        feed("\r\n");
        assertThat(pings).isZero();
        feed("\r\n");
        assertThat(pings).isEqualTo(1);
        feed("\r\n\r\n" + message("Content-Length: 0", "") + "\r\n");
        assertThat(pings).isEqualTo(2);
        assertThat(messages).hasSize(1);
    }

    @Test
    void aMessageWithoutContentLengthHasNoBody() throws Exception {
        feed("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n");
        assertThat(messages).containsExactly("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\n\r\n");
    }

    @Test
    void aHeadThatNeverEndsIsRefusedAtTheLimitWithoutMore() throws Exception {
        feed("OPTIONS sip:a@b SIP/2.0\r\nX-Long: ");
        byte[] filler = new byte[MAX];
        Arrays.fill(filler, (byte) 'a');
        assertThatThrownBy(() -> framer.feed(filler, 0, filler.length))
                .isInstanceOfSatisfying(SipStreamFramer.TooLargeException.class, e -> assertThat(e.head()).isNull());
    }

    @Test
    void aContentLengthPastTheLimitIsRefusedAsSoonAsTheHeadEndsKeepingTheHead() {
        for (String length : List.of("4096", "2147483647", "99999999999999999999999999")) {
            SipStreamFramer fresh = new SipStreamFramer(MAX, sink);
            byte[] head = message("Content-Length: " + length, "").getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> fresh.feed(head, 0, head.length)).as(length)
                    .isInstanceOfSatisfying(SipStreamFramer.TooLargeException.class,
                            e -> assertThat(e.head()).isEqualTo(head));
        }
        assertThat(messages).isEmpty();
    }

    @Test
    void aContentLengthThatIsNotANumberOrTwoOfThemLeaveNoFrame() {
        for (String lengths : List.of("Content-Length: -1", "Content-Length: 12abc", "Content-Length:",
                "Content-Length: 0\r\nl: 0")) {
            SipStreamFramer fresh = new SipStreamFramer(MAX, sink);
            byte[] bytes = message(lengths, "").getBytes(StandardCharsets.ISO_8859_1);
            assertThatThrownBy(() -> fresh.feed(bytes, 0, bytes.length)).as(lengths)
                    .isInstanceOf(SipStreamFramer.FramingException.class)
                    .isNotInstanceOf(SipStreamFramer.TooLargeException.class);
        }
    }

    @Test
    void aMessageBegunIsMidMessageUntilItsLastByte() throws Exception {
        String whole = message("Content-Length: 2", "ok");
        feed(whole.substring(0, whole.length() - 1));
        assertThat(framer.midMessage()).isTrue();
        assertThat(System.nanoTime() - framer.messageStartedNanos()).isNotNegative();
        feed(whole.substring(whole.length() - 1));
        assertThat(framer.midMessage()).isFalse();
        assertThat(messages).containsExactly(whole);
    }
}
