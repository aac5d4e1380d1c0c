package org.tandem.administration.extension;

import org.tandem.domain.settings.NodeSettings;

import java.util.Properties;

/**
 * How much one CSV import takes: at most {@code maxLines} extensions and {@code maxBytes} bytes
 * (UTF-8). Both bound the work one request makes (each line is checked against the database) and
 * how long it holds the tenant's number lock. Settings {@code TANDEM_CSV_IMPORT_MAX_LINES} and
 * {@code TANDEM_CSV_IMPORT_MAX_BYTES} (docs/operations.md).
 */
public record CsvImportLimits(int maxLines, int maxBytes) {

    public static final String MAX_LINES_PROPERTY = "tandem.csv.import.max.lines";
    public static final String MAX_BYTES_PROPERTY = "tandem.csv.import.max.bytes";
    public static final CsvImportLimits DEFAULT = new CsvImportLimits(1_000, 256 * 1024);

    public CsvImportLimits {
        if (maxLines < 1 || maxLines > 100_000) {
            throw new IllegalArgumentException(MAX_LINES_PROPERTY + " must be 1 to 100000: " + maxLines);
        }
        if (maxBytes < 64 || maxBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException(MAX_BYTES_PROPERTY + " must be 64 to 67108864: " + maxBytes);
        }
    }

    public static CsvImportLimits fromSystemProperties() {
        return from(System.getProperties());
    }

    /** The limits {@code properties} set, each one not set at its default. */
    public static CsvImportLimits from(Properties properties) {
        return new CsvImportLimits(NodeSettings.wholeNumber(properties, MAX_LINES_PROPERTY, DEFAULT.maxLines()),
                NodeSettings.wholeNumber(properties, MAX_BYTES_PROPERTY, DEFAULT.maxBytes()));
    }
}
