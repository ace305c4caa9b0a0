package com.smartconnect.application.account;

import com.smartconnect.application.account.port.in.AccountNoLongerExists;
import com.smartconnect.application.account.port.in.Profile;
import com.smartconnect.application.account.port.in.ProfileQuery;
import com.smartconnect.application.account.port.in.UpdateProfileCommand;
import com.smartconnect.application.account.port.in.UpdateProfileResult;
import com.smartconnect.application.account.port.in.UpdateProfileUseCase;
import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.port.out.CompanyRepository;
import com.smartconnect.application.common.FieldValidation;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.domain.account.Account;
import com.smartconnect.domain.account.AccountId;
import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.Language;
import com.smartconnect.domain.account.PersonName;
import com.smartconnect.domain.account.PhoneNumber;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Reads and changes profiles: the account with its contact details and its company. Every member of a company may
 * change the company's details, as every member sees its devices.
 */
public final class ProfileService implements ProfileQuery, UpdateProfileUseCase {

    private final Transactions transactions;
    private final AccountRepository accounts;
    private final CompanyRepository companies;

    @Inject
    public ProfileService(Transactions transactions, AccountRepository accounts, CompanyRepository companies) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.companies = companies;
    }

    @Override
    public Optional<Profile> profileOf(AccountId accountId) {
        return accounts.findById(accountId).flatMap(account -> companies.findById(account.companyId())
                .map(company -> new Profile(account.email(), account.name(), account.country(),
                        accounts.contactDetailsOf(account.id()), company.details())));
    }

    @Override
    public UpdateProfileResult update(UpdateProfileCommand command) {
        Account account = accounts.findById(command.user().accountId())
                .orElseThrow(AccountNoLongerExists::new);
        ContactDetails contact = accounts.contactDetailsOf(account.id());
        FieldValidation fields = new FieldValidation();
        Optional<String> first = fields.check("firstName",
                () -> PersonName.validFirst(command.firstName().orElse(account.name().first())));
        Optional<String> last = fields.check("lastName",
                () -> PersonName.validLast(command.lastName().orElse(account.name().last())));
        Optional<Country> country = fields.check("country",
                () -> command.country().map(Country::new).orElse(account.country()));
        Optional<Language> language = fields.check("language",
                () -> command.language().map(Language::new).orElse(contact.language()));
        Optional<Optional<PhoneNumber>> phone = fields.check("phone", () -> command.phone()
                .map(p -> p.isBlank() ? Optional.<PhoneNumber>empty() : Optional.of(new PhoneNumber(p)))
                .orElse(contact.phone()));
        Optional<Optional<String>> jobRole = fields.check("jobRole", () -> command.jobRole()
                .map(r -> r.isBlank() ? Optional.<String>empty() : Optional.of(ContactDetails.validJobRole(r)))
                .orElse(contact.jobRole()));
        Optional<Optional<CompanyDetails>> company = command.company().isPresent()
                ? Optional.of(CompanyInputs.check(fields, command.company().get()))
                : Optional.of(Optional.empty());
        if (fields.hasErrors()) {
            return new UpdateProfileResult.Invalid(fields.errors());
        }
        transactions.inTransaction(() -> {
            accounts.updateProfile(account.id(), new PersonName(first.orElseThrow(), last.orElseThrow()),
                    country.orElseThrow(), new ContactDetails(language.orElseThrow(), phone.orElseThrow(), jobRole.orElseThrow()));
            company.orElseThrow().ifPresent(details -> companies.updateDetails(account.companyId(), details));
            return null;
        });
        return new UpdateProfileResult.Updated(profileOf(account.id()).orElseThrow());
    }
}
