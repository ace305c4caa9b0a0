package com.smartconnect.bootstrap;

import com.smartconnect.application.catalog.port.in.CatalogRowError;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code java -jar smartconnect.jar catalog import FILE}: imports a device catalog file into the configured database,
 * without starting the HTTP API, the MQTT endpoint or mail delivery. What it says goes to the log (on standard output
 * by default), like everything the jar says, and never as a stack trace: exit code {@link #IMPORTED} when imported,
 * {@link #FILE_HAS_ERRORS} when the file has errors (each said with its line, nothing imported), {@link #CANNOT_RUN}
 * when the command cannot run (one line saying why and what to do).
 */
final class CatalogImportCommand {

    static final int IMPORTED = 0;
    static final int FILE_HAS_ERRORS = 1;
    static final int CANNOT_RUN = 2;

    /** H2's "Database may be already in use": another process holds the database file. */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private static final System.Logger LOG = System.getLogger(CatalogImportCommand.class.getName());

    private CatalogImportCommand() {
    }

    static int run(Path file) {
        return run(file, Configuration.fromEnvironment());
    }

    static int run(Path file, Configuration configuration) {
        String csv;
        try {
            csv = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            LOG.log(Level.ERROR, "The catalog file {0} is not UTF-8 text", file);
            return CANNOT_RUN;
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Cannot read the catalog file {0}: {1}", file, e.getMessage());
            return CANNOT_RUN;
        }
        Optional<String> unreachable = whyTheDatabaseCannotBeOpened(configuration, file);
        if (unreachable.isPresent()) {
            LOG.log(Level.ERROR, unreachable.get());
            return CANNOT_RUN;
        }
        try (SmartConnect smartConnect = SmartConnect.builder().configuration(configuration.withPorts(-1, -1)).build()) {
            ImportCatalogResult result = smartConnect.devices().importCatalog().importCatalog(new ImportCatalogCommand(csv));
            return switch (result) {
                case ImportCatalogResult.Imported imported -> {
                    LOG.log(Level.INFO, "Imported {0}: {1} devices added, {2} updated", file, imported.added(),
                            imported.updated());
                    yield IMPORTED;
                }
                case ImportCatalogResult.Rejected rejected -> {
                    for (CatalogRowError error : rejected.errors()) {
                        LOG.log(Level.ERROR, "{0}: {1}", file, error);
                    }
                    LOG.log(Level.ERROR, "Nothing was imported: {0} has {1} errors", file, rejected.errors().size());
                    yield FILE_HAS_ERRORS;
                }
            };
        } catch (Configuration.InvalidConfiguration e) {
            LOG.log(Level.ERROR, "SmartConnect cannot start: {0}", e.getMessage());
            return CANNOT_RUN;
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Nothing was imported: {0}", oneLine(e));
            return CANNOT_RUN;
        }
    }

    /**
     * Why the configured database cannot be opened, if it cannot. One connection is opened and closed before the
     * pool starts: the pool logs its own failure with a stack trace, and the operator needs one line instead.
     */
    static Optional<String> whyTheDatabaseCannotBeOpened(Configuration configuration, Path file) {
        try (Connection ignored = DriverManager.getConnection(configuration.jdbcUrl(),
                configuration.dbUser().orElse(""), configuration.dbPassword().orElse(""))) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(whyCannotOpen(configuration, file, e));
        }
    }

    /**
     * The line that says why the database cannot be opened, and what to do: when a running server holds it, the
     * request that imports the file through that server instead.
     */
    static String whyCannotOpen(Configuration configuration, Path file, SQLException failure) {
        String database = configuration.dbUrl().isEmpty()
                ? "The database " + configuration.dataDir().resolve("smartconnect.mv.db")
                : "The configured database";
        if (failure.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
            return database + " is in use by a running SmartConnect server: stop it, or import through the running "
                    + "server: " + throughTheServer(configuration, file);
        }
        return database + " cannot be opened: " + oneLine(failure);
    }

    /** The curl command that imports the file through a server of this configuration, its key left to the operator. */
    static String throughTheServer(Configuration configuration, Path file) {
        String port = configuration.httpPort() > 0 ? Integer.toString(configuration.httpPort()) : "PORT";
        // The key is never printed: the operator has it, and logs keep what they are given.
        return "curl -sS --fail-with-body -H \"Authorization: Bearer $KEY\" -H 'Content-Type: text/csv' --data-binary @'"
                + file + "' http://localhost:" + port + "/api/v1/integration/catalog (KEY: an integration key of "
                + "SMARTCONNECT_INTEGRATION_KEYS" + (configuration.integrationKeys().isEmpty()
                        ? ", which the server needs set: it has none in this environment)" : ")");
    }

    /** The innermost cause's message, on one line. */
    static String oneLine(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.strip().lines().findFirst().orElse(cause.getClass().getSimpleName());
    }
}
