package org.tandem.testsupport.beans;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InjectionTest {

    interface Accounts {
    }

    record MemoryAccounts() implements Accounts {
    }

    record Feed(String name) {
    }

    static class Base {
        @Inject
        private Accounts accounts;
        @Resource
        private Executor executor;
    }

    static class Service extends Base {
        @Inject
        private Feed feed;
        private final String notInjected = "kept";
    }

    static class TwoOfAKind {
        @Inject
        private Accounts first;
        @Inject
        private Accounts second;
    }

    @Test
    void setsTheBeansOwnAndInheritedInjectedFieldsByType() {
        MemoryAccounts accounts = new MemoryAccounts();
        Feed feed = new Feed("registrations");
        Executor executor = Runnable::run;

        Service service = Injection.into(new Service(), feed, executor, accounts);

        assertThat(((Base) service).accounts).isSameAs(accounts);
        assertThat(((Base) service).executor).isSameAs(executor);
        assertThat(service.feed).isSameAs(feed);
        assertThat(service.notInjected).isEqualTo("kept");
    }

    @Test
    void refusesABeanWithAnInjectFieldLeftUnset() {
        Service service = new Service();

        assertThatThrownBy(() -> Injection.into(service, new MemoryAccounts(), (Executor) Runnable::run))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Service.feed");
        assertThat(((Base) service).accounts).as("nothing set on a refused bean").isNull();
    }

    @Test
    void refusesADependencyThatFitsNoField() {
        assertThatThrownBy(() -> Injection.into(new Service(), new MemoryAccounts(), new Feed("f"), "stray"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("fits no injected field");
    }

    @Test
    void refusesADependencyThatFitsTwoFields() {
        assertThatThrownBy(() -> Injection.into(new TwoOfAKind(), new MemoryAccounts()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TwoOfAKind.first")
                .hasMessageContaining("TwoOfAKind.second");
    }

    @Test
    void refusesTwoDependenciesForOneField() {
        assertThatThrownBy(() -> Injection.into(new Service(), new Feed("a"), new Feed("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Service.feed");
    }

    @Test
    void refusesANullDependency() {
        assertThatThrownBy(() -> Injection.into(new Service(), new MemoryAccounts(), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Service");
    }

    @Test
    void namesTheTypesAResolverHasToFind() {
        assertThat(Injection.dependencyTypes(Service.class)).isEqualTo(List.of(Feed.class, Accounts.class, Executor.class));
    }
}
