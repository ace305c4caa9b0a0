package com.smartconnect.application.device.port.in;

/**
 * Remote outlet reboot: only for the owner, with two-factor authentication on and passed by this session (the plan
 * will be checked here as well once plans exist).
 */
public interface RebootOutletGroupUseCase {

    DeviceCommandResult reboot(RebootOutletGroupCommand command);
}
