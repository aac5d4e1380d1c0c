package org.tandem.portal.support;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.portal.error.NotFoundView;
import org.tandem.portal.security.SignIn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browserless view tests: a fresh portal session per test, opened at the root, on the
 * real services and a real PostgreSQL (the administration fixture, shared by the JVM's tests).
 */
public abstract class PortalViewTest {

    protected final AdministrationFixture fixture = AdministrationFixture.shared();

    @BeforeEach
    void openPortal() {
        BrowserlessPortal.start(fixture.services());
    }

    @AfterEach
    void closePortal() {
        BrowserlessPortal.stop();
    }

    protected static void navigate(String path) {
        UI.getCurrent().navigate(path);
    }

    /** Opening {@code path} shows the not-found page, saying there is no such customer (and nothing more). */
    protected static void assertNoSuchCustomerAt(String path) {
        navigate(path);
        _assertOne(NotFoundView.class);
        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("No such customer");
    }

    /** The path the browser's address bar would show, without the leading slash. */
    protected static String currentPath() {
        return UI.getCurrent().getActiveViewLocation().getPath();
    }

    /** The landing view's greeting, as the user reads it. */
    protected static String greetingText() {
        return _get(H2.class, spec -> spec.withId("greeting")).getText();
    }

    /** The landing view's line naming the user's role. */
    protected static String roleText() {
        return _get(Paragraph.class, spec -> spec.withId("role")).getText();
    }

    /** Signs in as the sign-in page would, landing on home if the username and password are right. */
    protected static SignIn.Outcome submitLogin(String username, String password) {
        return BrowserlessPortal.signIn(username, password);
    }

    protected static void signIn(String username) {
        submitLogin(username, TestAccounts.PASSWORD);
    }

    /** The rows of the grid with id {@code gridId}, as the view holds them. */
    @SuppressWarnings("unchecked")
    protected static <T> List<T> gridRows(String gridId) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withId(gridId));
        List<T> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        return rows;
    }

    /** Runs what the server pushed (Karibu's stand-in for the browser) until {@code done}, for up to 3 s. */
    protected static void awaitPush(BooleanSupplier done) throws InterruptedException {
        BrowserlessPortal.awaitPush(done, Duration.ofSeconds(3));
    }

    /** Whether the grid {@code gridId} of registered phones lists {@code contact}. */
    protected static boolean phoneShown(String gridId, String contact) {
        return PortalViewTest.<RegisteredPhone>gridRows(gridId).stream().anyMatch(phone -> phone.contact().equals(contact));
    }

    /**
     * Registers {@code contact} as a phone of extension {@code number} of {@code tenant} until the grid
     * {@code gridId} shows it pushed, 15 s at most: the node's feed starts with the first watcher, and a
     * binding written before it listens is missed. Returns the binding last written.
     */
    protected UUID registerUntilShown(UUID tenant, String number, String contact, String gridId)
            throws InterruptedException {
        UUID binding = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!phoneShown(gridId, contact) && System.nanoTime() < deadline) {
            if (binding != null) {
                fixture.unregister(binding);
            }
            binding = fixture.register(tenant, number, contact);
            awaitPush(() -> phoneShown(gridId, contact));
        }
        return binding;
    }
}
