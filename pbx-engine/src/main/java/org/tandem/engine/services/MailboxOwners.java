package org.tandem.engine.services;

import org.tandem.domain.tenant.PromptLanguage;
import org.tandem.domain.voicemail.Mailbox;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The owners of mailboxes: their extension's and tenant's names and the tenant's prompt language. */
@FunctionalInterface
public interface MailboxOwners {

    /** The owner of {@code mailbox}; empty if its extension is gone. Throws when the database cannot be read. */
    Optional<MailboxOwner> of(Mailbox mailbox);

    /** The owners in the database, plain JDBC. */
    static MailboxOwners in(DataSource data) {
        return mailbox -> {
            try (Connection connection = data.getConnection();
                 PreparedStatement query = connection.prepareStatement("""
                         select e.display_name, t.company_name, t.prompt_language
                         from extension e join tenant t on t.id = e.tenant_id
                         where e.id = ? and e.tenant_id = ?""")) {
                query.setObject(1, mailbox.extensionId());
                query.setObject(2, mailbox.tenantId());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Optional.of(new MailboxOwner(row.getString(1), row.getString(2),
                            new PromptLanguage(row.getString(3)))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the owner of mailbox " + mailbox.extension().digits()
                        + " cannot be read", e);
            }
        };
    }
}
