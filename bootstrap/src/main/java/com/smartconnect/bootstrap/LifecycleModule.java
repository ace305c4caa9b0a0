package com.smartconnect.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import com.google.inject.multibindings.Multibinder;
import com.smartconnect.application.common.port.in.Job;
import com.smartconnect.application.lifecycle.LifecycleService;
import com.smartconnect.application.lifecycle.ResellerReminderJob;
import com.smartconnect.application.lifecycle.port.in.LifecycleQuery;
import com.smartconnect.application.lifecycle.port.in.RunResellerRemindersUseCase;
import com.smartconnect.application.lifecycle.port.in.SendLifecycleReminderUseCase;

/** The lifecycle context: battery, warranty and plan dates, and the reminders to resellers about them. */
final class LifecycleModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(LifecycleService.class).in(Scopes.SINGLETON);
        bind(LifecycleQuery.class).to(LifecycleService.class);
        bind(SendLifecycleReminderUseCase.class).to(LifecycleService.class);
        bind(ResellerReminderJob.class).in(Scopes.SINGLETON);
        bind(RunResellerRemindersUseCase.class).to(ResellerReminderJob.class);
        Multibinder.newSetBinder(binder(), Job.class).addBinding().to(ResellerReminderJob.class);
    }
}
