package com.smartconnect.application.catalog.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an import error reads in the import's report: the line, the field when there is one, the message. */
class CatalogRowErrorTest {

    @Test
    void anErrorOfAFieldNamesTheLineAndTheField() {
        assertThat(new CatalogRowError(12, "product_key", "not a product key"))
                .hasToString("line 12 (product_key): not a product key");
    }

    @Test
    void anErrorOfTheWholeRecordNamesTheLineOnly() {
        assertThat(new CatalogRowError(3, "", "a quoted field is never closed"))
                .hasToString("line 3: a quoted field is never closed");
    }
}
