package org.tandem.engine;

import java.lang.management.ManagementFactory;

/** The heap a test's process uses, for tests that show something leaks no memory. */
public final class HeapUse {

    private HeapUse() {
    }

    /** Used heap after full collections: the least of a few readings, as a collection may run late. */
    public static long afterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(150);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
