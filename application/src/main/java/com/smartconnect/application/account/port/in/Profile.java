package com.smartconnect.application.account.port.in;

import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.ContactDetails;
import com.smartconnect.domain.account.Country;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.account.PersonName;
import java.util.Objects;

/** What "My Profile" shows of an account: the person, their contact details, and their company. */
public record Profile(EmailAddress email, PersonName name, Country country, ContactDetails contact, CompanyDetails company) {

    public Profile {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(company, "company");
    }
}
