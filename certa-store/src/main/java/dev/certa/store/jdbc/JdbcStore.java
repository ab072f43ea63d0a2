package dev.certa.store.jdbc;

import dev.certa.store.AcmeLedger;
import dev.certa.store.AuditCheckpoints;
import dev.certa.store.CertaStore;
import dev.certa.store.CertificateLedger;
import dev.certa.store.ClusterLocks;
import dev.certa.store.Counters;
import dev.certa.store.StoreException;
import dev.certa.store.TokenLedger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link CertaStore} over the shared schema, whichever database holds it. */
public final class JdbcStore implements CertaStore {
    private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

    private final String description;
    private final GroupCommitter writer;
    private final Reads reads;
    private final ClusterLocks locks;
    private final boolean sharedByNodes;
    private final List<AutoCloseable> resources;
    private final CertificateLedger certificates;
    private final TokenLedger tokens;
    private final Counters counters;
    private final AcmeLedger acme;
    private final AuditCheckpoints auditCheckpoints;

    /**
     * @param sharedByNodes whether other processes use the database at the same time
     * @param resources closed after the writer, in this order (connection pools, the writer's connection)
     */
    public JdbcStore(String description, GroupCommitter writer, Reads reads, ClusterLocks locks, boolean sharedByNodes,
            List<AutoCloseable> resources) {
        this.description = description;
        this.writer = writer;
        this.reads = reads;
        this.locks = locks;
        this.sharedByNodes = sharedByNodes;
        this.resources = List.copyOf(resources);
        this.certificates = new JdbcCertificateLedger(writer, reads);
        this.tokens = new JdbcTokenLedger(writer);
        this.counters = new JdbcCounters(writer, reads);
        this.acme = new JdbcAcmeLedger(writer, reads, sharedByNodes);
        this.auditCheckpoints = new JdbcAuditCheckpoints(writer, reads);
    }

    @Override
    public CertificateLedger certificates() {
        return certificates;
    }

    @Override
    public TokenLedger tokens() {
        return tokens;
    }

    @Override
    public AcmeLedger acme() {
        return acme;
    }

    @Override
    public AuditCheckpoints auditCheckpoints() {
        return auditCheckpoints;
    }

    @Override
    public Counters counters() {
        return counters;
    }

    @Override
    public ClusterLocks locks() {
        return locks;
    }

    @Override
    public boolean sharedByNodes() {
        return sharedByNodes;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean isReachable() {
        try {
            return reads.run("check the database", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT 1"); ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (StoreException e) {
            log.debug("{} is not reachable", description, e);
            return false;
        }
    }

    @Override
    public void close() {
        writer.close();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} of {} failed", resource, description, e);
            }
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
