package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.adapters.web.WebApiFixture.Answer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignUpValidationTest {

    private WebApiFixture web;

    @BeforeEach
    void start() throws Exception {
        web = WebApiFixture.start();
    }

    @AfterEach
    void stop() throws Exception {
        web.close();
    }

    private Answer signUp(JsonObject body) {
        Answer answer = web.postJson("/api/v1/registrations", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(web.outbox.all()).isEmpty();
        return answer;
    }

    private static JsonObject error(String field, String code, String message) {
        return new JsonObject().put("field", field).put("code", code).put("message", message);
    }

    @Test
    void aMissingEmailIsRequired() {
        JsonObject body = WebApiFixture.validSignUp();
        body.remove("email");

        assertThat(signUp(body).errors()).containsExactly(error("email", "EMAIL_REQUIRED", "Please enter email address"));
    }

    @Test
    void aBlankEmailIsRequiredToo() {
        assertThat(signUp(WebApiFixture.validSignUp().put("email", "  ")).errors())
                .containsExactly(error("email", "EMAIL_REQUIRED", "Please enter email address"));
    }

    @Test
    void anInvalidEmailIsRefusedWithThePortalMessage() {
        String message = "You have entered an invalid email address. Please re-enter the email address.";

        assertThat(signUp(WebApiFixture.validSignUp().put("email", "ada@@example")).errors())
                .containsExactly(error("email", "INVALID_EMAIL", message));
        assertThat(signUp(WebApiFixture.validSignUp().put("email", 42)).errors())
                .containsExactly(error("email", "INVALID_EMAIL", message));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
            "Sh0rt!, PASSWORD_TOO_SHORT",
            "onlylowercaseletters, PASSWORD_TOO_FEW_CHARACTER_TYPES",
            "Ada!secret99, PASSWORD_CONTAINS_NAME",
            "LOVELACE#2024x, PASSWORD_CONTAINS_NAME",
            "Countess#2024, PASSWORD_CONTAINS_EMAIL",
    })
    void eachPasswordRuleIsReportedWithItsCode(String password, String code) {
        JsonObject body = WebApiFixture.validSignUp().put("email", "countess@example.com").put("password", password);

        List<JsonObject> errors = signUp(body).errors();

        assertThat(errors).extracting(e -> e.getString("field")).containsOnly("password");
        assertThat(errors).extracting(e -> e.getString("code")).contains(code);
        assertThat(errors).allSatisfy(e -> assertThat(e.getString("message")).isNotBlank());
    }

    @Test
    void aPasswordOver128CharactersBreaksTheDomainRuleAndOver1024TheSchema() {
        String domainTooLong = "Aa1!".repeat(33);
        String schemaTooLong = "Aa1!".repeat(257);

        assertThat(signUp(WebApiFixture.validSignUp().put("password", domainTooLong)).errors())
                .extracting(e -> e.getString("code")).contains("PASSWORD_TOO_LONG");
        assertThat(signUp(WebApiFixture.validSignUp().put("password", schemaTooLong)).errors())
                .containsExactly(error("password", "FIELD_TOO_LONG", "The password must be at most 1024 characters long."));
    }

    @Test
    void anAbsentAndABlankCompanyCityReadTheSame() {
        JsonObject absent = WebApiFixture.validSignUp();
        absent.getJsonObject("company").remove("city");
        JsonObject blank = WebApiFixture.validSignUp();
        blank.getJsonObject("company").put("city", "   ");

        JsonObject expected = error("company.city", "FIELD_REQUIRED", "Please enter the city.");
        assertThat(signUp(absent).errors()).containsExactly(expected);
        assertThat(signUp(blank).errors()).containsExactly(expected);
    }

    @Test
    void everyInvalidFieldIsListedOnce() {
        JsonObject body = WebApiFixture.validSignUp().put("firstName", "x".repeat(101)).put("privacyAccepted", "yes");
        body.remove("email");
        body.remove("lastName");
        body.getJsonObject("company").remove("city");
        body.getJsonObject("company").put("zipCode", "1".repeat(21));

        Answer answer = signUp(body);

        assertThat(answer.errorFields())
                .containsExactlyInAnyOrder("email", "lastName", "firstName", "privacyAccepted", "company.city", "company.zipCode");
        assertThat(answer.errors()).contains(
                error("email", "EMAIL_REQUIRED", "Please enter email address"),
                error("lastName", "FIELD_REQUIRED", "Please enter last name."),
                error("firstName", "FIELD_TOO_LONG", "The first name must be at most 100 characters long."),
                error("company.zipCode", "FIELD_TOO_LONG", "The zip code must be at most 20 characters long."));
        assertThat(answer.errors()).filteredOn(e -> e.getString("field").equals("privacyAccepted"))
                .extracting(e -> e.getString("code")).containsExactly("FIELD_INVALID");
    }

    @Test
    void aMissingCompanyListsItAsRequired() {
        JsonObject body = WebApiFixture.validSignUp();
        body.remove("company");

        assertThat(signUp(body).errors())
                .containsExactly(error("company", "FIELD_REQUIRED", "Please enter the company details."));
    }

    @Test
    void anUnknownInvitationTokenHasExpiredAndAnOverlongOneIsTooLong() {
        JsonObject unknown = WebApiFixture.validSignUp().put("invitationToken", "no-such-invitation");
        unknown.remove("company");
        JsonObject overlong = WebApiFixture.validSignUp().put("invitationToken", "x".repeat(101));

        assertThat(signUp(unknown).errors())
                .containsExactly(error("invitationToken", "INVITATION_EXPIRED", "This invitation has expired."));
        assertThat(signUp(overlong).errors()).containsExactly(
                error("invitationToken", "FIELD_TOO_LONG", "The invitation link must be at most 100 characters long."));
    }

    @Test
    void theDomainReportsEveryFieldItRefusesAtOnce() {
        JsonObject body = WebApiFixture.validSignUp().put("firstName", " ").put("country", "XX").put("privacyAccepted", false);

        assertThat(signUp(body).errorFields()).containsExactlyInAnyOrder("firstName", "country", "privacyAccepted");
    }

    @Test
    void theOptionalFieldsMayBeLeftOut() {
        JsonObject body = WebApiFixture.validSignUp();
        body.remove("marketingOptIn");
        body.getJsonObject("company").remove("industrySegment");

        assertThat(web.postJson("/api/v1/registrations", body).status()).isEqualTo(202);
    }
}
