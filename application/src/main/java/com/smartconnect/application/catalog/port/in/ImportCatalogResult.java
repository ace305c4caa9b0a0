package com.smartconnect.application.catalog.port.in;

import java.util.List;

/** The answer to a catalog import. */
public sealed interface ImportCatalogResult {

    /** Every row was stored, in one transaction: {@code added} new devices, {@code updated} known ones. */
    record Imported(int added, int updated) implements ImportCatalogResult {
    }

    /** Nothing was stored: every malformed row is listed, by line number. */
    record Rejected(List<CatalogRowError> errors) implements ImportCatalogResult {

        public Rejected {
            errors = List.copyOf(errors);
        }
    }
}
