package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.smartconnect.application.port.in.AuthenticateUseCase;
import com.smartconnect.application.port.in.CancelCoworkerInvitationUseCase;
import com.smartconnect.application.port.in.ChangePasswordUseCase;
import com.smartconnect.application.port.in.ConfirmEmailChangeUseCase;
import com.smartconnect.application.port.in.RequestEmailChangeUseCase;
import com.smartconnect.application.port.in.CoworkerInvitationsQuery;
import com.smartconnect.application.port.in.InvitationLookupQuery;
import com.smartconnect.application.port.in.InviteCoworkerUseCase;
import com.smartconnect.application.port.in.DeleteAccountUseCase;
import com.smartconnect.application.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.port.in.ResetPasswordUseCase;
import com.smartconnect.application.port.in.UpdateProfileUseCase;
import com.smartconnect.application.port.in.LogInUseCase;
import com.smartconnect.application.port.in.LogOutUseCase;
import com.smartconnect.application.port.in.ProfileQuery;
import com.smartconnect.application.port.in.RegistrationStatusQuery;
import com.smartconnect.application.port.in.ResendCodeUseCase;
import com.smartconnect.application.port.in.SignUpUseCase;
import com.smartconnect.application.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.port.out.PasswordHasher;
import com.smartconnect.application.port.out.RandomSource;
import com.smartconnect.application.service.ChangePasswordService;
import com.smartconnect.application.service.CoworkerInvitationService;
import com.smartconnect.application.service.EmailChangeService;
import com.smartconnect.application.service.DeleteAccountService;
import com.smartconnect.application.service.LogInService;
import com.smartconnect.application.service.PasswordResetService;
import com.smartconnect.application.service.LogOutService;
import com.smartconnect.application.service.ProfileService;
import com.smartconnect.application.service.RegistrationStatusService;
import com.smartconnect.application.service.SessionAuthenticator;
import com.smartconnect.domain.session.SessionPolicy;
import com.smartconnect.application.service.ResendCodeService;
import com.smartconnect.application.service.SignUpService;
import com.smartconnect.application.service.VerifyRegistrationService;
import java.time.Clock;

/** The use cases and the services behind them, with the clock and randomness they run on. */
final class ApplicationModule extends AbstractModule {

    private final Clock clock;
    private final PasswordHasher passwordHasher;
    private final SessionPolicy sessionPolicy;

    ApplicationModule(Clock clock, PasswordHasher passwordHasher, SessionPolicy sessionPolicy) {
        this.clock = clock;
        this.passwordHasher = passwordHasher;
        this.sessionPolicy = sessionPolicy;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        bind(PasswordHasher.class).toInstance(passwordHasher);
        bind(RandomSource.class).to(SecureRandomSource.class).in(Scopes.SINGLETON);
        bind(SignUpUseCase.class).to(SignUpService.class).in(Scopes.SINGLETON);
        bind(VerifyRegistrationUseCase.class).to(VerifyRegistrationService.class).in(Scopes.SINGLETON);
        bind(ResendCodeUseCase.class).to(ResendCodeService.class).in(Scopes.SINGLETON);
        bind(RegistrationStatusQuery.class).to(RegistrationStatusService.class).in(Scopes.SINGLETON);
        bind(SessionPolicy.class).toInstance(sessionPolicy);
        bind(LogInUseCase.class).to(LogInService.class).in(Scopes.SINGLETON);
        bind(LogOutUseCase.class).to(LogOutService.class).in(Scopes.SINGLETON);
        bind(AuthenticateUseCase.class).to(SessionAuthenticator.class).in(Scopes.SINGLETON);
        bind(ProfileService.class).in(Scopes.SINGLETON);
        bind(ProfileQuery.class).to(ProfileService.class);
        bind(UpdateProfileUseCase.class).to(ProfileService.class);
        bind(PasswordResetService.class).in(Scopes.SINGLETON);
        bind(RequestPasswordResetUseCase.class).to(PasswordResetService.class);
        bind(ResetPasswordUseCase.class).to(PasswordResetService.class);
        bind(PasswordResetLinkQuery.class).to(PasswordResetService.class);
        bind(ChangePasswordUseCase.class).to(ChangePasswordService.class).in(Scopes.SINGLETON);
        bind(DeleteAccountUseCase.class).to(DeleteAccountService.class).in(Scopes.SINGLETON);
        bind(EmailChangeService.class).in(Scopes.SINGLETON);
        bind(RequestEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(ConfirmEmailChangeUseCase.class).to(EmailChangeService.class);
        bind(CoworkerInvitationService.class).in(Scopes.SINGLETON);
        bind(InviteCoworkerUseCase.class).to(CoworkerInvitationService.class);
        bind(CoworkerInvitationsQuery.class).to(CoworkerInvitationService.class);
        bind(CancelCoworkerInvitationUseCase.class).to(CoworkerInvitationService.class);
        bind(InvitationLookupQuery.class).to(CoworkerInvitationService.class);
    }
}
