package dev.certa.store;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the contract suites: each test gets a fresh database and an open store on it. */
abstract class StoreContract {
    private final List<CertaStore> opened = new ArrayList<>();
    private TestDatabase database;
    protected CertaStore store;

    /** A new, empty database for one test. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    final void openStore() {
        database = newDatabase();
        store = open();
    }

    /** Another store on this test's database: a reopened store, or a second node. */
    protected final CertaStore open() {
        CertaStore opened = database.open();
        this.opened.add(opened);
        return opened;
    }

    protected final TestDatabase database() {
        return database;
    }

    @AfterEach
    final void closeStores() {
        try {
            opened.forEach(CertaStore::close);
        } finally {
            database.cleanUp();
        }
    }

    protected IssuedCertificateRecord recorded(Certificates certificate) {
        IssuedCertificateRecord record = certificate.record();
        store.certificates().record(record);
        return record;
    }
}
