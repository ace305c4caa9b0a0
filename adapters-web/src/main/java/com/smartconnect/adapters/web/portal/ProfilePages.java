package com.smartconnect.adapters.web.portal;

import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.port.in.UpdateProfileCommand;
import com.smartconnect.application.account.port.in.UpdateProfileResult;
import com.smartconnect.application.account.registration.port.in.SignUpCommand;
import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorStatus;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.Language;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * My Account > View Profile (the My Profile page): the person's name, location, language preference, phone and job
 * role, and the company's address details, shown in a form that saves them; the e-mail address and the two-factor
 * state, with the way to change them.
 */
final class ProfilePages {

    /** The notices other account pages may ask this page to show ({@code /account?notice=...}). */
    private static final Set<String> NOTICES = Set.of("saved", "emailChanged", "passwordChanged");
    private static final List<String> PERSON = List.of("firstName", "lastName", "country", "language", "phone",
            "jobRole");

    private final Portal portal;

    ProfilePages(Portal portal) {
        this.portal = portal;
    }

    /** {@code GET /account}. */
    void show(RoutingContext ctx) {
        Optional<AuthenticatedUser> user = AccountPages.user(ctx);
        if (user.isEmpty()) {
            return;
        }
        Optional<Profile> profile = profileOf(user.get());
        if (profile.isEmpty()) {
            gone(ctx);
            return;
        }
        Page page = AccountPages.page(portal, "account-profile", "account.profile.title", "/account");
        Profile p = profile.get();
        page.field("firstName", p.name().first()).field("lastName", p.name().last())
                .field("country", p.country().code()).field("language", p.contact().language().tag())
                .field("phone", p.contact().phone().map(phone -> phone.value()).orElse(""))
                .field("jobRole", p.contact().jobRole().orElse(""));
        CompanyDetails company = p.company();
        page.field("company_name", company.name()).field("company_businessType", company.businessType())
                .field("company_areaOfFocus", company.areaOfFocus().orElse(""))
                .field("company_industrySegment", company.industrySegment().orElse(""))
                .field("company_address", company.address()).field("company_city", company.city())
                .field("company_zipCode", company.zipCode()).field("company_country", company.country().code())
                .field("company_stateProvince", company.stateProvince());
        String notice = ctx.queryParams().get("notice");
        if (notice != null && NOTICES.contains(notice)) {
            page.notice(portal.messages.get("account.notice." + notice));
        }
        portal.send(ctx, finish(page, p.email().value(), twoFactorOf(user.get())));
    }

    /** {@code POST /account}: the profile and the company's details, saved together. */
    void save(RoutingContext ctx) {
        Form form = Form.of(ctx);
        Optional<AuthenticatedUser> user = AccountPages.formUser(portal, ctx, form);
        if (user.isEmpty()) {
            return;
        }
        SignUpCommand.CompanyInput company = new SignUpCommand.CompanyInput(form.get("company_name"),
                form.get("company_businessType"), optional(form.get("company_areaOfFocus")),
                optional(form.get("company_industrySegment")), form.get("company_address"), form.get("company_city"),
                form.get("company_zipCode"), form.get("company_stateProvince"), form.get("company_country"));
        // Every field is sent, so an emptied phone or job role is cleared, and an emptied name refused.
        UpdateProfileCommand command = new UpdateProfileCommand(user.get(), Optional.of(form.get("firstName")),
                Optional.of(form.get("lastName")), Optional.of(form.get("country")),
                Optional.of(form.get("language")), Optional.of(form.get("phone")), Optional.of(form.get("jobRole")),
                Optional.of(company));
        UpdateProfileResult result = portal.blocking.run(() -> portal.useCases.updateProfile().update(command));
        switch (result) {
            case UpdateProfileResult.Updated ignored -> Portal.redirect(ctx, "/account?notice=saved");
            case UpdateProfileResult.Invalid invalid -> {
                Optional<Profile> profile = profileOf(user.get());
                if (profile.isEmpty()) {
                    gone(ctx);
                    return;
                }
                Page page = AccountPages.page(portal, "account-profile", "account.profile.title", "/account")
                        .status(400);
                PERSON.forEach(field -> page.field(field, form.get(field)));
                SignUpPages.COMPANY_FIELDS.forEach(field -> page.field("company_" + field, form.get("company_" + field)));
                AccountPages.errors(portal, page, invalid.errors());
                portal.send(ctx, finish(page, profile.get().email().value(), twoFactorOf(user.get())));
            }
        }
    }

    /** The page's fields, from the values and messages the page holds now. */
    private Page finish(Page page, String email, TwoFactorStatus twoFactor) {
        List<Map<String, Object>> person = new ArrayList<>();
        person.add(AccountPages.input(portal, page, "firstName", "field.firstName", "text", true, "given-name"));
        person.add(AccountPages.input(portal, page, "lastName", "field.lastName", "text", true, "family-name"));
        person.add(AccountPages.select(portal, page, "country", "field.location", "country",
                options(portal.countryOptions(page.fields.get("country")))));
        person.add(AccountPages.select(portal, page, "language", "account.field.language", "language",
                languages(page.fields.get("language"))));
        person.add(AccountPages.input(portal, page, "phone", "account.field.phone", "tel", false, "tel"));
        person.add(AccountPages.input(portal, page, "jobRole", "account.field.jobRole", "text", false,
                "organization-title"));
        List<Map<String, Object>> company = new ArrayList<>();
        company.add(AccountPages.input(portal, page, "company_name", "field.companyName", "text", true, "organization"));
        company.add(AccountPages.input(portal, page, "company_businessType", "field.businessType", "text", true, ""));
        company.add(AccountPages.input(portal, page, "company_areaOfFocus", "field.areaOfFocus", "text", false, ""));
        company.add(AccountPages.input(portal, page, "company_industrySegment", "field.industrySegment", "text", false,
                ""));
        company.add(AccountPages.input(portal, page, "company_address", "field.address", "text", true, "street-address"));
        company.add(AccountPages.input(portal, page, "company_city", "field.city", "text", true, "address-level2"));
        company.add(AccountPages.input(portal, page, "company_zipCode", "field.zipCode", "text", true, "postal-code"));
        company.add(AccountPages.select(portal, page, "company_country", "field.location", "country",
                options(portal.countryOptions(page.fields.get("company_country")))));
        company.add(AccountPages.input(portal, page, "company_stateProvince", "field.stateProvince", "text", true,
                "address-level1"));
        String twoFactorText = twoFactor.method()
                .map(method -> portal.messages.format("account.twoFactor.onWith",
                        portal.messages.get("account.twoFactor.method." + method.name())))
                .orElse(portal.messages.get("account.twoFactor.off"));
        return page.value("personInputs", person).value("companyInputs", company).value("email", email)
                .value("twoFactorText", twoFactorText);
    }

    private static List<Map<String, Object>> options(List<Map<String, Object>> countries) {
        return countries.stream().map(country -> Map.<String, Object>of("value", country.get("code"),
                "text", country.get("name"), "selected", country.get("selected"))).toList();
    }

    private List<Map<String, Object>> languages(String selected) {
        return Language.SUPPORTED.stream().map(tag -> Map.<String, Object>of("value", tag,
                "text", portal.messages.get("account.language." + tag), "selected", tag.equals(selected))).toList();
    }

    private Optional<Profile> profileOf(AuthenticatedUser user) {
        return portal.blocking.run(() -> portal.useCases.profile().profileOf(user.accountId()));
    }

    private TwoFactorStatus twoFactorOf(AuthenticatedUser user) {
        return portal.blocking.run(() -> portal.useCases.twoFactor().statusOf(user.accountId()));
    }

    /** A live session of an account that is gone: nobody to show, so the person logs in again. */
    private void gone(RoutingContext ctx) {
        portal.endSession(ctx);
        Portal.redirect(ctx, "/login");
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
