package org.leukemia.application.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import org.leukemia.persistence.BatchWriter;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.leukemia.application.account.AccountService;
import org.leukemia.application.model.ModelRegistry;
import org.leukemia.persistence.MigrationReport;
import org.leukemia.persistence.SchemaMigrator;

/**
 * Brings the application to a usable state when it is deployed: the schema is migrated, an
 * administrator exists, and a model is loaded (the default one is trained on first start).
 *
 * <p>Any failure here fails the deployment, so a server never serves a half-started product.
 * The data source is declared here because it belongs to the application, not to the server:
 * its settings come from MicroProfile Config (see {@code ConfigKeys}).
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = ApplicationBootstrap.DATA_SOURCE,
        className = "${MPCONFIG=leukemia.db.datasource-class}",
        url = "${MPCONFIG=leukemia.db.url}",
        user = "${MPCONFIG=leukemia.db.user}",
        password = "${MPCONFIG=leukemia.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
// the same database outside any transaction, for the ids of an upload's rows: a block of ids is
// committed as soon as it is reserved, so that a long upload does not make the others wait
@DataSourceDefinition(
        name = BatchWriter.ID_DATA_SOURCE,
        className = "${MPCONFIG=leukemia.db.datasource-class}",
        url = "${MPCONFIG=leukemia.db.url}",
        user = "${MPCONFIG=leukemia.db.user}",
        password = "${MPCONFIG=leukemia.db.password}",
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 8)
public class ApplicationBootstrap {

    /** JNDI name of the application's data source; persistence.xml uses the same. */
    public static final String DATA_SOURCE = "java:app/jdbc/leukemia";

    private static final Logger LOG = Logger.getLogger(ApplicationBootstrap.class.getName());

    @Resource(lookup = DATA_SOURCE)
    private DataSource dataSource;

    @EJB
    private AccountService accounts;

    @EJB
    private ModelRegistry models;

    @Inject
    private ApplicationState state;

    /**
     * Migrates, then prepares accounts and the model. Runs outside a transaction because
     * Flyway manages its own; the services called afterwards open their own.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        LOG.info("Leukemia subtype assistant is starting");

        MigrationReport migration = SchemaMigrator.migrate(dataSource);
        accounts.ensureAdministrator();
        int modelVersion = models.loadActiveModel();

        state.markReady(migration.schemaVersion(), modelVersion);
        LOG.info(() -> "Leukemia subtype assistant is ready: schema " + migration.schemaVersion()
                + ", model version " + modelVersion + ". Sign in at /leukemia/ on this server"
                + " as 'admin' and create the doctors' accounts on the Users page.");
    }
}
