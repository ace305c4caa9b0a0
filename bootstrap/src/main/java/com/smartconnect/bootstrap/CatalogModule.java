package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.smartconnect.application.catalog.CatalogImportService;
import com.smartconnect.application.catalog.port.in.ImportCatalogUseCase;

/** The catalog context: the units made, imported from the factory's CSV. */
final class CatalogModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ImportCatalogUseCase.class).to(CatalogImportService.class).in(Scopes.SINGLETON);
    }
}
