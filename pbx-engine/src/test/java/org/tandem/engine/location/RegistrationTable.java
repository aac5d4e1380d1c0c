package org.tandem.engine.location;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.tandem.domain.extension.ExtensionNumber;
import org.tandem.domain.registration.AddressOfRecord;
import org.tandem.engine.registrar.RegistrarDatabase;
import org.tandem.storage.jdbc.JdbcRegistrations;

import static org.tandem.engine.registrar.RegistrarDatabase.ALPHA;

/**
 * For a whole test class: the run's shared database ({@link RegistrarDatabase#shared}) and the real
 * registration table in it. Register it as a static field with {@code @RegisterExtension}.
 */
final class RegistrationTable implements BeforeAllCallback {

    private RegistrarDatabase db;
    private JdbcRegistrations table;

    @Override
    public void beforeAll(ExtensionContext context) {
        db = RegistrarDatabase.shared(context);
        table = new JdbcRegistrations(db.dataSource());
    }

    RegistrarDatabase db() {
        return db;
    }

    JdbcRegistrations table() {
        return table;
    }

    /** The address of a new extension of tenant alpha in {@code in}. */
    static AddressOfRecord newAddress(RegistrarDatabase in) {
        return new AddressOfRecord(in.tenantId(ALPHA), new ExtensionNumber(in.newExtension()));
    }
}
