/**
 * Rights: telling the people outside. Notification duties to family or a designated contact and to counsel of
 * record on admission, transfer, release, removal, handover, serious illness or injury and death, each with a
 * deadline by policy and every attempt recorded (REQ-30, REQ-31, REQ-36, REQ-38); consular notification, aware of
 * protection claims against the country of nationality (REQ-32 to REQ-34). It sits above custody and legal: the
 * duties are opened by listeners of custody's events, delivered through the event publication registry (the outbox,
 * docs/decisions/0010), so a crash between the movement and the duty loses neither; it reads the legal record to
 * hold a consular notification for human review.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"common", "audit", "access", "estate", "people", "custody", "legal"})
package org.habeas.rights;
