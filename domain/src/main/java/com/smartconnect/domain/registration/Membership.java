package com.smartconnect.domain.registration;

import com.smartconnect.domain.account.CompanyDetails;
import com.smartconnect.domain.account.CompanyId;
import java.util.Objects;
import java.util.UUID;

/** Which company a sign-up's account will belong to: a new one it founds, or one it was invited to join. */
public sealed interface Membership {

    /** The person filled in the company page: the company is created with the account. */
    record FoundsCompany(CompanyDetails company) implements Membership {
        public FoundsCompany {
            Objects.requireNonNull(company, "company");
        }
    }

    /** The person signed up through a co-worker invitation: the account joins the inviting company. */
    record JoinsCompany(CompanyId companyId, UUID invitationId) implements Membership {
        public JoinsCompany {
            Objects.requireNonNull(companyId, "companyId");
            Objects.requireNonNull(invitationId, "invitationId");
        }
    }
}
