package com.smartconnect.application.account.registration.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything the two sign-up pages of the portal collect, as typed in. The values are checked by
 * {@link SignUpUseCase}, which reports every invalid field at once; only their presence is required here.
 *
 * @param country the person's location, an ISO 3166-1 alpha-2 code
 * @param company the company page; required, except for a co-worker who signs up with an invitation
 * @param invitationToken the token of a co-worker invitation: the account joins the inviting company
 * @param remoteAddress the address the request came from, passed to the captcha check
 */
public record SignUpCommand(
        String email,
        String firstName,
        String lastName,
        String password,
        String country,
        Optional<CompanyInput> company,
        Optional<String> invitationToken,
        boolean privacyAccepted,
        boolean marketingOptIn,
        String captchaToken,
        Optional<String> remoteAddress) {

    public SignUpCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(invitationToken, "invitationToken");
        Objects.requireNonNull(captchaToken, "captchaToken");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }

    /** The company page of the sign-up, as typed in; area of focus and industry segment are optional. */
    public record CompanyInput(
            String name,
            String businessType,
            Optional<String> areaOfFocus,
            Optional<String> industrySegment,
            String address,
            String city,
            String zipCode,
            String stateProvince,
            String country) {

        public CompanyInput {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(businessType, "businessType");
            Objects.requireNonNull(areaOfFocus, "areaOfFocus");
            Objects.requireNonNull(industrySegment, "industrySegment");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(zipCode, "zipCode");
            Objects.requireNonNull(stateProvince, "stateProvince");
            Objects.requireNonNull(country, "country");
        }
    }
}
