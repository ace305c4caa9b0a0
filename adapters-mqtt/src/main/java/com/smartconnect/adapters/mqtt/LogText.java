package com.smartconnect.adapters.mqtt;

/**
 * A value from the wire (a client id, a topic, a filter, a message about a payload) as it goes into a log line: anyone
 * who can open a connection chooses it, so it must not start a line of its own (a forged log entry) nor fill the log.
 * Control characters, line and paragraph separators and bidirectional controls are written as escapes ({@code \n},
 * {@code \r}, {@code \t}, {@code \}{@code uXXXX}), a backslash as two, so that what is logged reads back unambiguously;
 * past {@value #MAX_CHARS} characters the value is cut and its length given.
 */
final class LogText {

    static final int MAX_CHARS = 200;

    private LogText() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        int shown = Math.min(text.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (shown < text.length()) {
            out.append("... (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) // C0, DEL, C1 (NEL among them)
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || (c >= '\u200e' && c <= '\u200f') || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069'); // bidirectional controls, which reorder what a reader sees
    }
}
