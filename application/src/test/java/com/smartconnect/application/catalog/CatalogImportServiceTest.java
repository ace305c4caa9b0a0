package com.smartconnect.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.catalog.port.in.CatalogRowError;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.fake.DirectTransactions;
import com.smartconnect.application.fake.InMemoryDeviceCatalog;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ResolvingSkus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CatalogImportServiceTest {

    static final String HEADER = "productId,productKey,deviceSecret,model,serialNumber,batterySku,batteryInstalledOn,warrantyEndsOn\r\n";
    static final String SECRET = "s3cret-of-the-device-0123456789-abcdef";

    private final InMemoryDeviceCatalog catalog = new InMemoryDeviceCatalog();
    private final CatalogImportService service = new CatalogImportService(new DirectTransactions(), catalog);

    @Test
    void importsEveryRowHashingTheKeyAndSecret() {
        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,AS2104123456,APCRBC159,2023-03-01,2027-03-01\r\n"
                + "as21-0412-3457,7kq2 m9x4 b1c8 dy,\"" + SECRET + "\",\"SMT, 1500\",SN2,APCRBC159,2023-03-02,2027-03-02\r\n"));

        assertThat(result).isEqualTo(new ImportCatalogResult.Imported(2, 0));
        CatalogEntry entry = catalog.find(new ProductId("AS2104123457")).orElseThrow();
        assertThat(entry.model()).isEqualTo("SMT, 1500");
        assertThat(entry.deviceSecretHash().matches(SECRET)).isTrue();
        assertThat(entry.deviceSecretHash().matches(SECRET + "x")).isFalse();
        assertThat(entry.productKeyHash().matches("7KQ2M9X4B1C8DY")).isTrue();
        assertThat(entry.toString()).doesNotContain(SECRET).doesNotContain("7KQ2M9X4B1C8DY");
        assertThat(entry.batteryInstalledOn()).isEqualTo(LocalDate.of(2023, 3, 2));
    }

    @Test
    void aKnownProductIdIsUpdated() {
        service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",OLD,SN,APCRBC159,2023-03-01,2027-03-01\n"));

        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",NEW,SN,APCRBC159,2023-03-01,2027-03-01\n"
                + "AS2104123458,7KQ2M9X4B1C8DZ," + SECRET + ",NEW,SN,APCRBC159,2023-03-01,2027-03-01\n"));

        assertThat(result).isEqualTo(new ImportCatalogResult.Imported(1, 1));
        assertThat(catalog.find(new ProductId("AS2104123456")).orElseThrow().model()).isEqualTo("NEW");
    }

    @Test
    void everyMalformedRowIsReportedWithItsLineAndNothingIsImported() {
        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"
                + "AS21041234,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"
                + "\"AS2104123459\",KEY,short,M,\"multi\nline\",SKU,2023-13-01,2027-03-01\n"
                + "AS2104123460,7KQ2M9X4B1C8DZ\n"
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",,SN,SKU,2023-03-01,01.03.2027\n"));

        assertThat(result).isInstanceOf(ImportCatalogResult.Rejected.class);
        var errors = ((ImportCatalogResult.Rejected) result).errors();
        assertThat(errors).extracting(CatalogRowError::line, CatalogRowError::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "productId"),
                org.assertj.core.groups.Tuple.tuple(4L, "productKey"),
                org.assertj.core.groups.Tuple.tuple(4L, "deviceSecret"),
                org.assertj.core.groups.Tuple.tuple(4L, "serialNumber"),
                org.assertj.core.groups.Tuple.tuple(4L, "batteryInstalledOn"),
                org.assertj.core.groups.Tuple.tuple(6L, ""),
                org.assertj.core.groups.Tuple.tuple(7L, "model"),
                org.assertj.core.groups.Tuple.tuple(7L, "warrantyEndsOn"));
        assertThat(errors.get(0).message()).contains("Product ID");
        assertThat(catalog.size()).isZero();
    }

    @Test
    void aProductIdTwiceInOneFileIsAnError() {
        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,SKU,2023-03-01,2027-03-01\n"));

        assertThat(result).isEqualTo(new ImportCatalogResult.Rejected(java.util.List.of(
                new CatalogRowError(3, "productId", "Product ID AS2104123456 is already on line 2"))));
    }

    @Test
    void theSkuColumnsNameTheWarrantyExtensionAndPlanSkusOfEachRow() {
        String header = HEADER.strip() + ",warrantyExtensionSku,standardPlanSku,advancedPlanSku\n";
        ImportCatalogResult result = service.importCatalog(new ImportCatalogCommand(header
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",SMT1500RMI2UC,SN1,APCRBC159,2023-03-01,2027-03-01,"
                + "WBEXTWAR1YR-SP-01, SCSTD1Y-SMT1500 ,SCADV1Y-SMT1500\n"
                + "AS2104123457,7KQ2M9X4B1C8DZ," + SECRET + ",SRT3000XLI,SN2,APCRBC140,2023-03-01,2027-03-01,,,\n"));

        assertThat(result).isEqualTo(new ImportCatalogResult.Imported(2, 0));
        assertThat(catalog.find(new ProductId("AS2104123456")).orElseThrow().skus())
                .isEqualTo(ResolvingSkus.of("WBEXTWAR1YR-SP-01", "SCSTD1Y-SMT1500", "SCADV1Y-SMT1500"));
        assertThat(catalog.find(new ProductId("AS2104123457")).orElseThrow().skus()).as("empty cells: none")
                .isEqualTo(ResolvingSkus.NONE);
    }

    @Test
    void aFileWithoutTheSkuColumnsStillImportsAndKeepsTheSkusStored() {
        service.importCatalog(new ImportCatalogCommand(HEADER.strip() + ",advancedPlanSku,warrantyExtensionSku\n"
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",OLD,SN,APCRBC159,2023-03-01,2027-03-01,ADV-1,WEXT-1\n"));

        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",NEW,SN,APCRBC159,2023-03-01,2027-03-01\n"
                + "AS2104123458,7KQ2M9X4B1C8DZ," + SECRET + ",NEW,SN,APCRBC159,2023-03-01,2027-03-01\n")))
                .isEqualTo(new ImportCatalogResult.Imported(1, 1));
        CatalogEntry updated = catalog.find(new ProductId("AS2104123456")).orElseThrow();
        assertThat(updated.model()).isEqualTo("NEW");
        assertThat(updated.skus()).isEqualTo(ResolvingSkus.of("WEXT-1", null, "ADV-1"));
        assertThat(catalog.find(new ProductId("AS2104123458")).orElseThrow().skus()).isEqualTo(ResolvingSkus.NONE);

        service.importCatalog(new ImportCatalogCommand(HEADER.strip() + ",warrantyExtensionSku\n"
                + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",NEW,SN,APCRBC159,2023-03-01,2027-03-01,\n"));
        assertThat(catalog.find(new ProductId("AS2104123456")).orElseThrow().skus()).as("an empty cell clears it")
                .isEqualTo(ResolvingSkus.of(null, null, "ADV-1"));
    }

    @Test
    void anUnknownOrRepeatedSkuColumnOrATooLongSkuIsRefused() {
        String row = "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ",M,SN,APCRBC159,2023-03-01,2027-03-01,X\n";
        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER.strip() + ",planSku\n" + row)))
                .isInstanceOf(ImportCatalogResult.Rejected.class);
        assertThat(service.importCatalog(new ImportCatalogCommand(
                HEADER.strip() + ",standardPlanSku,standardPlanSku\n" + row.strip() + ",Y\n")))
                .isInstanceOf(ImportCatalogResult.Rejected.class);
        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER.strip() + ",standardPlanSku\n"
                + row.replace(",X", "," + "S".repeat(CatalogEntry.MAX_TEXT + 1)))))
                .isEqualTo(new ImportCatalogResult.Rejected(java.util.List.of(new CatalogRowError(2, "standardPlanSku",
                        "standardPlanSku must be at most 64 printable characters"))));
        assertThat(catalog.size()).isZero();
    }

    @Test
    void aWrongHeaderOrAnOpenQuoteRejectsTheFile() {
        assertThat(service.importCatalog(new ImportCatalogCommand("id,key\nAS2104123456,X\n")))
                .isInstanceOf(ImportCatalogResult.Rejected.class);
        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER + "\"AS2104123456,X\n")))
                .isEqualTo(new ImportCatalogResult.Rejected(java.util.List.of(
                        new CatalogRowError(2, "", "a quoted field is never closed"))));
        assertThat(catalog.size()).isZero();
    }

    @Test
    void anEmptyFileIsRejectedForItsMissingHeaderOnLineOne() {
        assertThat(service.importCatalog(new ImportCatalogCommand("")))
                .isInstanceOfSatisfying(ImportCatalogResult.Rejected.class, rejected -> assertThat(rejected.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.line()).isEqualTo(1);
                            assertThat(error.message()).startsWith("the first line must be the header productId,");
                        }));
        assertThat(service.importCatalog(new ImportCatalogCommand("\n\n")))
                .as("blank lines only").isInstanceOf(ImportCatalogResult.Rejected.class);
    }

    @Test
    void aTextOfExactlyTheMaximumLengthIsAcceptedAndOneMoreIsNot() {
        String longest = "M".repeat(CatalogEntry.MAX_TEXT);

        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER + "AS2104123456,7KQ2M9X4B1C8DZ," + SECRET + ","
                + longest + ",SN,SKU,2023-03-01,2027-03-01\n"))).isEqualTo(new ImportCatalogResult.Imported(1, 0));
        assertThat(service.importCatalog(new ImportCatalogCommand(HEADER + "AS2104123457,7KQ2M9X4B1C8DZ," + SECRET + ","
                + longest + "M,SN,SKU,2023-03-01,2027-03-01\n")))
                .isInstanceOfSatisfying(ImportCatalogResult.Rejected.class, rejected -> assertThat(rejected.errors())
                        .extracting(CatalogRowError::field).containsExactly("model"));
    }
}
