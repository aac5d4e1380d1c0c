package org.tandem.administration.extension;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.administration.access.Actor;
import org.tandem.administration.shared.InvalidInputException;
import org.tandem.administration.shared.OverPlanException;
import org.tandem.administration.support.AdministrationFixture;
import org.tandem.domain.extension.SipCredentials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant admin's extensions, each test on a customer of its own with a plan of three extensions. */
class ExtensionsTest {

    private final AdministrationFixture fixture = AdministrationFixture.shared();
    private Actor admin;
    private UUID tenant;
    private String domain;

    @BeforeEach
    void newCustomer() {
        AdministrationFixture.NewCustomer customer = fixture.newCustomer("Extension Co", 3);
        domain = customer.domain();
        tenant = customer.id();
        admin = fixture.actor(customer.admin());
    }

    @Test
    void aNewExtensionGetsAStrongPasswordThatIsStoredOnlyAsItsDigestHashes() throws SQLException {
        IssuedCredentials issued = fixture.extensions.create(admin, tenant, " 201 ", "Front desk");

        assertThat(issued.extension().number()).isEqualTo("201");
        assertThat(issued.sipUser()).isEqualTo("201@" + domain);
        assertThat(issued.sipPassword()).hasSize(20).matches("[a-zA-Z2-9]+");
        assertThat(issued.toString()).doesNotContain(issued.sipPassword());
        SipCredentials expected = SipCredentials.derive("201", domain, issued.sipPassword().toCharArray());
        assertThat(storedHashes(issued.extension().id())).isEqualTo(expected.ha1Md5() + " " + expected.ha1Sha256());
        assertThat(fixture.extensions.create(admin, tenant, "202", "Back office").sipPassword())
                .isNotEqualTo(issued.sipPassword());
    }

    @Test
    void aTakenNumberAndBadInputAreFieldMessages() {
        fixture.extensions.create(admin, tenant, "201", "Front desk");

        assertThatThrownBy(() -> fixture.extensions.create(admin, tenant, "201", "Again"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsExactly(java.util.Map.entry(ExtensionService.NUMBER, "Extension 201 already exists")));
        assertThatThrownBy(() -> fixture.extensions.create(admin, tenant, "2a", ""))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.messages())
                        .containsEntry(ExtensionService.NUMBER, "extension number must be 2 to 10 digits: 2a")
                        .containsEntry(ExtensionService.DISPLAY_NAME, "Display name is required"));
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).hasSize(1);
    }

    @Test
    void thePlanLimitIsEnforcedWithAClearMessage() {
        fixture.extensions.create(admin, tenant, "201", "One");
        fixture.extensions.create(admin, tenant, "202", "Two");
        fixture.extensions.create(admin, tenant, "203", "Three");

        assertThat(fixture.extensions.extensions(admin, tenant).full()).isTrue();
        assertThatThrownBy(() -> fixture.extensions.create(admin, tenant, "204", "Four"))
                .isInstanceOf(OverPlanException.class)
                .hasMessage("The plan allows 3 extensions and 3 exist: delete some, or ask your reseller for a larger plan");
    }

    @Test
    void renameNewPasswordAndDelete() throws SQLException {
        IssuedCredentials issued = fixture.extensions.create(admin, tenant, "201", "Front desk");
        UUID id = issued.extension().id();

        assertThat(fixture.extensions.rename(admin, tenant, id, "Reception").displayName()).isEqualTo("Reception");
        assertThatThrownBy(() -> fixture.extensions.rename(admin, tenant, id, "\u0007"))
                .isInstanceOf(InvalidInputException.class);
        IssuedCredentials renewed = fixture.extensions.newSipPassword(admin, tenant, id);
        assertThat(renewed.sipPassword()).isNotEqualTo(issued.sipPassword());
        assertThat(storedHashes(id)).startsWith(SipCredentials.derive("201", domain, renewed.sipPassword().toCharArray()).ha1Md5());

        fixture.extensions.delete(admin, tenant, id);
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).isEmpty();
        assertThatThrownBy(() -> fixture.extensions.delete(admin, tenant, id)).hasMessage("No such extension");
    }

    @Test
    void aCsvImportCreatesEveryLineWithItsPassword() {
        ImportResult result = fixture.extensions.importCsv(admin, tenant,
                "number,name\r\n301,Ann Able\n\n302,\"Baker, Bob \"\"BB\"\"\"\n");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.created()).extracting(c -> c.extension().number() + " " + c.extension().displayName())
                .containsExactly("301 Ann Able", "302 Baker, Bob \"BB\"");
        assertThat(result.created()).allSatisfy(c -> assertThat(c.sipPassword()).hasSize(20));
    }

    @Test
    void aCsvImportWithBadLinesNamesEachAndCreatesNothing() {
        fixture.extensions.create(admin, tenant, "201", "Existing");

        ImportResult result = fixture.extensions.importCsv(admin, tenant,
                "301,Good line\n201,Taken\n30x,Bad number\n302\n301,Twice\n303,\"open quote\n");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.created()).isEmpty();
        assertThat(result.problems()).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "2: Extension 201 already exists",
                "3: extension number must be 2 to 10 digits: 30x",
                "4: Expected two fields, number and name: 101,Alice Archer",
                "5: Extension 301 is listed twice in this file",
                "6: A quote is not closed");
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).hasSize(1);
    }

    @Test
    void aCsvImportPastThePlanCreatesNothing() {
        ImportResult result = fixture.extensions.importCsv(admin, tenant, "301,A\n302,B\n303,C\n304,D\n");

        assertThat(result.problems()).extracting(ImportProblem::message).containsExactly(
                "The plan allows 3 extensions and 0 exist, so 4 more do not fit: delete some, or ask your reseller for a larger plan");
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).isEmpty();
        assertThat(fixture.extensions.importCsv(admin, tenant, "").problems()).extracting(ImportProblem::message)
                .containsExactly("The file has no extensions: one a line, like 101,Alice Archer");
    }

    @Test
    void aCsvImportStopsReadingAtItsLineCapAndCreatesNothing() {
        StringBuilder csv = new StringBuilder("number,name\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append(10_000 + i).append(",Person ").append(i).append('\n');
        }

        ImportResult result = fixture.extensions.importCsv(admin, tenant, csv.toString());

        assertThat(result.problems()).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "1002: Reading stopped here: at most 1,000 extensions per import; split the file into several");
        assertThat(result.unlistedProblems()).isZero();
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).isEmpty();
    }

    @Test
    void aCsvImportOverItsByteCapIsNotReadAndCharactersCountAsTheirUtf8Bytes() {
        String twoByteName = "\u00e9".repeat(140_000);
        String tooLarge = "301," + twoByteName + "\n";

        ImportResult result = fixture.extensions.importCsv(admin, tenant, tooLarge);

        assertThat(tooLarge.length()).isLessThan(CsvImportLimits.DEFAULT.maxBytes());
        assertThat(result.problems()).extracting(p -> p.line() + ": " + p.message()).containsExactly(
                "0: The file is larger than 262,144 bytes, the most one import takes: split it into several");
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).isEmpty();
    }

    @Test
    void aCsvImportWithFiveHundredBadLinesListsTheFirstHundredAndCountsTheRest() {
        StringBuilder csv = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            csv.append("x").append(i).append(",Bad ").append(i).append('\n');
        }

        ImportResult result = fixture.extensions.importCsv(admin, tenant, csv.toString());

        assertThat(result.problems()).hasSize(100);
        assertThat(result.problems().getFirst().line()).isEqualTo(1);
        assertThat(result.problems().getLast().line()).isEqualTo(100);
        assertThat(result.unlistedProblems()).isEqualTo(400);
        assertThat(result.summary()).isEqualTo("Nothing was imported: 500 problems, the first 100 listed, and 400 more");
        assertThat(fixture.extensions.extensions(admin, tenant).extensions()).isEmpty();
    }

    private String storedHashes(UUID extensionId) throws SQLException {
        try (Connection connection = fixture.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select ha1_md5 || ' ' || ha1_sha256 from extension where id = ?")) {
            statement.setObject(1, extensionId);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
