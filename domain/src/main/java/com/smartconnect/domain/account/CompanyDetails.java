package com.smartconnect.domain.account;

import com.smartconnect.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * What the second sign-up page asks of the company: all required but the area of focus and the industry
 * segment.
 */
public record CompanyDetails(
        String name,
        String businessType,
        Optional<String> areaOfFocus,
        Optional<String> industrySegment,
        String address,
        String city,
        String zipCode,
        String stateProvince,
        Country country) {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_ZIP_LENGTH = 20;

    public CompanyDetails {
        name = Text.required(name, MAX_LENGTH, "the company name");
        businessType = Text.required(businessType, MAX_LENGTH, "the business type");
        areaOfFocus = optional(areaOfFocus, "the area of focus");
        industrySegment = optional(industrySegment, "the industry segment");
        address = Text.required(address, MAX_LENGTH, "the address");
        city = Text.required(city, MAX_LENGTH, "the city");
        zipCode = Text.required(zipCode, MAX_ZIP_LENGTH, "the zip code");
        stateProvince = Text.required(stateProvince, MAX_LENGTH, "the state or province");
        Objects.requireNonNull(country, "country");
    }

    private static Optional<String> optional(Optional<String> value, String label) {
        return Objects.requireNonNull(value, label)
                .filter(v -> !v.isBlank())
                .map(v -> Text.required(v, MAX_LENGTH, label));
    }
}
