package com.smartconnect.application.device.port.in;

import com.smartconnect.application.account.session.port.in.AuthenticatedUser;
import com.smartconnect.domain.device.DeviceCommand;
import java.util.List;
import java.util.Optional;

/**
 * What a logged-in user may read of registered UPSes: their own and those of their company's co-workers. A device
 * the user may not see is answered as absent, exactly like one that does not exist.
 */
public interface RegisteredDevicesQuery {

    /** The UPS status page; empty when the user may not see the device (or the Product ID is malformed). */
    Optional<RegisteredDeviceView> device(DeviceCriteria device);

    /** The user's devices and their co-workers', by Product ID. */
    List<RegisteredDeviceView> devices(AuthenticatedUser user);

    /** A page of the device's event log; empty when the user may not see the device or the cursor is not valid. */
    Optional<DeviceEventPage> events(DeviceEventCriteria query);

    /** A command sent to the device, with its state; empty when unknown or the device is not visible to the user. */
    Optional<DeviceCommand> command(DeviceCommandCriteria command);
}
