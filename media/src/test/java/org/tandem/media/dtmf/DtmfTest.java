package org.tandem.media.dtmf;

import org.junit.jupiter.api.Test;
import org.tandem.media.rtp.RtpPacket;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DtmfTest {

    @Test
    void whatTheSenderSendsTheReceiverCountsOnceEvenWithTheEndRepeatedAndReordered() {
        List<TelephoneEvent> five = EventSender.events(new Digit('5', 0), 100);
        assertThat(five).extracting(TelephoneEvent::duration).containsExactly(160, 320, 480, 640, 800, 800, 800);
        assertThat(five).extracting(TelephoneEvent::end).containsExactly(false, false, false, false, true, true, true);

        EventReceiver receiver = new EventReceiver();
        List<Digit> digits = new ArrayList<>();
        int sequence = 0;
        for (TelephoneEvent event : five) {
            digits.addAll(receiver.accept(packet(sequence++, 8000, event)));
        }
        // an update delayed past the end packets, and the whole press again (a retransmission): nothing new
        digits.addAll(receiver.accept(packet(sequence++, 8000, five.get(2))));
        for (TelephoneEvent event : five) {
            digits.addAll(receiver.accept(packet(sequence++, 8000, event)));
        }
        // the same key pressed again is a new press: a new timestamp
        for (TelephoneEvent event : EventSender.events(new Digit('5', 0), 60)) {
            digits.addAll(receiver.accept(packet(sequence++, 9600, event)));
        }

        assertThat(digits).containsExactly(new Digit('5', 100), new Digit('5', 60));
    }

    @Test
    void aPressWhoseEndPacketsWereLostCountsWhenTheNextStarts() {
        EventReceiver receiver = new EventReceiver();
        assertThat(receiver.accept(packet(1, 1000, new TelephoneEvent(11, false, 10, 160)))).isEmpty();
        assertThat(receiver.accept(packet(2, 1000, new TelephoneEvent(11, false, 10, 320)))).isEmpty();

        assertThat(receiver.accept(packet(3, 5000, new TelephoneEvent(12, true, 10, 800))))
                .containsExactly(new Digit('#', 40), new Digit('A', 100));
    }

    @Test
    void shortPayloadsAndEventsThatAreNoDigitsAreIgnored() {
        EventReceiver receiver = new EventReceiver();
        assertThat(receiver.accept(RtpPacket.audio(true, 101, 1, 1000, 1, new byte[]{5, (byte) 0x80}))).isEmpty();
        // 16 is a flash, not a digit
        assertThat(receiver.accept(packet(2, 2000, new TelephoneEvent(16, true, 10, 800)))).isEmpty();
        assertThat(receiver.malformed()).isEqualTo(1);
        assertThat(TelephoneEvent.read(new TelephoneEvent(9, true, 63, 65535).toBytes()))
                .contains(new TelephoneEvent(9, true, 63, 65535));
    }

    @Test
    void readsDigitsFromInfoBodies() throws InvalidDigitException {
        assertThat(InfoDigits.parse("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"))
                .isEqualTo(new Digit('5', 160));
        assertThat(InfoDigits.parse("Application/DTMF-Relay; charset=utf-8", "Signal= *\nDuration= 90"))
                .isEqualTo(new Digit('*', 90));
        assertThat(InfoDigits.parse("application/dtmf-relay", "Signal=11\r\n")).isEqualTo(new Digit('#', 250));
        assertThat(InfoDigits.parse("application/dtmf", "d\r\n")).isEqualTo(new Digit('D', 250));
    }

    @Test
    void refusesInfoBodiesThatHoldNoDigitInWords() {
        assertRefused("application/dtmf-relay", "Duration=160", "the dtmf-relay body has no Signal line");
        assertRefused("application/dtmf-relay", "Signal=55", "Signal must be one of 0-9, *, #, A-D, not '55'");
        assertRefused("application/dtmf-relay", "Signal=5\r\nDuration=-1", "Duration must be milliseconds, 0-60000, not '-1'");
        assertRefused("application/dtmf-relay", "Signal=5\r\nDuration=99999", "Duration must be milliseconds, 0-60000, not '99999'");
        assertRefused("application/dtmf-relay", "<xml/>", "a dtmf-relay line is not 'Name=value': '<xml/>'");
        assertRefused("application/dtmf-relay", "Signal=5\r\n".repeat(30), "the DTMF body is longer than 256 characters");
        assertRefused("application/dtmf", "", "the application/dtmf body must be one of 0-9, *, #, A-D, not ''");
        assertThatThrownBy(() -> InfoDigits.parse("text/plain", "5"))
                .isInstanceOfSatisfying(InvalidDigitException.class, refusal -> assertThat(refusal.unsupportedType()).isTrue())
                .hasMessage("INFO bodies of type text/plain carry no digits here; application/dtmf-relay and application/dtmf do");
    }

    @Test
    void aFloodOfDigitsIsCutAtTheQueuesCapacityAndCounted() {
        DigitQueue queue = new DigitQueue(4);
        int added = 0;
        for (int i = 0; i < 1000; i++) {
            added += queue.add(new Digit('1', 40)) ? 1 : 0;
        }
        assertThat(added).isEqualTo(4);
        assertThat(queue.dropped()).isEqualTo(996);
        assertThat(queue.take()).contains(new Digit('1', 40));
        assertThat(queue.add(new Digit('2', 40))).isTrue();
        assertThat(queue.size()).isEqualTo(4);
    }

    private static void assertRefused(String type, String body, String message) {
        assertThatThrownBy(() -> InfoDigits.parse(type, body)).isInstanceOf(InvalidDigitException.class)
                .hasMessage(message);
    }

    private static RtpPacket packet(int sequence, long timestamp, TelephoneEvent event) {
        return RtpPacket.audio(false, 101, sequence, timestamp, 7, event.toBytes());
    }
}
