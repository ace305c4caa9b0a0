package com.smartconnect.domain.common;

/** Checks shared by the value objects that hold text typed in by people. */
public final class Text {

    public static final String REQUIRED = "FIELD_REQUIRED";
    public static final String TOO_LONG = "FIELD_TOO_LONG";
    public static final String INVALID = "FIELD_INVALID";

    private Text() {
    }

    /**
     * Returns the trimmed value, refusing a missing or blank one, one longer than {@code maxLength}
     * characters, and one with control characters (they have no place in names and addresses).
     */
    public static String required(String value, int maxLength, String label) {
        if (value == null || value.isBlank()) {
            throw new DomainViolation(REQUIRED, "Please enter " + label + ".");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new DomainViolation(TOO_LONG, subject(label) + " must be at most " + maxLength + " characters long.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new DomainViolation(INVALID, subject(label) + " contains characters that are not allowed.");
        }
        return trimmed;
    }

    /** The label at the start of a sentence: "the city" and "city" both give "The city". */
    private static String subject(String label) {
        return "The " + (label.startsWith("the ") ? label.substring("the ".length()) : label);
    }
}
