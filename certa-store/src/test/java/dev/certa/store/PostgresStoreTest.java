package dev.certa.store;

import org.junit.jupiter.api.Nested;

/** The contract suites against PostgreSQL: a fresh schema per test, dropped after it. */
class PostgresStoreTest {
    private TestDatabase postgres() {
        return new PostgresTestDatabase();
    }

    @Nested
    class Ledger extends CertificateLedgerContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class Search extends CertificateSearchContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class Coordination extends CoordinationContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class Acme extends AcmeLedgerContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class AcmeFinalization extends AcmeFinalizationContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class OrderLimits extends AcmeOrderLimitContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }

    @Nested
    class AccountLimits extends AcmeAccountLimitContract {
        @Override
        protected TestDatabase newDatabase() {
            return postgres();
        }
    }
}
