package com.smartconnect.domain.plan;

/** What a plan can include. */
public enum PlanFeature {
    /** The UPS status page: status, measurements, online or last seen. */
    STATUS_MONITORING,
    /** Event Notification mails. */
    EMAIL_EVENT_NOTIFICATIONS,
    /** New entries in the event log. */
    EVENT_LOG,
    /** Remote reboot of outlet groups (with two-factor authentication). */
    REMOTE_OUTLET_REBOOT
}
