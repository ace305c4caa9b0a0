package com.smartconnect.archfixture.domain.alarm;

import com.smartconnect.archfixture.domain.site.Site;

/** Breaks the hierarchy of domain contexts: alarm and site know each other. */
public record Alarm(Site site) {
}
