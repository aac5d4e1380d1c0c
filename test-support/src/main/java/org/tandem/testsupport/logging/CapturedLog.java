package org.tandem.testsupport.logging;

import java.text.MessageFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages one logger gives at {@code least} or above from {@link #start} until {@link #close},
 * each with its parameters filled in, and kept off the console meanwhile. The product logs from its
 * own threads, so messages may come from any thread.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Handler handler;
    private final boolean toParentHandlers;

    private CapturedLog(Logger logger, Level least) {
        this.logger = logger;
        this.toParentHandlers = logger.getUseParentHandlers();
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= least.intValue()) {
                    messages.add(MessageFormat.format(record.getMessage(), record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    /** Starts capturing what the logger named after {@code source} gives at {@code least} or above. */
    public static CapturedLog start(Class<?> source, Level least) {
        CapturedLog log = new CapturedLog(Logger.getLogger(source.getName()), least);
        log.logger.addHandler(log.handler);
        log.logger.setUseParentHandlers(false);
        return log;
    }

    /** What was captured so far, oldest first. */
    public List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(toParentHandlers);
    }
}
