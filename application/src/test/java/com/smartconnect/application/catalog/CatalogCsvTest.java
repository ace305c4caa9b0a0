package com.smartconnect.application.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV reader on the files people write by hand: unquoted fields, blank lines, a BOM, no final line break. */
class CatalogCsvTest {

    private static List<List<String>> fields(String text) {
        return CatalogCsv.read(text).stream().map(CatalogCsv.Row::fields).toList();
    }

    @Test
    void unquotedFieldsAreSplitOnCommasAndRecordsOnLfCrlfOrCr() {
        assertThat(fields("a,b,c\nd,e,f\r\ng,h,i\rj,k,l")).containsExactly(
                List.of("a", "b", "c"), List.of("d", "e", "f"), List.of("g", "h", "i"), List.of("j", "k", "l"));
    }

    @Test
    void aCrlfIsOneLineBreakNotTwo() {
        List<CatalogCsv.Row> rows = CatalogCsv.read("a\r\nb\r\nc\r\n");

        assertThat(rows).extracting(CatalogCsv.Row::line).containsExactly(1L, 2L, 3L);
        assertThat(rows).extracting(CatalogCsv.Row::fields)
                .containsExactly(List.of("a"), List.of("b"), List.of("c"));
    }

    @Test
    void theLastRecordNeedsNoLineBreak() {
        assertThat(fields("a,b\nc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(fields("\"quoted\"")).containsExactly(List.of("quoted"));
        assertThat(fields("x")).containsExactly(List.of("x"));
    }

    @Test
    void emptyFieldsAreKeptAsEmptyStrings() {
        assertThat(fields(",b,\n")).containsExactly(List.of("", "b", ""));
        assertThat(fields("a,")).as("a trailing comma at the end of the file").containsExactly(List.of("a", ""));
        assertThat(fields("\"\",x")).containsExactly(List.of("", "x"));
    }

    @Test
    void blankLinesCarryNoRecordButCountAsLines() {
        List<CatalogCsv.Row> rows = CatalogCsv.read("\na,b\n\n\r\nc,d\n\n");

        assertThat(rows).extracting(CatalogCsv.Row::fields).containsExactly(List.of("a", "b"), List.of("c", "d"));
        assertThat(rows).extracting(CatalogCsv.Row::line).containsExactly(2L, 5L);
        assertThat(CatalogCsv.read("")).isEmpty();
        assertThat(CatalogCsv.read("\n\n")).isEmpty();
    }

    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheFirstField() {
        assertThat(fields("\uFEFFproduct_id,key\n1,2\n")).containsExactly(List.of("product_id", "key"), List.of("1", "2"));
        assertThat(fields("a,\uFEFFb")).as("only at the start of the file").containsExactly(List.of("a", "\uFEFFb"));
    }

    @Test
    void aQuotedFieldHoldsCommasLineBreaksAndDoubledQuotes() {
        List<CatalogCsv.Row> rows = CatalogCsv.read("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n");

        assertThat(rows).extracting(CatalogCsv.Row::fields)
                .containsExactly(List.of("a,b", "say \"hi\"", "two\nlines"), List.of("next", "row"));
        assertThat(rows).extracting(CatalogCsv.Row::line).containsExactly(1L, 3L);
    }

    @Test
    void aQuoteEndingTheFileClosesItsField() {
        assertThat(fields("a,\"b\"\"\"")).containsExactly(List.of("a", "b\""));
    }

    @Test
    void aQuoteLeftOpenIsMalformedFromTheLineItsRecordStarts() {
        assertThatThrownBy(() -> CatalogCsv.read("a,b\nc,d\n\"e,f\ng\n"))
                .isInstanceOfSatisfying(CatalogCsv.Malformed.class, e -> {
                    assertThat(e.line).isEqualTo(3);
                    assertThat(e).hasMessage("a quoted field is never closed");
                });
        assertThatThrownBy(() -> CatalogCsv.read("\"")).isInstanceOf(CatalogCsv.Malformed.class);
    }

    @Test
    void textAfterAClosingQuoteIsMalformedOnItsLine() {
        assertThatThrownBy(() -> CatalogCsv.read("a\nb\n\"c\"d,e\n"))
                .isInstanceOfSatisfying(CatalogCsv.Malformed.class, e -> {
                    assertThat(e.line).isEqualTo(3);
                    assertThat(e).hasMessageContaining("after a closing quote");
                });
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsMalformedOnItsLine() {
        assertThatThrownBy(() -> CatalogCsv.read("a\n\"x\ny\",ab\"c\n"))
                .isInstanceOfSatisfying(CatalogCsv.Malformed.class, e -> {
                    assertThat(e.line).as("the line of the quote, inside a record that started on line 2").isEqualTo(3);
                    assertThat(e).hasMessageContaining("inside an unquoted field");
                });
    }

    @Test
    void aClosedQuotedFieldMayBeFollowedByACommaOrALineBreakOnly() {
        assertThat(fields("\"a\",\"b\"\r\n\"c\"\n")).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(fields("\"a\",b")).as("the next field is unquoted again").containsExactly(List.of("a", "b"));
        assertThat(fields("\"a\"\nb")).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aCarriageReturnMayEndTheFile() {
        List<CatalogCsv.Row> rows = CatalogCsv.read("a,b\r\nc\r");

        assertThat(rows).extracting(CatalogCsv.Row::fields).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(rows).extracting(CatalogCsv.Row::line).containsExactly(1L, 2L);
    }
}
