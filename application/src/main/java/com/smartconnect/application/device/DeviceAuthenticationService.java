package com.smartconnect.application.device;

import com.smartconnect.application.catalog.port.out.DeviceCatalog;
import com.smartconnect.application.device.port.in.AuthenticateDeviceUseCase;
import com.smartconnect.application.device.port.in.DeviceAuthentication;
import com.smartconnect.application.device.port.in.DeviceCredentials;
import com.smartconnect.domain.device.CatalogEntry;
import com.smartconnect.domain.device.MachineSecretHash;
import com.smartconnect.domain.device.ProductId;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Device authentication: the client id and the user name are the same Product ID, of a device in the catalog, and
 * the password hashes to its secret's SHA-256 (compared in constant time). An unknown device costs the same hash as
 * a known one, so timing tells nothing about which Product IDs exist.
 */
public final class DeviceAuthenticationService implements AuthenticateDeviceUseCase {

    private static final MachineSecretHash NO_DEVICE = new MachineSecretHash("0".repeat(64));

    private final DeviceCatalog catalog;

    @Inject
    public DeviceAuthenticationService(DeviceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public DeviceAuthentication authenticate(DeviceCredentials credentials) {
        String clientId = credentials.clientId();
        if (!ProductId.isValid(clientId) || !clientId.equals(credentials.username())) {
            NO_DEVICE.matches(credentials.password());
            return new DeviceAuthentication.Refused("client id and user name must be the same Product ID");
        }
        ProductId productId = new ProductId(clientId);
        Optional<CatalogEntry> entry = catalog.find(productId);
        boolean matches = entry.map(CatalogEntry::deviceSecretHash).orElse(NO_DEVICE).matches(credentials.password());
        if (entry.isEmpty()) {
            return new DeviceAuthentication.Refused("not in the device catalog");
        }
        return matches ? new DeviceAuthentication.Accepted(productId)
                : new DeviceAuthentication.Refused("wrong device secret");
    }
}
