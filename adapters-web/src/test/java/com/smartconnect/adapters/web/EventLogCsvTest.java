package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fields of the event log's CSV file: RFC 4180 quoting, and no formula a spreadsheet would run. */
class EventLogCsvTest {

    @Test
    void aPlainFieldStaysAsItIsAndOneWithACommaQuoteOrLineBreakIsQuoted() {
        assertThat(EventLogCsv.field("ON_BATTERY")).isEqualTo("ON_BATTERY");
        assertThat(EventLogCsv.field("{\"a\":1,\"b\":2}")).isEqualTo("\"{\"\"a\"\":1,\"\"b\"\":2}\"");
        assertThat(EventLogCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aFieldASpreadsheetWouldTakeForAFormulaIsKeptAsText() {
        assertThat(EventLogCsv.field("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(EventLogCsv.field("+1")).isEqualTo("\"'+1\"");
        assertThat(EventLogCsv.field("-2")).isEqualTo("\"'-2\"");
        assertThat(EventLogCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(EventLogCsv.field("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(EventLogCsv.field("")).isEmpty();
        assertThat(EventLogCsv.field("a=b")).as("only a first character counts").isEqualTo("a=b");
    }
}
