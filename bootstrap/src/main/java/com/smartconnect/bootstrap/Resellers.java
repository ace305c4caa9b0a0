package com.smartconnect.bootstrap;

import com.google.inject.Injector;
import com.smartconnect.application.lifecycle.port.in.LifecycleQuery;
import com.smartconnect.application.lifecycle.port.in.RunResellerRemindersUseCase;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase;
import com.smartconnect.application.reseller.port.in.ExpireResellerInvitationsUseCase;
import com.smartconnect.application.reseller.port.in.InviteResellerUseCase;
import com.smartconnect.application.reseller.port.in.ManageResellerUseCase;
import com.smartconnect.application.reseller.port.in.ResellerLinkUseCase;
import com.smartconnect.application.reseller.port.in.ResellerQuery;

/**
 * A customer's reseller: the connection, inviting and managing it, the links of the reseller mails, and the reminders
 * to resellers.
 */
public record Resellers(
        ResellerQuery query,
        InviteResellerUseCase invite,
        ManageResellerUseCase manage,
        ResellerLinkUseCase links,
        ExpireResellerInvitationsUseCase expireInvitations,
        RunResellerRemindersUseCase reminders,
        LifecycleQuery lifecycle,
        SendLifecycleReminderUseCase sendLifecycleReminder) {

    static Resellers of(Injector injector) {
        return new Resellers(
                injector.getInstance(ResellerQuery.class),
                injector.getInstance(InviteResellerUseCase.class),
                injector.getInstance(ManageResellerUseCase.class),
                injector.getInstance(ResellerLinkUseCase.class),
                injector.getInstance(ExpireResellerInvitationsUseCase.class),
                injector.getInstance(RunResellerRemindersUseCase.class),
                injector.getInstance(LifecycleQuery.class),
                injector.getInstance(SendLifecycleReminderUseCase.class));
    }
}
