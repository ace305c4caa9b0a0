package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.device.ResellerOffer;
import com.smartconnect.application.reseller.ResellerConnectionsOfAccount;
import com.smartconnect.application.reseller.ResellerInvitationExpiryJob;
import com.smartconnect.application.reseller.ResellerLinkService;
import com.smartconnect.application.reseller.ResellerMails;
import com.smartconnect.application.reseller.ResellerService;
import com.smartconnect.application.reseller.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.in.ResellerQuery;

/** The reseller context: a customer's one reseller, invited, connected, and let go with the account. */
final class ResellerModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ResellerMails.class).in(Scopes.SINGLETON);
        bind(ResellerService.class).in(Scopes.SINGLETON);
        bind(ResellerQuery.class).to(ResellerService.class);
        bind(ResellerOffer.class).to(ResellerService.class);
        bind(InviteResellerUseCase.class).to(ResellerService.class);
        bind(ManageResellerUseCase.class).to(ResellerService.class);
        bind(ResellerLinkUseCase.class).to(ResellerLinkService.class).in(Scopes.SINGLETON);
        bind(ResellerInvitationExpiryJob.class).in(Scopes.SINGLETON);
        bind(ExpireResellerInvitationsUseCase.class).to(ResellerInvitationExpiryJob.class);
        Multibinder.newSetBinder(binder(), Job.class).addBinding().to(ResellerInvitationExpiryJob.class);
        Multibinder.newSetBinder(binder(), AccountDependents.class).addBinding()
                .to(ResellerConnectionsOfAccount.class).in(Scopes.SINGLETON);
    }
}
