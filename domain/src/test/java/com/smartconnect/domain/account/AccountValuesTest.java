package com.smartconnect.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smartconnect.domain.common.DomainViolation;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountValuesTest {

    private static String code(Throwable thrown) {
        return ((DomainViolation) thrown).code();
    }

    private static CompanyDetails company(String name, Optional<String> areaOfFocus, String zipCode) {
        return new CompanyDetails(name, "Reseller", areaOfFocus, Optional.of("  "), "1 Main Street", "Paris", zipCode,
                "Ile-de-France", new Country("FR"));
    }

    @Test
    void companyDetailsAreTrimmedAndBlankOptionalsAreAbsent() {
        CompanyDetails details = company("  Acme  ", Optional.of(" Data centres "), " 75001 ");
        assertThat(details.name()).isEqualTo("Acme");
        assertThat(details.areaOfFocus()).contains("Data centres");
        assertThat(details.industrySegment()).isEmpty();
        assertThat(details.zipCode()).isEqualTo("75001");
        assertThat(details.country()).isEqualTo(new Country("FR"));
    }

    @Test
    void aZipCodeHasAtMost20CharactersAndOtherFieldsAtMost200() {
        assertThat(company("n".repeat(200), Optional.empty(), "z".repeat(20)).zipCode()).hasSize(20);
        assertThatThrownBy(() -> company("n".repeat(201), Optional.empty(), "75001"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_TOO_LONG"))
                .hasMessage("The company name must be at most 200 characters long.");
        assertThatThrownBy(() -> company("Acme", Optional.empty(), "z".repeat(21)))
                .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_TOO_LONG"))
                .hasMessage("The zip code must be at most 20 characters long.");
        assertThatThrownBy(() -> company("Acme", Optional.of("a".repeat(201)), "75001"))
                .hasMessage("The area of focus must be at most 200 characters long.");
    }

    /** The labels of the company fields carry their article ("the city"): messages must not read "The the city". */
    @Test
    void companyFieldMessagesReadAsSentences() {
        assertThatThrownBy(() -> CompanyDetails.Field.CITY.valid("Pa\u0001ris"))
                .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_INVALID"))
                .hasMessage("The city contains characters that are not allowed.");
        assertThatThrownBy(() -> CompanyDetails.Field.STATE_PROVINCE.valid(" "))
                .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_REQUIRED"))
                .hasMessage("Please enter the state or province.");
    }

    @Test
    void companyFieldsAreKnownByTheirFormKeys() {
        assertThat(Arrays.stream(CompanyDetails.Field.values()).map(CompanyDetails.Field::key)).containsExactly(
                "name", "businessType", "areaOfFocus", "industrySegment", "address", "city", "zipCode",
                "stateProvince");
        assertThat(CompanyDetails.Field.ADDRESS.valid(" 1 Main Street ")).isEqualTo("1 Main Street");
        assertThat(CompanyDetails.Field.INDUSTRY_SEGMENT.validOptional(Optional.of(" IT "))).contains("IT");
        assertThat(CompanyDetails.Field.INDUSTRY_SEGMENT.validOptional(Optional.of(" "))).isEmpty();
        assertThat(CompanyDetails.Field.INDUSTRY_SEGMENT.validOptional(Optional.empty())).isEmpty();
    }

    @Test
    void aCountryIsAnIsoCodeInAnyCase() {
        assertThat(new Country(" fr ").code()).isEqualTo("FR");
        assertThat(new Country("us").toString()).isEqualTo("US");
        assertThatThrownBy(() -> new Country("XX")).satisfies(e -> assertThat(code(e)).isEqualTo("INVALID_COUNTRY"));
        assertThatThrownBy(() -> new Country("FRA")).satisfies(e -> assertThat(code(e)).isEqualTo("INVALID_COUNTRY"));
        assertThatThrownBy(() -> new Country(" ")).satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_REQUIRED"));
        assertThatThrownBy(() -> new Country(null)).satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_REQUIRED"));
    }

    @Test
    void aPersonNameIsTrimmedAndReadsFirstThenLast() {
        PersonName name = new PersonName("  Ada ", " Lovelace ");
        assertThat(name.first()).isEqualTo("Ada");
        assertThat(name.last()).isEqualTo("Lovelace");
        assertThat(name.full()).isEqualTo("Ada Lovelace");
        assertThat(PersonName.validFirst(" Grace ")).isEqualTo("Grace");
        assertThat(PersonName.validLast(" Hopper ")).isEqualTo("Hopper");
        assertThatThrownBy(() -> new PersonName("Ada", "l".repeat(101)))
                .hasMessage("The last name must be at most 100 characters long.");
        assertThatThrownBy(() -> new PersonName(" ", "Lovelace")).hasMessage("Please enter first name.");
    }

    @Test
    void aJobRoleIsOptionalAndTrimmed() {
        assertThat(new ContactDetails(Language.ENGLISH, Optional.empty(), Optional.of(" IT manager ")).jobRole())
                .contains("IT manager");
        assertThat(new ContactDetails(Language.ENGLISH, Optional.empty(), Optional.of("   ")).jobRole()).isEmpty();
        assertThat(ContactDetails.validJobRole(" Buyer ")).isEqualTo("Buyer");
        assertThatThrownBy(() -> new ContactDetails(Language.ENGLISH, Optional.empty(), Optional.of("r".repeat(101))))
                .satisfies(e -> assertThat(code(e)).isEqualTo("FIELD_TOO_LONG"));
    }

    @Test
    void passwordRulesHaveDistinctStableCodesAndAMessage() {
        assertThat(PasswordRule.MIN_LENGTH.code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(PasswordRule.NO_EMAIL.code()).isEqualTo("PASSWORD_CONTAINS_EMAIL");
        assertThat(Arrays.stream(PasswordRule.values()).map(PasswordRule::code).distinct()).hasSize(5);
        assertThat(PasswordRule.MIN_LENGTH.message()).contains("at least 8");
        assertThat(PasswordRule.MAX_LENGTH.message()).contains("at most 128");
        assertThat(PasswordRule.NO_NAME.message()).contains("name");
    }

    @Test
    void characterTypesAreUpperLowerDigitsAndEverythingElse() {
        assertThat(PasswordPolicy.characterTypes("abc")).isEqualTo(1);
        assertThat(PasswordPolicy.characterTypes("ABC")).isEqualTo(1);
        assertThat(PasswordPolicy.characterTypes("123")).isEqualTo(1);
        assertThat(PasswordPolicy.characterTypes("!? ")).isEqualTo(1);
        assertThat(PasswordPolicy.characterTypes("abc123")).isEqualTo(2);
        assertThat(PasswordPolicy.characterTypes("abc!")).isEqualTo(2);
        assertThat(PasswordPolicy.characterTypes("123!")).isEqualTo(2);
        assertThat(PasswordPolicy.characterTypes("aB1!")).isEqualTo(4);
        assertThat(PasswordPolicy.characterTypes("ÉtéΩ٣")).isEqualTo(3);
    }

    @Test
    void exactly128CharactersAreStillAllowed() {
        PersonName name = new PersonName("Ada", "Lovelace");
        EmailAddress email = new EmailAddress("ada@example.com");
        String password = "Xy7!".repeat(32);
        assertThat(PasswordPolicy.violations(password, name, email)).isEmpty();
        assertThat(PasswordPolicy.violations(password + "Z", name, email)).containsExactly(PasswordRule.MAX_LENGTH);
    }

    @Test
    void addressPiecesOfThreeCharactersOrMoreAreForbiddenInPasswords() {
        EmailAddress email = new EmailAddress("jo.ann-smith@acme.com");
        assertThat(PasswordPolicy.emailParts(email)).containsExactlyInAnyOrder("jo.ann-smith@acme.com",
                "jo.ann-smith", "ann", "smith", "acme");
    }

    @Test
    void anAddressMayHave254CharactersAndALocalPartOf64() {
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".com";
        String longest = "l".repeat(64) + "@" + domain;
        assertThat(longest).hasSize(254);
        assertThat(new EmailAddress(longest).value()).isEqualTo(longest);
        assertThat(new EmailAddress(longest).toString()).isEqualTo(longest);
        String tooLong = "l".repeat(64) + "@" + domain.replace(".com", "c.com");
        assertThat(tooLong).hasSize(255);
        assertThatThrownBy(() -> new EmailAddress(tooLong)).satisfies(e -> assertThat(code(e)).isEqualTo(EmailAddress.INVALID));
        assertThatThrownBy(() -> new EmailAddress("l".repeat(65) + "@example.com"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(EmailAddress.INVALID));
    }

    @Test
    void identifiersPrintAsTheirUuid() {
        UUID uuid = UUID.fromString("12345678-1234-1234-1234-123456789abc");
        assertThat(new AccountId(uuid).toString()).isEqualTo(uuid.toString());
        assertThat(new CompanyId(uuid).toString()).isEqualTo(uuid.toString());
    }
}
