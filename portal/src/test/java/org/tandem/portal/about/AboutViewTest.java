package org.tandem.portal.about;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tandem.portal.support.PortalViewTest;
import org.tandem.portal.support.TestAccounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AboutViewTest extends PortalViewTest {

    /** Where Debian's asterisk-moh-opsound-wav names its artists (./tandem test installs it). */
    private static final Path MUSIC_COPYRIGHT = Path.of("/usr/share/doc/asterisk-moh-opsound-wav/copyright");
    /** Its credit lines: "macroform-cold_day - Paul Shuler (Macroform)". */
    private static final Pattern TRACK_CREDIT = Pattern.compile("(?m)^[a-z_]+-[a-z_]+ - (.+)$");

    @ParameterizedTest
    @ValueSource(strings = {TestAccounts.OPERATOR_USERNAME, TestAccounts.RESELLER_USERNAME,
            TestAccounts.TENANT_ADMIN_USERNAME, TestAccounts.TENANT_USER_USERNAME})
    void everyRoleReachesItFromTheMenuAndReadsTheCredits(String username) {
        signIn(username);
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getPath).contains("about");

        navigate("about");

        _assertOne(AboutView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("prompts-credit")).getText())
                .contains("Allison Smith / Digium, CC BY-SA 3.0");
        assertThat(_get(Anchor.class, spec -> spec.withId("licence")).getHref())
                .isEqualTo("https://creativecommons.org/licenses/by-sa/3.0/");
    }

    @Test
    void namesEveryArtistTheMusicPackageNames() throws Exception {
        Matcher credits = TRACK_CREDIT.matcher(Files.readString(MUSIC_COPYRIGHT));
        List<String> artists = credits.results().map(credit -> credit.group(1).strip()).distinct().toList();
        assertThat(artists).containsExactlyInAnyOrder("Paul Shuler (Macroform)", "Manolo Camp", "Reno Project");
        signIn(TestAccounts.TENANT_USER_USERNAME);

        navigate("about");

        String page = String.join("\n", _find(ListItem.class).stream().map(ListItem::getText).toList());
        assertThat(artists).allSatisfy(artist -> assertThat(page).contains(artist + ", CC BY-SA 3.0"));
    }

    @Test
    void opensForNobodySignedOut() {
        navigate("about");

        _assertNone(AboutView.class);
    }
}
