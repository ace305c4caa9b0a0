package com.smartconnect.application.catalog;

import com.smartconnect.application.catalog.port.in.CatalogRowError;
import com.smartconnect.application.catalog.port.in.ImportCatalogCommand;
import com.smartconnect.application.catalog.port.in.ImportCatalogResult;
import com.smartconnect.application.catalog.port.in.ImportCatalogUseCase;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.DeviceLabel;
import com.smartconnect.domain.device.DeviceSecret;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog import: every row is checked first and every error collected, so one run reports all that is wrong
 * with a file; only a file without errors is stored, in one transaction. The Product ID and Product Key are
 * normalised as typed by people (the file is often edited by hand); the secret is taken as it is.
 */
public final class CatalogImportService implements ImportCatalogUseCase {

    /** The header of the import file, in this order. */
    public static final List<String> HEADER = List.of("productId", "productKey", "deviceSecret", "model",
            "serialNumber", "batterySku", "batteryInstalledOn", "warrantyEndsOn");

    private final Transactions transactions;
    private final DeviceCatalog catalog;

    @Inject
    public CatalogImportService(Transactions transactions, DeviceCatalog catalog) {
        this.transactions = transactions;
        this.catalog = catalog;
    }

    @Override
    public ImportCatalogResult importCatalog(ImportCatalogCommand command) {
        List<CatalogCsv.Row> rows;
        try {
            rows = CatalogCsv.read(command.csv());
        } catch (CatalogCsv.Malformed malformed) {
            return new ImportCatalogResult.Rejected(List.of(new CatalogRowError(malformed.line, "", malformed.getMessage())));
        }
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).toList().equals(HEADER)) {
            return new ImportCatalogResult.Rejected(List.of(new CatalogRowError(rows.isEmpty() ? 1 : rows.get(0).line(), "",
                    "the first line must be the header " + String.join(",", HEADER))));
        }
        List<CatalogRowError> errors = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        Map<ProductId, Long> firstLine = new HashMap<>();
        for (CatalogCsv.Row row : rows.subList(1, rows.size())) {
            List<CatalogRowError> rowErrors = new ArrayList<>();
            CatalogEntry entry = entry(row, rowErrors);
            if (entry != null) {
                Long earlier = firstLine.putIfAbsent(entry.productId(), row.line());
                if (earlier != null) {
                    rowErrors.add(new CatalogRowError(row.line(), "productId",
                            "Product ID " + entry.productId() + " is already on line " + earlier));
                }
            }
            if (rowErrors.isEmpty()) {
                entries.add(entry);
            }
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty()) {
            return new ImportCatalogResult.Rejected(errors);
        }
        return transactions.inTransaction(() -> {
            int added = 0;
            for (CatalogEntry entry : entries) {
                if (catalog.save(entry)) {
                    added++;
                }
            }
            return new ImportCatalogResult.Imported(added, entries.size() - added);
        });
    }

    /** The entry of a row, or null with its errors (every field is checked, so all of them are reported). */
    private static CatalogEntry entry(CatalogCsv.Row row, List<CatalogRowError> errors) {
        List<String> f = row.fields();
        if (f.size() != HEADER.size()) {
            errors.add(new CatalogRowError(row.line(), "", "expected " + HEADER.size() + " fields, found " + f.size()));
            return null;
        }
        long line = row.line();
        ProductId productId = field(errors, line, "productId", () -> DeviceLabel.productId(f.get(0)));
        ProductKey productKey = field(errors, line, "productKey", () -> DeviceLabel.productKey(f.get(1)));
        DeviceSecret secret = field(errors, line, "deviceSecret", () -> new DeviceSecret(f.get(2)));
        String model = text(errors, line, "model", f.get(3));
        String serialNumber = text(errors, line, "serialNumber", f.get(4));
        String batterySku = text(errors, line, "batterySku", f.get(5));
        LocalDate installedOn = date(errors, line, "batteryInstalledOn", f.get(6));
        LocalDate warrantyEndsOn = date(errors, line, "warrantyEndsOn", f.get(7));
        if (!errors.isEmpty()) {
            return null;
        }
        return CatalogEntry.manufactured(productId, productKey, secret, model, serialNumber, batterySku, installedOn,
                warrantyEndsOn);
    }

    private static <T> T field(List<CatalogRowError> errors, long line, String name,
            java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (DomainViolation invalid) {
            errors.add(new CatalogRowError(line, name, invalid.getMessage()));
            return null;
        }
    }

    private static String text(List<CatalogRowError> errors, long line, String name, String value) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            errors.add(new CatalogRowError(line, name, name + " is required"));
        } else if (stripped.length() > CatalogEntry.MAX_TEXT || stripped.chars().anyMatch(Character::isISOControl)) {
            errors.add(new CatalogRowError(line, name, name + " must be at most " + CatalogEntry.MAX_TEXT
                    + " printable characters"));
        }
        return stripped;
    }

    private static LocalDate date(List<CatalogRowError> errors, long line, String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new CatalogRowError(line, name, name + " must be a date as YYYY-MM-DD, not '" + value + "'"));
            return null;
        }
    }
}
