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
import com.smartconnect.domain.device.ResolvingSkus;
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

    /**
     * The columns a file may add after {@link #HEADER}, in any order: the SKUs the reseller mails name for the
     * model's warranty extension and its Standard and Advanced plans. An empty cell means the catalog names none; a
     * column left out keeps what the catalog holds for the device, so files written before these columns still import
     * without clearing them.
     */
    public static final List<String> SKU_COLUMNS = List.of("warrantyExtensionSku", "standardPlanSku",
            "advancedPlanSku");

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
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0).fields().stream().map(String::strip).toList();
        if (!validHeader(header)) {
            return new ImportCatalogResult.Rejected(List.of(new CatalogRowError(rows.isEmpty() ? 1 : rows.get(0).line(), "",
                    "the first line must be the header " + String.join(",", HEADER) + ", optionally followed by "
                            + String.join(", ", SKU_COLUMNS))));
        }
        List<String> skuColumns = header.subList(HEADER.size(), header.size());
        List<CatalogRowError> errors = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        Map<ProductId, Long> firstLine = new HashMap<>();
        for (CatalogCsv.Row row : rows.subList(1, rows.size())) {
            List<CatalogRowError> rowErrors = new ArrayList<>();
            CatalogEntry entry = entry(row, header, rowErrors);
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
            boolean everySkuColumn = skuColumns.size() == SKU_COLUMNS.size();
            for (CatalogEntry imported : entries) {
                CatalogEntry entry = everySkuColumn ? imported : keepingSkusLeftOut(imported, skuColumns);
                if (catalog.save(entry)) {
                    added++;
                }
            }
            return new ImportCatalogResult.Imported(added, entries.size() - added);
        });
    }

    /** {@link #HEADER}, then each of {@link #SKU_COLUMNS} at most once. */
    private static boolean validHeader(List<String> header) {
        if (header.size() < HEADER.size() || !header.subList(0, HEADER.size()).equals(HEADER)) {
            return false;
        }
        List<String> extra = header.subList(HEADER.size(), header.size());
        return SKU_COLUMNS.containsAll(extra) && extra.stream().distinct().count() == extra.size();
    }

    /** The imported entry with the SKUs of the columns the file left out taken from the device's stored entry. */
    private CatalogEntry keepingSkusLeftOut(CatalogEntry imported, List<String> skuColumns) {
        ResolvingSkus stored = catalog.find(imported.productId()).map(CatalogEntry::skus).orElse(ResolvingSkus.NONE);
        ResolvingSkus file = imported.skus();
        ResolvingSkus skus = new ResolvingSkus(
                skuColumns.contains("warrantyExtensionSku") ? file.warrantyExtension() : stored.warrantyExtension(),
                skuColumns.contains("standardPlanSku") ? file.standardPlan() : stored.standardPlan(),
                skuColumns.contains("advancedPlanSku") ? file.advancedPlan() : stored.advancedPlan());
        return new CatalogEntry(imported.productId(), imported.productKeyHash(), imported.deviceSecretHash(),
                imported.model(), imported.serialNumber(), imported.batterySku(), imported.batteryInstalledOn(),
                imported.warrantyEndsOn(), skus);
    }

    /** The entry of a row, or null with its errors (every field is checked, so all of them are reported). */
    private static CatalogEntry entry(CatalogCsv.Row row, List<String> header, List<CatalogRowError> errors) {
        List<String> f = row.fields();
        if (f.size() != header.size()) {
            errors.add(new CatalogRowError(row.line(), "", "expected " + header.size() + " fields, found " + f.size()));
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
        String warrantyExtension = optionalText(errors, line, "warrantyExtensionSku", header, f);
        String standardPlan = optionalText(errors, line, "standardPlanSku", header, f);
        String advancedPlan = optionalText(errors, line, "advancedPlanSku", header, f);
        if (!errors.isEmpty()) {
            return null;
        }
        return CatalogEntry.manufactured(productId, productKey, secret, model, serialNumber, batterySku, installedOn,
                warrantyEndsOn, ResolvingSkus.of(warrantyExtension, standardPlan, advancedPlan));
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

    /** The stripped cell of an optional column, empty when the file has no such column or leaves it empty. */
    private static String optionalText(List<CatalogRowError> errors, long line, String name, List<String> header,
            List<String> fields) {
        int column = header.indexOf(name);
        String value = column < 0 ? "" : fields.get(column).strip();
        if (value.length() > CatalogEntry.MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new CatalogRowError(line, name, name + " must be at most " + CatalogEntry.MAX_TEXT
                    + " printable characters"));
        }
        return value;
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
