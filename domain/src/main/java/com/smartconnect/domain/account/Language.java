package com.smartconnect.domain.account;

import com.smartconnect.domain.common.DomainViolation;
import java.util.List;
import java.util.Locale;

/** The language the portal and its mails speak to a person, as a language tag such as {@code en} or {@code fr}. */
public record Language(String tag) {

    public static final List<String> SUPPORTED = List.of("en", "fr", "de", "es", "it", "nl", "pt");
    public static final Language ENGLISH = new Language("en");

    public Language {
        if (tag == null || tag.isBlank()) {
            throw new DomainViolation("FIELD_REQUIRED", "Please choose a language.");
        }
        tag = tag.strip().toLowerCase(Locale.ROOT);
        if (!SUPPORTED.contains(tag)) {
            throw new DomainViolation("INVALID_LANGUAGE", "Please choose one of the supported languages: "
                    + String.join(", ", SUPPORTED) + ".");
        }
    }
}
