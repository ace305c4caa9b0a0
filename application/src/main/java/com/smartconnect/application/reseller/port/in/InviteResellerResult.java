package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.common.port.in.FieldError;
import java.util.List;

/** The answer to inviting a reseller. */
public sealed interface InviteResellerResult {

    /** The invitation is mailed; the page as it is now. */
    record Invited(ResellerView reseller) implements InviteResellerResult {
    }

    /** Another reseller is invited already: cancel that invitation first. */
    record AlreadyInvited() implements InviteResellerResult {
    }

    /** A reseller is connected: disconnect first (one reseller address only). */
    record AlreadyConnected() implements InviteResellerResult {
    }

    /**
     * The customer sent {@link #DAILY_LIMIT} invitations within a day already (whatever became of them): try again after
     * {@code retryAfter}. Keeps the invitation from being a way to mail anyone again and again.
     */
    record TooManyInvitations(java.time.Duration retryAfter) implements InviteResellerResult {
    }

    /** Invitations a customer may send within any 24 hours. */
    int DAILY_LIMIT = 5;

    /** The address is missing or invalid ({@code EMAIL_REQUIRED}, {@code INVALID_EMAIL}). */
    record Invalid(List<FieldError> errors) implements InviteResellerResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
