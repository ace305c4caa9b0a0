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

/**
 * {@code java -jar smartconnect.jar catalog import FILE}: imports a device catalog file into the configured database,
 * without starting the HTTP API, the MQTT endpoint or mail delivery. What it says goes to the log (on standard output
 * by default), like everything the jar says.
 */
final class CatalogImportCommand {

    static final int IMPORTED = 0;
    static final int FILE_HAS_ERRORS = 1;
    static final int CANNOT_RUN = 2;

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
        }
    }
}
