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
        name = Field.NAME.valid(name);
        businessType = Field.BUSINESS_TYPE.valid(businessType);
        areaOfFocus = Field.AREA_OF_FOCUS.validOptional(areaOfFocus);
        industrySegment = Field.INDUSTRY_SEGMENT.validOptional(industrySegment);
        address = Field.ADDRESS.valid(address);
        city = Field.CITY.valid(city);
        zipCode = Field.ZIP_CODE.valid(zipCode);
        stateProvince = Field.STATE_PROVINCE.valid(stateProvince);
        Objects.requireNonNull(country, "country");
    }

    /** The text fields of the company page, each with its limit and its name in messages. */
    public enum Field {
        NAME("name", MAX_LENGTH, "the company name"),
        BUSINESS_TYPE("businessType", MAX_LENGTH, "the business type"),
        AREA_OF_FOCUS("areaOfFocus", MAX_LENGTH, "the area of focus"),
        INDUSTRY_SEGMENT("industrySegment", MAX_LENGTH, "the industry segment"),
        ADDRESS("address", MAX_LENGTH, "the address"),
        CITY("city", MAX_LENGTH, "the city"),
        ZIP_CODE("zipCode", MAX_ZIP_LENGTH, "the zip code"),
        STATE_PROVINCE("stateProvince", MAX_LENGTH, "the state or province");

        private final String key;
        private final int maxLength;
        private final String label;

        Field(String key, int maxLength, String label) {
            this.key = key;
            this.maxLength = maxLength;
            this.label = label;
        }

        /** The field's name in the sign-up form, such as {@code zipCode}. */
        public String key() {
            return key;
        }

        /** The trimmed value of a required field, or a {@link com.smartconnect.domain.common.DomainViolation}. */
        public String valid(String value) {
            return Text.required(value, maxLength, label);
        }

        /** The trimmed value of an optional field; blank counts as absent. */
        public Optional<String> validOptional(Optional<String> value) {
            return Objects.requireNonNull(value, label).filter(v -> !v.isBlank()).map(this::valid);
        }
    }
}
