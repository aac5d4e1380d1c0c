package org.tandem.media.sounds;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhrasesTest {

    @Test
    void saysNumbersTheWayTheSoundSetIsRecorded() {
        assertThat(Phrases.number(0)).containsExactly("digits/0");
        assertThat(Phrases.number(15)).containsExactly("digits/15");
        assertThat(Phrases.number(20)).containsExactly("digits/20");
        assertThat(Phrases.number(23)).containsExactly("digits/20", "digits/3");
        assertThat(Phrases.number(100)).containsExactly("digits/1", "digits/hundred");
        assertThat(Phrases.number(342)).containsExactly("digits/3", "digits/hundred", "digits/40", "digits/2");
        assertThat(Phrases.number(1205)).containsExactly("digits/1", "digits/thousand", "digits/2", "digits/hundred", "digits/5");
        assertThat(Phrases.number(2_000_017)).containsExactly("digits/2", "digits/million", "digits/17");
        assertThat(Phrases.number(-5)).containsExactly("digits/minus", "digits/5");
        assertThat(Phrases.PROMPTS).containsAll(Phrases.number(987_654_321));
        assertThatThrownBy(() -> Phrases.number(1_000_000_000_000L)).hasMessageContaining("too large to say");
    }

    @Test
    void saysAnExtensionDigitByDigit() {
        assertThat(Phrases.digits("101")).containsExactly("digits/1", "digits/0", "digits/1");
        assertThat(Phrases.digits("*9#")).containsExactly("digits/star", "digits/9", "digits/pound");
        assertThatThrownBy(() -> Phrases.digits("10a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'10a' is not a string of digits, * and #");
        assertThatThrownBy(() -> Phrases.digits("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysAMailboxsCounts() {
        assertThat(Phrases.messageCounts(0, 0)).containsExactly("vm-youhave", "vm-no", "vm-messages");
        assertThat(Phrases.messageCounts(1, 0)).containsExactly("vm-youhave", "digits/1", "vm-INBOX", "vm-message");
        assertThat(Phrases.messageCounts(3, 1)).containsExactly("vm-youhave", "digits/3", "vm-INBOX", "vm-messages",
                "vm-and", "digits/1", "vm-Old", "vm-message");
        assertThat(Phrases.messageCounts(0, 21)).containsExactly("vm-youhave", "digits/20", "digits/1", "vm-Old", "vm-messages");
        assertThatThrownBy(() -> Phrases.messageCounts(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
