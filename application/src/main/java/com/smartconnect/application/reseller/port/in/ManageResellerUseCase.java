package com.smartconnect.application.reseller.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;

/** The customer's own changes on the Reseller page. */
public interface ManageResellerUseCase {

    /** "Cancel", then "Update Settings": withdraws the pending invitation; its link then leads to an error page. */
    ResellerChangeResult cancelInvitation(AuthenticatedUser user);

    /** "Disconnect": the reseller hears no more; to connect again they must be invited and accept again. */
    ResellerChangeResult disconnect(AuthenticatedUser user);

    /** "Not interested?": whether adding a device offers the Reseller step. */
    ResellerView setNotInterested(AuthenticatedUser user, boolean notInterested);
}
