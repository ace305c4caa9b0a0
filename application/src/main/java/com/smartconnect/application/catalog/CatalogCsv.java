package com.smartconnect.application.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader, small enough to keep the application free of libraries: fields separated by commas, records
 * by CRLF or LF, a field in double quotes may hold commas, line breaks and doubled quotes. Each record knows the
 * line it starts on, for error messages.
 */
final class CatalogCsv {

    /** One record of the file and the (1-based) line it starts on. */
    record Row(long line, List<String> fields) {
    }

    /** The file cannot be read as CSV at all from {@code line} on (a quote left open). */
    static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final long line;

        Malformed(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private CatalogCsv() {
    }

    static List<Row> read(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long rowStart = 1;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean atFieldStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && atFieldStart) {
                quoted = true;
                wasQuoted = true;
                atFieldStart = false;
                i++;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                wasQuoted = false;
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                addUnlessBlank(rows, rowStart, fields);
                fields = new ArrayList<>();
                atFieldStart = true;
                wasQuoted = false;
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                rowStart = line;
            } else {
                if (wasQuoted) {
                    throw new Malformed(line, "text after a closing quote: a quote inside a field must be doubled");
                }
                if (c == '"') {
                    throw new Malformed(line, "a quote inside an unquoted field: quote the whole field and double it");
                }
                field.append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (quoted) {
            throw new Malformed(rowStart, "a quoted field is never closed");
        }
        if (!atFieldStart || !fields.isEmpty() || field.length() > 0) {
            fields.add(field.toString());
            addUnlessBlank(rows, rowStart, fields);
        }
        return rows;
    }

    /** An empty line carries no record; RFC 4180 allows one at the end, and people leave them elsewhere too. */
    private static void addUnlessBlank(List<Row> rows, long line, List<String> fields) {
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            rows.add(new Row(line, List.copyOf(fields)));
        }
    }
}
