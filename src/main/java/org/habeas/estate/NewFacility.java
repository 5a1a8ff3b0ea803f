package org.habeas.estate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** The command to register a facility; validated by the request record before it gets here. */
public record NewFacility(String code, String name, String country, String region, String municipality,
                          BigDecimal latitude, BigDecimal longitude, ZoneId timeZone, FacilityType type,
                          String responsibleAuthority, String inspectionAuthority, LocalDate openedOn,
                          FacilityStatus status) {

    public NewFacility {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }
}
