package com.smartconnect.application.reseller.port.in;

/**
 * The scheduled job that marks invitations unanswered for 7 days as expired and tells their customers, once each,
 * whichever instance runs it; a server that was down when they expired does it when it runs next.
 */
public interface ExpireResellerInvitationsUseCase {

    /** Expires every invitation due now; returns how many. */
    int expireDue();
}
