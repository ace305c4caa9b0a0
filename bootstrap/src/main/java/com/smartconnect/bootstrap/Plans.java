package com.smartconnect.bootstrap;

import com.google.inject.Injector;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.RunPlanScheduleUseCase;

/**
 * The plans of devices: what a device's plan is and was, changing it, and the schedule that ends plans and sends the
 * free-period notices.
 */
public record Plans(
        PlanQuery query,
        ChangePlanUseCase change,
        RunPlanScheduleUseCase schedule) {

    static Plans of(Injector injector) {
        return new Plans(
                injector.getInstance(PlanQuery.class),
                injector.getInstance(ChangePlanUseCase.class),
                injector.getInstance(RunPlanScheduleUseCase.class));
    }
}
