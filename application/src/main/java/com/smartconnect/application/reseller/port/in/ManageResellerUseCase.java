package com.smartconnect.application.reseller.port.in;

/** The customer's own changes on the Reseller page. */
public interface ManageResellerUseCase {

    /** "Cancel", then "Update Settings": withdraws the pending invitation; its link then leads to an error page. */
    ResellerChangeResult cancelInvitation(CancelResellerInvitationCommand command);

    /** "Disconnect": the reseller hears no more; to connect again they must be invited and accept again. */
    ResellerChangeResult disconnect(DisconnectResellerCommand command);

    /** "Not interested?": whether adding a device offers the Reseller step. */
    ResellerView setNotInterested(ResellerInterestCommand command);
}
