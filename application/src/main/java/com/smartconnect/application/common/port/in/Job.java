package com.smartconnect.application.common.port.in;

import java.time.Duration;

/**
 * Scheduled work of a context: its name, how often it looks for due work, and one pass over what is due now. A
 * scheduler (the standalone server's, or a host's own) runs each job it chooses every {@link #cadence()}; a pass
 * that finds nothing due does nothing, so a missed or doubled pass is harmless.
 */
public interface Job {

    /** A stable name, such as {@code plan-schedule}, by which a host chooses which jobs an instance runs. */
    String name();

    /** How often a pass runs. */
    Duration cadence();

    /** One pass over what is due now; answers how many things it did. */
    int runDue();

    /** What {@link #runDue()} counts, for the log, such as "reseller invitations expired". */
    String counts();
}
