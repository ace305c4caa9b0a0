package com.smartconnect.domain.account;

import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.common.Text;
import java.util.Locale;
import java.util.Set;

/** A location as an ISO 3166-1 alpha-2 country code, such as {@code FR} or {@code US}. */
public record Country(String code) {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Country {
        if (code == null || code.isBlank()) {
            throw new DomainViolation(Text.REQUIRED, "Please select your location.");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!CODES.contains(code)) {
            throw new DomainViolation("INVALID_COUNTRY",
                    "Please select your location from the list (an ISO 3166 country code such as FR or US).");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
