package dev.certa.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The contract suites against SQLite: a fresh file in a temporary directory per test. */
class SqliteStoreTest {
    @TempDir
    Path directory;

    private TestDatabase sqlite() {
        Path file = directory.resolve("data").resolve("certa-" + System.nanoTime() + ".db");
        return new TestDatabase() {
            @Override
            public CertaStore open() {
                return Stores.open(new StoreConfig.Sqlite(file));
            }

            @Override
            public Connection connect() throws SQLException {
                return DriverManager.getConnection("jdbc:sqlite:" + file);
            }

            @Override
            public void cleanUp() {
                // the temporary directory goes with the test
            }
        };
    }

    @Nested
    class Ledger extends CertificateLedgerContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class Search extends CertificateSearchContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class Coordination extends CoordinationContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class Acme extends AcmeLedgerContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class AcmeFinalization extends AcmeFinalizationContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class OrderLimits extends AcmeOrderLimitContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }

    @Nested
    class AccountLimits extends AcmeAccountLimitContract {
        @Override
        protected TestDatabase newDatabase() {
            return sqlite();
        }
    }
}
