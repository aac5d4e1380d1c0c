package org.tandem.administration.shared;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchersTest {

    @Test
    void aFailingWatcherIsLoggedAndTheOthersAreStillTold() {
        List<String> told = new ArrayList<>();
        List<Runnable> watchers = List.of(() -> told.add("first"), () -> {
            throw new IllegalStateException("the browser tab is gone");
        }, () -> told.add("third"));

        Watchers.tellAll(watchers, System.getLogger(WatchersTest.class.getName()), "A test watcher failed");

        assertThat(told).containsExactly("first", "third");
    }
}
