package com.smartconnect.application.fake;

import com.smartconnect.application.device.CommandAcknowledgements;
import com.smartconnect.domain.device.CommandAck;
import com.smartconnect.domain.device.ProductId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the command acknowledgements it is given, for tests to read. */
public final class RecordingCommandAcknowledgements implements CommandAcknowledgements {

    /** One acknowledgement and its device. */
    public record Recorded(ProductId productId, CommandAck ack) {
    }

    private final List<Recorded> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void acknowledged(ProductId productId, CommandAck ack) {
        recorded.add(new Recorded(productId, ack));
    }

    public List<Recorded> recorded() {
        return List.copyOf(recorded);
    }
}
