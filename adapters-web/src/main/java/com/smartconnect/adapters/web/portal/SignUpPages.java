package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.invitation.port.in.InvitationLookup;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.registration.port.in.SignUpResult;
import com.smartconnect.application.common.port.in.FieldError;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sign Up in two pages, as the help pages describe it: the person (e-mail, name, password, location), then the
 * company (or, with a co-worker's invitation, the company that invited them), the privacy notice, the promotional
 * opt-in and the robot check. The first page is checked by the sign-up use case itself and kept, sealed under the
 * server's key, in the second page's form: the password never travels back to the browser readable.
 */
final class SignUpPages {

    /** The fields of the first page, as the use case names them. */
    static final Set<String> PERSON_FIELDS = Set.of("email", "firstName", "lastName", "password", "country",
            "invitationToken");
    static final List<String> COMPANY_FIELDS = List.of("name", "businessType", "areaOfFocus", "industrySegment",
            "address", "city", "zipCode", "country", "stateProvince");
    /** What the captcha field carries when no captcha is configured: the use case then accepts any token. */
    private static final String NO_CAPTCHA = "no-captcha-configured";
    private static final String DRAFT_OWNER = "portal-sign-up:";

    private final Portal portal;

    SignUpPages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /signup}. */
    void show(RoutingContext ctx) {
        if (Portal.visitOf(ctx).loggedIn()) {
            Portal.redirect(ctx, "/");
            return;
        }
        portal.send(ctx, personPage(new JsonObject(), Optional.empty()));
    }

    /** {@code GET /register?invitation=...}: the co-worker's link opens Sign Up with the inviting company. */
    void showInvitation(RoutingContext ctx) {
        String token = ctx.queryParams().get("invitation");
        InvitationLookup lookup = token == null || token.isBlank() ? new InvitationLookup.NoLongerValid()
                : portal.blocking.run(() -> portal.useCases.invitationLookup().lookup(token.strip()));
        switch (lookup) {
            case InvitationLookup.Open open -> portal.send(ctx, personPage(new JsonObject()
                    .put("email", open.email().value()).put("invitationToken", token.strip()),
                    Optional.of(open.companyName())));
            case InvitationLookup.NoLongerValid ignored -> portal.send(ctx, Page.of("message", "invitation.title")
                    .status(410)
                    .value("heading", portal.messages.get("error.INVITATION_EXPIRED"))
                    .value("paragraphs", List.of(portal.messages.get("invitation.expiredText")))
                    .value("linkHref", "/signup").value("linkText", portal.messages.get("signup.title")));
        }
    }

    /** {@code POST /signup}: the first page; its fields are checked by the use case before the second is shown. */
    void submitPerson(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        JsonObject person = new JsonObject()
                .put("email", form.get("email"))
                .put("firstName", form.get("firstName"))
                .put("lastName", form.get("lastName"))
                .put("password", form.raw("password"))
                .put("country", form.get("country"))
                .put("invitationToken", form.get("invitationToken"));
        Optional<String> companyName = invitedCompany(person);
        // Without the second page the use case always refuses (the privacy notice is not accepted yet), so nothing is
        // stored; what it says about the first page's fields is what this page shows.
        SignUpResult result = portal.blocking.run(() -> portal.useCases.signUp().signUp(command(person,
                Optional.empty(), false, false, NO_CAPTCHA, ctx)));
        List<FieldError> personErrors = result instanceof SignUpResult.Invalid invalid
                ? invalid.errors().stream().filter(error -> PERSON_FIELDS.contains(error.field())).toList()
                : List.of();
        if (!personErrors.isEmpty()) {
            Page page = personPage(person, companyName).status(400);
            personErrors.forEach(error -> page.error(Portal.fieldName(error), portal.message(error)));
            portal.send(ctx, page);
            return;
        }
        portal.send(ctx, companyPage(seal(ctx, person), person, companyName, new JsonObject()));
    }

    /** {@code POST /signup/company}: the second page, and the sign-up itself. */
    void submitCompany(RoutingContext ctx) {
        Form form = Form.of(ctx);
        if (!portal.csrfChecked(ctx, form)) {
            return;
        }
        String draft = form.get("draft");
        Optional<JsonObject> person = unseal(ctx, draft);
        if (person.isEmpty()) {
            portal.send(ctx, personPage(new JsonObject(), Optional.empty()).status(400)
                    .alert(portal.messages.get("signup.draftExpired")));
            return;
        }
        Optional<String> companyName = invitedCompany(person.get());
        JsonObject company = new JsonObject();
        COMPANY_FIELDS.forEach(field -> company.put(field, form.get("company_" + field)));
        company.put("privacyAccepted", form.has("privacyAccepted"));
        company.put("marketingOptIn", form.get("marketingOptIn"));
        Optional<SignUpCommand.CompanyInput> input = companyName.isPresent() ? Optional.empty()
                : Optional.of(new SignUpCommand.CompanyInput(company.getString("name"), company.getString("businessType"),
                        optional(company.getString("areaOfFocus")), optional(company.getString("industrySegment")),
                        company.getString("address"), company.getString("city"), company.getString("zipCode"),
                        company.getString("stateProvince"), company.getString("country")));
        String captchaToken = portal.settings().captcha().map(captcha -> form.get(captcha.responseField()))
                .orElse(NO_CAPTCHA);
        SignUpResult result = portal.blocking.run(() -> portal.useCases.signUp().signUp(command(person.get(), input,
                form.has("privacyAccepted"), "yes".equals(form.get("marketingOptIn")), captchaToken, ctx)));
        switch (result) {
            case SignUpResult.Accepted accepted ->
                    Portal.redirect(ctx, "/verify?registration=" + accepted.registrationId().value());
            case SignUpResult.Invalid invalid -> {
                if (invalid.errors().stream().anyMatch(error -> PERSON_FIELDS.contains(error.field()))) {
                    // The first page's answers are no longer good (an invitation that expired meanwhile).
                    Page page = personPage(person.get(), companyName).status(400);
                    invalid.errors().forEach(error -> page.error(Portal.fieldName(error), portal.message(error)));
                    portal.send(ctx, page);
                    return;
                }
                Page page = companyPage(draft, person.get(), companyName, company).status(400);
                invalid.errors().forEach(error -> page.error(Portal.fieldName(error), portal.message(error)));
                portal.send(ctx, page);
            }
            case SignUpResult.CaptchaFailed ignored -> portal.send(ctx, companyPage(draft, person.get(), companyName,
                    company).status(400).error("captcha", portal.messages.get("error.CAPTCHA_FAILED")));
            case SignUpResult.TooManySignUps ignored -> portal.send(ctx, companyPage(draft, person.get(), companyName,
                    company).status(429).alert(portal.messages.get("error.TOO_MANY_SIGN_UPS")));
        }
    }

    private SignUpCommand command(JsonObject person, Optional<SignUpCommand.CompanyInput> company,
            boolean privacyAccepted, boolean marketingOptIn, String captchaToken, RoutingContext ctx) {
        return new SignUpCommand(person.getString("email"), person.getString("firstName"),
                person.getString("lastName"), person.getString("password"), person.getString("country"), company,
                optional(person.getString("invitationToken")), privacyAccepted, marketingOptIn, captchaToken,
                Portal.remoteAddress(ctx));
    }

    /** The company of the invitation the first page carries, while it is open. */
    private Optional<String> invitedCompany(JsonObject person) {
        Optional<String> token = optional(person.getString("invitationToken"));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return portal.blocking.run(() -> portal.useCases.invitationLookup().lookup(token.get())) instanceof
                InvitationLookup.Open open ? Optional.of(open.companyName()) : Optional.empty();
    }

    private Page personPage(JsonObject person, Optional<String> companyName) {
        Page page = Page.of("signup", "signup.title")
                .value("invitationToken", person.getString("invitationToken", ""))
                .value("countryOptions", portal.countryOptions(person.getString("country", "")));
        companyName.ifPresent(name -> page.value("invitedBy", portal.messages.format("signup.invited", name)));
        for (String field : List.of("email", "firstName", "lastName")) {
            page.field(field, person.getString(field, ""));
        }
        return page;
    }

    private Page companyPage(String draft, JsonObject person, Optional<String> companyName, JsonObject company) {
        Page page = Page.of("signup-company", "signup.title")
                .value("draft", draft)
                .value("email", person.getString("email"))
                .value("invited", companyName.isPresent())
                .value("companyName", companyName.orElse(""))
                .value("privacyAccepted", company.getBoolean("privacyAccepted", false))
                .value("marketingYes", "yes".equals(company.getString("marketingOptIn")))
                .value("countryOptions", portal.countryOptions(company.getString("country", person.getString("country"))));
        for (String field : COMPANY_FIELDS) {
            page.field("company_" + field, company.getString(field, ""));
        }
        return page;
    }

    private String seal(RoutingContext ctx, JsonObject person) {
        return portal.settings().sealer().seal(person.encode().getBytes(StandardCharsets.UTF_8),
                DRAFT_OWNER + Portal.visitOf(ctx).formCookie());
    }

    /** The first page back, if this browser's form cookie sealed it; empty for anything else. */
    private Optional<JsonObject> unseal(RoutingContext ctx, String draft) {
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] opened = portal.settings().sealer().unseal(draft, DRAFT_OWNER + Portal.visitOf(ctx).formCookie());
            return Optional.of(new JsonObject(new String(opened, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | DecodeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
