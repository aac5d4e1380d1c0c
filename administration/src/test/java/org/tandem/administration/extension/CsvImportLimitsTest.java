package org.tandem.administration.extension;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportLimitsTest {

    @Test
    void unsetLimitsAreTheDefaultsAndSetOnesAreRead() {
        assertThat(CsvImportLimits.from(new Properties())).isEqualTo(new CsvImportLimits(1_000, 262_144));
        Properties set = new Properties();
        set.setProperty("tandem.csv.import.max.lines", " 50 ");
        set.setProperty("tandem.csv.import.max.bytes", "4096");
        assertThat(CsvImportLimits.from(set)).isEqualTo(new CsvImportLimits(50, 4096));
    }

    @Test
    void aBadLimitIsRefusedWithItsName() {
        Properties words = new Properties();
        words.setProperty("tandem.csv.import.max.lines", "many");
        assertThatThrownBy(() -> CsvImportLimits.from(words))
                .hasMessage("tandem.csv.import.max.lines must be a whole number, not 'many'");
        Properties zero = new Properties();
        zero.setProperty("tandem.csv.import.max.bytes", "0");
        assertThatThrownBy(() -> CsvImportLimits.from(zero))
                .hasMessage("tandem.csv.import.max.bytes must be 64 to 67108864: 0");
    }
}
