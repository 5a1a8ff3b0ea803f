package org.habeas.estate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A place of detention as the register knows it (REQ-04, REQ-47): who is responsible for it and who inspects it.
 */
public record Facility(String code, String name, String country, String region, String municipality,
                       BigDecimal latitude, BigDecimal longitude, ZoneId timeZone, FacilityType type,
                       String responsibleAuthority, String inspectionAuthority, LocalDate openedOn,
                       FacilityStatus status, Instant createdAt) {

    /** An instant in the facility's own time zone, for pages. */
    public ZonedDateTime localTime(Instant instant) {
        return instant == null ? null : instant.atZone(timeZone);
    }

    /** Today's date where the facility is. */
    public LocalDate today(Instant now) {
        return now.atZone(timeZone).toLocalDate();
    }
}
