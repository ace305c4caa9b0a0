package com.smartconnect.archfixture.domain.site;

import com.smartconnect.archfixture.domain.alarm.Alarm;
import java.util.List;

/** Breaks the hierarchy of domain contexts: site and alarm know each other. */
public record Site(List<Alarm> alarms) {
}
