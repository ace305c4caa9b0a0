package com.smartconnect.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CatalogCsvProperties {

    /** Whatever the fields hold (commas, quotes, line breaks), RFC 4180 quoting brings them back as they were. */
    @Property
    void quotedFieldsAreReadBackAsTheyWereWritten(@ForAll("files") List<List<String>> rows, @ForAll boolean crlf) {
        String newline = crlf ? "\r\n" : "\n";
        String text = rows.stream()
                .map(row -> row.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")))
                .collect(Collectors.joining(newline, "", newline));

        List<CatalogCsv.Row> read = CatalogCsv.read(text);

        assertThat(read).extracting(CatalogCsv.Row::fields).containsExactlyElementsOf(rows);
    }

    /** A record starts on the line after the last line break of the records before it. */
    @Property
    void eachRecordKnowsTheLineItStartsOn(@ForAll("files") List<List<String>> rows) {
        String text = rows.stream()
                .map(row -> row.stream().map(f -> "\"" + f.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));

        List<CatalogCsv.Row> read = CatalogCsv.read(text);

        long line = 1;
        for (int i = 0; i < rows.size(); i++) {
            assertThat(read.get(i).line()).isEqualTo(line);
            line += 1 + rows.get(i).stream().mapToLong(f -> f.chars().filter(c -> c == '\n').count()).sum();
        }
    }

    @Provide
    Arbitrary<List<List<String>>> files() {
        Arbitrary<String> field = Arbitraries.strings().withChars("ab1 ,\"\n-").ofMinLength(1).ofMaxLength(12);
        return field.list().ofMinSize(2).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(6);
    }
}
