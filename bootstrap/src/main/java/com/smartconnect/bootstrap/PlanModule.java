package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.plan.PlanScheduleJob;
import com.smartconnect.application.plan.PlanService;
import com.smartconnect.application.plan.port.in.ChangePlanUseCase;
import com.smartconnect.application.plan.port.in.PlanQuery;
import com.smartconnect.application.plan.port.in.RunPlanScheduleUseCase;
import com.smartconnect.domain.plan.FreePeriodPolicy;

/** The plan context: the free monitoring period, the plans and their schedule. */
final class PlanModule extends AbstractModule {

    private final FreePeriodPolicy freePeriod;

    PlanModule(FreePeriodPolicy freePeriod) {
        this.freePeriod = freePeriod;
    }

    @Override
    protected void configure() {
        bind(FreePeriodPolicy.class).toInstance(freePeriod);
        bind(PlanService.class).in(Scopes.SINGLETON);
        bind(PlanQuery.class).to(PlanService.class);
        bind(ChangePlanUseCase.class).to(PlanService.class);
        bind(PlanScheduleJob.class).in(Scopes.SINGLETON);
        bind(RunPlanScheduleUseCase.class).to(PlanScheduleJob.class);
        Multibinder.newSetBinder(binder(), Job.class).addBinding().to(PlanScheduleJob.class);
    }
}
