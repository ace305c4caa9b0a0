package com.smartconnect.application.account.invitation.port.in;

import com.smartconnect.domain.account.EmailAddress;
import java.time.Instant;
import java.util.Objects;

/** What the registration page shows for an invitation link. */
public sealed interface InvitationLookup {

    /** The invitation can be used: sign up with {@code email} to join {@code companyName}. */
    record Open(EmailAddress email, String companyName, Instant expiresAt) implements InvitationLookup {
        public Open {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(companyName, "companyName");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** Unknown, expired, cancelled or used: "This invitation has expired." */
    record NoLongerValid() implements InvitationLookup {
    }
}
