package com.smartconnect.application.catalog.port.in;

/**
 * Fills the device catalog from the manufacturing data (CSV, see device-protocol.md): all rows or none. It is how
 * devices, the simulator's included, become known to the server.
 */
public interface ImportCatalogUseCase {

    ImportCatalogResult importCatalog(ImportCatalogCommand command);
}
