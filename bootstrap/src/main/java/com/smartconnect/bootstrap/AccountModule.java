package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.account.AccountDependents;
import com.smartconnect.application.account.ChangePasswordService;
import com.smartconnect.application.account.DeleteAccountService;
import com.smartconnect.application.account.EmailChangeService;
import com.smartconnect.application.account.ProfileService;
import com.smartconnect.application.account.SettledMailsOfAccount;
import com.smartconnect.application.account.invitation.CoworkerInvitationService;
import com.smartconnect.application.account.invitation.CoworkerInvitationsOfAccount;
import com.smartconnect.application.account.invitation.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.account.invitation.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.account.invitation.port.in.InvitationLookupQuery;
import com.smartconnect.application.account.invitation.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.account.port.in.ChangePasswordUseCase;
import com.smartconnect.application.account.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.account.port.in.DeleteAccountUseCase;
import com.smartconnect.application.account.port.in.ProfileQuery;
import com.smartconnect.application.account.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.account.port.in.UpdateProfileUseCase;
import com.smartconnect.application.account.registration.RegistrationStatusService;
import com.smartconnect.application.account.registration.RegistrationsOfAccount;
import com.smartconnect.application.account.registration.ResendCodeService;
import com.smartconnect.application.account.registration.SignUpService;
import com.smartconnect.application.account.registration.VerifyRegistrationService;
import com.smartconnect.application.account.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.account.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.account.session.CompleteLogInService;
import com.smartconnect.application.account.session.LogInService;
import com.smartconnect.application.account.session.LogOutService;
import com.smartconnect.application.account.session.LoginAttempts;
import com.smartconnect.application.account.session.LoginFailuresOfAccount;
import com.smartconnect.application.account.session.PasswordResetService;
import com.smartconnect.application.mail.MailPreparer;
import com.smartconnect.application.account.session.SessionAuthenticationService;
import com.smartconnect.application.account.session.SessionsOfAccount;
import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.account.session.port.in.LogInUseCase;
import com.smartconnect.application.account.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.account.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.twofactor.DisableTwoFactorService;
import com.smartconnect.application.account.twofactor.SecondFactor;
import com.smartconnect.application.account.twofactor.SendTwoFactorCodeService;
import com.smartconnect.application.account.twofactor.TwoFactorCheckService;
import com.smartconnect.application.account.twofactor.TwoFactorEnrolmentService;
import com.smartconnect.application.account.twofactor.TwoFactorOfAccount;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorQuery;
import com.smartconnect.application.account.twofactor.port.out.TotpCodeGenerator;
import com.smartconnect.domain.session.SessionPolicy;

/**
 * The account context: sign-up, sessions, two-factor authentication, co-workers, the profile and deleting an
 * account. Declares the set of {@link AccountDependents} that the contexts above it add to, with the erasures of its own
 * sub-features in it.
 */
final class AccountModule extends AbstractModule {

    private final SessionPolicy sessionPolicy;

    AccountModule(SessionPolicy sessionPolicy) {
        this.sessionPolicy = sessionPolicy;
    }

    @Override
    protected void configure() {
        Multibinder<AccountDependents> dependents = Multibinder.newSetBinder(binder(), AccountDependents.class);
        // What the account's own sub-features keep of a deleted account; their ErasureStage orders the erasures.
        dependents.addBinding().to(SessionsOfAccount.class);
        dependents.addBinding().to(TwoFactorOfAccount.class);
        dependents.addBinding().to(RegistrationsOfAccount.class);
        dependents.addBinding().to(LoginFailuresOfAccount.class);
        dependents.addBinding().to(CoworkerInvitationsOfAccount.class);
        dependents.addBinding().to(SettledMailsOfAccount.class);
        bind(SignUpUseCase.class).to(SignUpService.class).in(Scopes.SINGLETON);
        bind(VerifyRegistrationUseCase.class).to(VerifyRegistrationService.class).in(Scopes.SINGLETON);
        bind(ResendCodeUseCase.class).to(ResendCodeService.class).in(Scopes.SINGLETON);
        bind(RegistrationStatusQuery.class).to(RegistrationStatusService.class).in(Scopes.SINGLETON);

        bind(SessionPolicy.class).toInstance(sessionPolicy);
        bind(LogInUseCase.class).to(LogInService.class).in(Scopes.SINGLETON);
        bind(LogOutUseCase.class).to(LogOutService.class).in(Scopes.SINGLETON);
        bind(AuthenticateUseCase.class).to(SessionAuthenticationService.class).in(Scopes.SINGLETON);
        bind(LoginAttempts.class).in(Scopes.SINGLETON);
        bind(CompleteLogInUseCase.class).to(CompleteLogInService.class).in(Scopes.SINGLETON);
        bind(PasswordResetService.class).in(Scopes.SINGLETON);
        Multibinder.newSetBinder(binder(), MailPreparer.class).addBinding().to(PasswordResetService.class);
        bind(RequestPasswordResetUseCase.class).to(PasswordResetService.class);
        bind(ResetPasswordUseCase.class).to(PasswordResetService.class);
        bind(PasswordResetLinkQuery.class).to(PasswordResetService.class);

        bind(TotpCodeGenerator.class).to(JavaOtpCodeGenerator.class).in(Scopes.SINGLETON);
        bind(SecondFactor.class).in(Scopes.SINGLETON);
        bind(SendTwoFactorCodeUseCase.class).to(SendTwoFactorCodeService.class).in(Scopes.SINGLETON);
        bind(TwoFactorEnrolmentService.class).in(Scopes.SINGLETON);
        bind(TwoFactorQuery.class).to(TwoFactorEnrolmentService.class);
        bind(StartTwoFactorEnrolmentUseCase.class).to(TwoFactorEnrolmentService.class);
        bind(ConfirmTwoFactorEnrolmentUseCase.class).to(TwoFactorEnrolmentService.class);
        bind(DisableTwoFactorUseCase.class).to(DisableTwoFactorService.class).in(Scopes.SINGLETON);
        bind(TwoFactorCheck.class).to(TwoFactorCheckService.class).in(Scopes.SINGLETON);

        bind(CoworkerInvitationService.class).in(Scopes.SINGLETON);
        bind(InviteCoworkerUseCase.class).to(CoworkerInvitationService.class);
        bind(CoworkerInvitationsQuery.class).to(CoworkerInvitationService.class);
        bind(CancelCoworkerInvitationUseCase.class).to(CoworkerInvitationService.class);
        bind(InvitationLookupQuery.class).to(CoworkerInvitationService.class);

        bind(ProfileService.class).in(Scopes.SINGLETON);
        bind(ProfileQuery.class).to(ProfileService.class);
        bind(UpdateProfileUseCase.class).to(ProfileService.class);
        bind(ChangePasswordUseCase.class).to(ChangePasswordService.class).in(Scopes.SINGLETON);
        bind(EmailChangeService.class).in(Scopes.SINGLETON);
        bind(RequestEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(ConfirmEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(DeleteAccountUseCase.class).to(DeleteAccountService.class).in(Scopes.SINGLETON);
    }
}
