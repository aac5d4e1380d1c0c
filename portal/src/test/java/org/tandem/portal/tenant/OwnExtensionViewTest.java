package org.tandem.portal.tenant;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.Test;
import org.tandem.administration.calls.CallEntry;
import org.tandem.administration.registration.RegisteredPhone;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.portal.error.NoAccessView;
import org.tandem.portal.support.PortalViewTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.portal.support.TestAccounts.TENANT_ADMIN_USERNAME;
import static org.tandem.portal.support.TestAccounts.TENANT_USER_USERNAME;

/** A tenant user's own phone page, and every admin page refused to them whatever the address. */
class OwnExtensionViewTest extends PortalViewTest {

    @Test
    void aTenantUserSeesTheirOwnPhonePushedAndTheirCalls() throws Exception {
        String dialled = Integer.toString(70_000 + Math.floorMod(UUID.randomUUID().hashCode(), 20_000));
        Instant start = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.MILLIS);
        fixture.recordCall(fixture.acme(), "101", dialled, start, start.plusSeconds(1), start.plusSeconds(31), "ANSWERED", 200);
        signIn(TENANT_USER_USERNAME);
        navigate("my-phone");

        assertThat(_get(H2.class, spec -> spec.withId("own-extension")).getText()).isEqualTo("My phone: 101 Alice Archer");
        assertThat(OwnExtensionViewTest.<CallEntry>gridRows("own-calls")).extracting(CallEntry::callee).contains(dialled);
        _assertNone(Paragraph.class, spec -> spec.withId("not-linked"));

        String contact = "sip:101@127.0.0.1:" + (24000 + Math.floorMod(UUID.randomUUID().hashCode(), 1000));
        UUID binding = registerUntilShown(fixture.acme(), "101", contact, "own-phones");
        assertThat(phoneShown("own-phones", contact)).as("the own phone was pushed to the page").isTrue();
        fixture.unregister(binding);
        awaitPush(() -> !phoneShown("own-phones", contact));
        assertThat(phoneShown("own-phones", contact)).as("the phone that unregistered left the page").isFalse();
    }

    @Test
    void aTenantUserLinkedToNoExtensionIsToldSo() {
        submitLogin(AdministrationFixture.ACME_UNLINKED_USER, AdministrationFixture.PASSWORD);
        navigate("my-phone");
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-linked")).getText())
                .startsWith("Your login is not linked to an extension");
        assertThat(OwnExtensionViewTest.<RegisteredPhone>gridRows("own-phones")).isEmpty();
    }

    @Test
    void aTenantUserReachesNoAdminPageByItsAddress() {
        signIn(TENANT_USER_USERNAME);
        for (String path : List.of("tenants/" + fixture.acme() + "/extensions", "tenants/" + fixture.acme() + "/ring-groups",
                "tenants/" + fixture.acme() + "/registrations", "tenants/" + fixture.acme() + "/active-calls",
                "tenants/" + fixture.acme() + "/calls", "customers", "customers/" + fixture.acme(), "customers/new",
                "cluster", "api-tokens")) {
            navigate(path);
            _assertOne(NoAccessView.class);
        }
    }

    @Test
    void anAdminHasNoOwnPhonePage() {
        signIn(TENANT_ADMIN_USERNAME);
        navigate("my-phone");
        _assertOne(NoAccessView.class);
    }
}
