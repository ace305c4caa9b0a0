package com.smartconnect.application.plan.port.in;

/**
 * The scheduled work of plans: the "Upcoming changes to your SmartConnect account" notices before a free period
 * ends, and the fall to Basic of every plan that ended. Any number of instances may run it at once; each thing is
 * done once (claims in the database), and a server that was off over a due time does it when it runs next.
 */
public interface RunPlanScheduleUseCase {

    /** Does what is due now; returns how many notices were sent and plans ended. */
    int runDue();
}
