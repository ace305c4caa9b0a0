package com.smartconnect.application.account;

import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.common.FieldValidation;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.Country;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The company page, checked field by field, for sign-up and for profile changes alike. */
public final class CompanyInputs {

    private CompanyInputs() {
    }

    /** The company details, or empty after recording every invalid field under {@code company.*}. */
    public static Optional<CompanyDetails> check(FieldValidation fields, SignUpCommand.CompanyInput input) {
        Map<CompanyDetails.Field, Optional<String>> required = new EnumMap<>(CompanyDetails.Field.class);
        Map<CompanyDetails.Field, String> raw = Map.of(
                CompanyDetails.Field.NAME, input.name(),
                CompanyDetails.Field.BUSINESS_TYPE, input.businessType(),
                CompanyDetails.Field.ADDRESS, input.address(),
                CompanyDetails.Field.CITY, input.city(),
                CompanyDetails.Field.ZIP_CODE, input.zipCode(),
                CompanyDetails.Field.STATE_PROVINCE, input.stateProvince());
        for (CompanyDetails.Field field : CompanyDetails.Field.values()) {
            if (raw.containsKey(field)) {
                required.put(field, fields.check("company." + field.key(), () -> field.valid(raw.get(field))));
            }
        }
        Optional<Optional<String>> areaOfFocus = fields.check("company.areaOfFocus",
                () -> CompanyDetails.Field.AREA_OF_FOCUS.validOptional(input.areaOfFocus()));
        Optional<Optional<String>> industrySegment = fields.check("company.industrySegment",
                () -> CompanyDetails.Field.INDUSTRY_SEGMENT.validOptional(input.industrySegment()));
        Optional<Country> country = fields.check("company.country", () -> new Country(input.country()));
        if (fields.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new CompanyDetails(required.get(CompanyDetails.Field.NAME).orElseThrow(),
                required.get(CompanyDetails.Field.BUSINESS_TYPE).orElseThrow(), areaOfFocus.orElseThrow(),
                industrySegment.orElseThrow(), required.get(CompanyDetails.Field.ADDRESS).orElseThrow(),
                required.get(CompanyDetails.Field.CITY).orElseThrow(), required.get(CompanyDetails.Field.ZIP_CODE).orElseThrow(),
                required.get(CompanyDetails.Field.STATE_PROVINCE).orElseThrow(), country.orElseThrow()));
    }
}
