package com.smartconnect.application.plan.port.in;

/**
 * Activates or extends a device's plan, at once, with a history entry: the library API and the integration endpoint
 * of the store and resellers' systems.
 */
public interface ChangePlanUseCase {

    ChangePlanResult change(ChangePlanCommand command);
}
