package com.smartconnect.application.device;

import com.smartconnect.application.account.port.out.AccountRepository;
import com.smartconnect.application.account.twofactor.port.in.TwoFactorCheck;
import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.common.port.in.FieldError;
import com.smartconnect.application.common.port.out.RandomSource;
import com.smartconnect.application.common.port.out.Transactions;
import com.smartconnect.application.device.port.in.ClaimDeviceCommandsCommand;
import com.smartconnect.application.device.port.in.DeliverDeviceCommandsUseCase;
import com.smartconnect.application.device.port.in.DeviceAccess;
import com.smartconnect.application.device.port.in.DeviceCommandResult;
import com.smartconnect.application.device.port.in.RebootOutletGroupCommand;
import com.smartconnect.application.device.port.in.RebootOutletGroupUseCase;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityCommand;
import com.smartconnect.application.device.port.in.SetDeviceSensitivityUseCase;
import com.smartconnect.application.device.port.out.DeviceCommandOutbox;
import com.smartconnect.application.device.port.out.DeviceRegistrationRepository;
import com.smartconnect.application.device.port.out.DeviceStateRepository;
import com.smartconnect.application.plan.port.in.PlanFeatureCriteria;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.PlanView;
import com.smartconnect.domain.common.DomainViolation;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.DeviceBirth;
import com.smartconnect.domain.device.DeviceCommand;
import com.smartconnect.domain.device.DeviceCommandState;
import com.smartconnect.domain.device.DeviceCommandType;
import com.smartconnect.domain.device.DeviceRegistration;
import com.smartconnect.domain.device.DeviceState;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.Sensitivity;
import com.smartconnect.domain.plan.Plan;
import com.smartconnect.domain.plan.PlanFeature;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Commands to UPSes through the command outbox: the sensitivity and the remote outlet reboot are recorded in the
 * transaction of the change that causes them; the dispatcher claims and delivers them; the device's ack settles
 * them; those an offline device did not take in time expire.
 */
public final class DeviceCommandService implements SetDeviceSensitivityUseCase, RebootOutletGroupUseCase,
        DeliverDeviceCommandsUseCase, CommandAcknowledgements {

    private static final System.Logger LOG = System.getLogger(DeviceCommandService.class.getName());
    /** The message of a command withdrawn because its issuer no longer owns the device. */
    public static final String WITHDRAWN = "not sent: the device is no longer registered to the account that issued it";
    /** How long a delivered command has at least to be answered, however close to its expiry it was delivered. */
    public static final Duration ANSWER_WINDOW = Duration.ofMinutes(15);
    /** The message of a reboot withdrawn because the device's plan no longer includes it. */
    public static final String WITHDRAWN_PLAN = "not sent: the device's plan no longer includes remote outlet reboot";

    private final PlanQuery plans;
    private final Clock clock;
    private final RandomSource random;
    private final Transactions transactions;
    private final DeviceRegistrationRepository registrations;
    private final DeviceStateRepository states;
    private final DeviceCommandOutbox outbox;
    private final TwoFactorCheck twoFactor;
    private final DeviceCommandPolicy policy;
    private final DeviceAccessRules rules;

    @Inject
    public DeviceCommandService(Clock clock, RandomSource random, Transactions transactions, AccountRepository accounts,
            DeviceCatalog catalog, DeviceStateRepository states, DeviceRegistrationRepository registrations,
            DeviceCommandOutbox outbox, TwoFactorCheck twoFactor, DeviceCommandPolicy policy, PlanQuery plans) {
        this.clock = clock;
        this.random = random;
        this.transactions = transactions;
        this.registrations = registrations;
        this.states = states;
        this.outbox = outbox;
        this.twoFactor = twoFactor;
        this.policy = policy;
        this.rules = new DeviceAccessRules(accounts, registrations, catalog, states, plans);
        this.plans = plans;
    }

    @Override
    public DeviceCommandResult setSensitivity(SetDeviceSensitivityCommand command) {
        Sensitivity sensitivity;
        try {
            sensitivity = Sensitivity.parse(command.sensitivity());
        } catch (DomainViolation invalid) {
            return new DeviceCommandResult.Invalid(List.of(new FieldError("sensitivity", invalid.code(),
                    invalid.getMessage())));
        }
        Optional<DeviceAccessRules.Visible> visible = rules.visible(command.user(), command.productId());
        if (visible.isEmpty()) {
            return new DeviceCommandResult.NotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new DeviceCommandResult.NotOwner();
        }
        DeviceRegistration registration = visible.get().registration();
        DeviceCommand issued = DeviceCommand.issue(random.uuid().toString(), registration.productId(),
                DeviceCommandType.SET_SENSITIVITY, sensitivity.name(), visible.get().user().id(), clock.instant(),
                policy.timeToLive());
        // On the registration as it is in the transaction, locked: a profile change made meanwhile is kept.
        return transactions.inTransaction(() -> rules.lockIfStillOwned(registration).<DeviceCommandResult>map(locked -> {
            registrations.update(locked.withSensitivity(sensitivity));
            outbox.add(issued);
            return new DeviceCommandResult.Issued(issued);
        }).orElseGet(DeviceCommandResult.NotFound::new));
    }

    @Override
    public DeviceCommandResult reboot(RebootOutletGroupCommand command) {
        Optional<DeviceAccessRules.Visible> visible = rules.visible(command.user(), command.productId());
        if (visible.isEmpty()) {
            return new DeviceCommandResult.NotFound();
        }
        if (visible.get().access() != DeviceAccess.OWNER) {
            return new DeviceCommandResult.NotOwner();
        }
        if (!twoFactor.isOnAndPassed(command.user())) {
            return new DeviceCommandResult.TwoFactorRequired();
        }
        ProductId productId = visible.get().registration().productId();
        if (!plans.includes(new PlanFeatureCriteria(productId, PlanFeature.REMOTE_OUTLET_REBOOT))) {
            return new DeviceCommandResult.PlanDoesNotInclude(
                    plans.planOf(productId).map(PlanView::plan).orElse(Plan.BASIC));
        }
        List<String> groups = states.find(productId).flatMap(DeviceState::lastBirth).map(DeviceBirth::outletGroups)
                .orElse(List.of());
        if (!groups.contains(command.outletGroup())) {
            return new DeviceCommandResult.UnknownOutletGroup(groups);
        }
        DeviceCommand issued = DeviceCommand.issue(random.uuid().toString(), productId,
                DeviceCommandType.REBOOT_OUTLET_GROUP, command.outletGroup(), visible.get().user().id(),
                clock.instant(), policy.timeToLive());
        transactions.inTransaction(() -> {
            outbox.add(issued);
            return null;
        });
        return new DeviceCommandResult.Issued(issued);
    }

    @Override
    public List<DeviceCommand> claim(ClaimDeviceCommandsCommand claim) {
        if (claim.connected().isEmpty() || claim.limit() <= 0) {
            return List.of();
        }
        List<DeviceCommand> claimed = outbox.claimPending(claim.connected(), clock.instant(), claim.limit(),
                policy.claimLease());
        List<DeviceCommand> sendable = new java.util.ArrayList<>(claimed.size());
        for (DeviceCommand command : claimed) {
            // A command goes out only while its issuer owns the device: not after the device was unregistered, its
            // owner's account deleted, or the device registered to someone else. A reboot goes out only while the
            // device's plan includes it (it may have ended while the reboot waited for the device).
            boolean issuerOwns = registrations.find(command.productId())
                    .filter(r -> r.owner().equals(command.issuedBy())).isPresent();
            Optional<String> withdrawal = !issuerOwns ? Optional.of(WITHDRAWN)
                    : command.type() == DeviceCommandType.REBOOT_OUTLET_GROUP
                            && !plans.includes(new PlanFeatureCriteria(command.productId(),
                                    PlanFeature.REMOTE_OUTLET_REBOOT))
                            ? Optional.of(WITHDRAWN_PLAN) : Optional.empty();
            if (withdrawal.isEmpty()) {
                sendable.add(command);
            } else {
                transactions.inTransaction(() -> outbox.withdraw(command.commandId(), clock.instant(),
                        withdrawal.get()));
            }
        }
        return List.copyOf(sendable);
    }

    @Override
    public void delivered(String commandId) {
        transactions.inTransaction(() -> outbox.markDelivered(commandId, clock.instant()));
    }

    @Override
    public int expireOverdue() {
        return transactions.inTransaction(() -> outbox.expire(clock.instant(), ANSWER_WINDOW));
    }

    /** Called inside the ingest transaction of the device's ack. */
    @Override
    public void acknowledged(ProductId productId, CommandAck ack) {
        boolean settled = outbox.settle(productId, ack.commandId(),
                ack.ok() ? DeviceCommandState.OK : DeviceCommandState.FAILED, ack.message(), clock.instant());
        if (!settled) {
            LOG.log(Level.INFO, "{0} answered command {1}, which waits for no answer", productId, ack.commandId());
        }
    }
}
