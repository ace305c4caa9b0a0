package com.smartconnect.application.catalog.port.in;

/**
 * What is wrong with one line of a catalog import: the line number in the file (1 is the header), the column (or
 * empty when the whole line is wrong) and a message naming the field.
 */
public record CatalogRowError(long line, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + (field.isEmpty() ? "" : " (" + field + ")") + ": " + message;
    }
}
