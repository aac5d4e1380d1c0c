package org.tandem.portal.about;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.tandem.portal.layout.MainLayout;

import java.util.List;

/**
 * Open to every signed-in role. Credits the recordings callers hear, as their licence (CC BY-SA 3.0)
 * requires: the system prompts and each music-on-hold artist, named as the Debian packages' copyright
 * files name them.
 */
@Route(value = "about", layout = MainLayout.class)
@PageTitle("About | Tandem")
public class AboutView extends VerticalLayout {

    static final String LICENCE = "CC BY-SA 3.0";
    static final String LICENCE_ADDRESS = "https://creativecommons.org/licenses/by-sa/3.0/";
    static final String PROMPTS_CREDIT = "Allison Smith / Digium, " + LICENCE;

    /** asterisk-moh-opsound-wav's tracks and artists, from its copyright file. */
    static final List<String> MUSIC_CREDITS = List.of(
            "\"Cold Day\", \"Robot Dity\" and \"The Simplicity\" by Paul Shuler (Macroform), " + LICENCE,
            "\"Morning Coffee\" by Manolo Camp, " + LICENCE,
            "\"System\" by Reno Project, " + LICENCE);

    public AboutView() {
        H2 title = new H2("About Tandem");
        Paragraph what = new Paragraph("Tandem is a multi-tenant hosted PBX.");

        Paragraph prompts = new Paragraph("The voice prompts callers hear (voicemail, menus, numbers) are recorded by "
                + PROMPTS_CREDIT + " (Asterisk's core sounds, as Debian packages them).");
        prompts.setId("prompts-credit");

        UnorderedList music = new UnorderedList();
        music.setId("music-credits");
        MUSIC_CREDITS.forEach(credit -> music.add(new ListItem(credit)));

        Anchor licence = new Anchor(LICENCE_ADDRESS, "The Creative Commons Attribution-ShareAlike 3.0 licence");
        licence.setId("licence");
        add(title, what, new H3("Prompts"), prompts, new H3("Music on hold"), music, licence);
    }
}
