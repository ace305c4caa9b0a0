package com.smartconnect.domain.invitation;

/** Where a co-worker invitation stands. */
public enum InvitationStatus {
    /** Sent, and not yet used, cancelled or expired. */
    PENDING,
    /** Sent more than 7 days ago and never used. */
    EXPIRED,
    /** The co-worker signed up with it and belongs to the company. */
    ACCEPTED,
    /** The company withdrew it. */
    CANCELLED
}
