package com.smartconnect.domain.account;

/** One rule of the portal's password policy, with its stable code and the portal's wording. */
public enum PasswordRule {
    MIN_LENGTH("PASSWORD_TOO_SHORT", "The password must be at least 8 characters in length."),
    MAX_LENGTH("PASSWORD_TOO_LONG", "The password must be at most 128 characters in length."),
    NO_NAME("PASSWORD_CONTAINS_NAME", "The password cannot contain your first name or last name."),
    CHARACTER_TYPES("PASSWORD_TOO_FEW_CHARACTER_TYPES",
            "The password must use at least 3 of four character types: upper case letters, lower case letters, numbers and symbols."),
    NO_EMAIL("PASSWORD_CONTAINS_EMAIL", "The password cannot contain your email address or part of it.");

    private final String code;
    private final String message;

    PasswordRule(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}
