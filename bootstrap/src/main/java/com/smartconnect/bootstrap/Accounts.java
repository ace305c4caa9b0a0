package com.smartconnect.bootstrap;

import com.google.inject.Injector;
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
import com.smartconnect.application.account.registration.port.in.RegistrationStatusQuery;
import com.smartconnect.application.account.registration.port.in.ResendCodeUseCase;
import com.smartconnect.application.account.registration.port.in.SignUpUseCase;
import com.smartconnect.application.account.registration.port.in.VerifyRegistrationUseCase;
import com.smartconnect.application.account.session.port.in.AuthenticateUseCase;
import com.smartconnect.application.account.session.port.in.CompleteLogInUseCase;
import com.smartconnect.application.account.session.port.in.LogInUseCase;
import com.smartconnect.application.account.session.port.in.LogOutUseCase;
import com.smartconnect.application.account.session.port.in.PasswordResetLinkQuery;
import com.smartconnect.application.account.session.port.in.RequestPasswordResetUseCase;
import com.smartconnect.application.account.session.port.in.ResetPasswordUseCase;
import com.smartconnect.application.account.twofactor.port.in.ConfirmTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.DisableTwoFactorUseCase;
import com.smartconnect.application.account.twofactor.port.in.SendTwoFactorCodeUseCase;
import com.smartconnect.application.account.twofactor.port.in.StartTwoFactorEnrolmentUseCase;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorQuery;

/**
 * People's accounts: sign-up, sessions, two-factor authentication, the profile, password and e-mail changes, co-
 * workers, and deleting an account.
 */
public record Accounts(
        SignUpUseCase signUp,
        VerifyRegistrationUseCase verifyRegistration,
        ResendCodeUseCase resendCode,
        RegistrationStatusQuery registrationStatus,
        LogInUseCase logIn,
        CompleteLogInUseCase completeLogIn,
        LogOutUseCase logOut,
        AuthenticateUseCase authenticate,
        RequestPasswordResetUseCase requestPasswordReset,
        ResetPasswordUseCase resetPassword,
        PasswordResetLinkQuery passwordResetLink,
        SendTwoFactorCodeUseCase sendTwoFactorCode,
        TwoFactorQuery twoFactor,
        StartTwoFactorEnrolmentUseCase startTwoFactorEnrolment,
        ConfirmTwoFactorEnrolmentUseCase confirmTwoFactorEnrolment,
        DisableTwoFactorUseCase disableTwoFactor,
        TwoFactorCheck twoFactorCheck,
        ProfileQuery profile,
        UpdateProfileUseCase updateProfile,
        RequestEmailChangeUseCase requestEmailChange,
        ConfirmEmailChangeUseCase confirmEmailChange,
        ChangePasswordUseCase changePassword,
        DeleteAccountUseCase deleteAccount,
        InviteCoworkerUseCase inviteCoworker,
        CoworkerInvitationsQuery coworkerInvitations,
        CancelCoworkerInvitationUseCase cancelCoworkerInvitation,
        InvitationLookupQuery invitationLookup) {

    static Accounts of(Injector injector) {
        return new Accounts(
                injector.getInstance(SignUpUseCase.class),
                injector.getInstance(VerifyRegistrationUseCase.class),
                injector.getInstance(ResendCodeUseCase.class),
                injector.getInstance(RegistrationStatusQuery.class),
                injector.getInstance(LogInUseCase.class),
                injector.getInstance(CompleteLogInUseCase.class),
                injector.getInstance(LogOutUseCase.class),
                injector.getInstance(AuthenticateUseCase.class),
                injector.getInstance(RequestPasswordResetUseCase.class),
                injector.getInstance(ResetPasswordUseCase.class),
                injector.getInstance(PasswordResetLinkQuery.class),
                injector.getInstance(SendTwoFactorCodeUseCase.class),
                injector.getInstance(TwoFactorQuery.class),
                injector.getInstance(StartTwoFactorEnrolmentUseCase.class),
                injector.getInstance(ConfirmTwoFactorEnrolmentUseCase.class),
                injector.getInstance(DisableTwoFactorUseCase.class),
                injector.getInstance(TwoFactorCheck.class),
                injector.getInstance(ProfileQuery.class),
                injector.getInstance(UpdateProfileUseCase.class),
                injector.getInstance(RequestEmailChangeUseCase.class),
                injector.getInstance(ConfirmEmailChangeUseCase.class),
                injector.getInstance(ChangePasswordUseCase.class),
                injector.getInstance(DeleteAccountUseCase.class),
                injector.getInstance(InviteCoworkerUseCase.class),
                injector.getInstance(CoworkerInvitationsQuery.class),
                injector.getInstance(CancelCoworkerInvitationUseCase.class),
                injector.getInstance(InvitationLookupQuery.class));
    }
}
