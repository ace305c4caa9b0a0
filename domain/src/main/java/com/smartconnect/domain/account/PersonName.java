package com.smartconnect.domain.account;

import com.smartconnect.domain.common.Text;

/** A person's first and last name, both required. */
public record PersonName(String first, String last) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        first = validFirst(first);
        last = validLast(last);
    }

    /** The trimmed first name, or a {@link com.smartconnect.domain.common.DomainViolation}. */
    public static String validFirst(String first) {
        return Text.required(first, MAX_LENGTH, "first name");
    }

    /** The trimmed last name, or a {@link com.smartconnect.domain.common.DomainViolation}. */
    public static String validLast(String last) {
        return Text.required(last, MAX_LENGTH, "last name");
    }

    public String full() {
        return first + " " + last;
    }
}
