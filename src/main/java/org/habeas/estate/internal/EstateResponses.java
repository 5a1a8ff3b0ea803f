package org.habeas.estate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.habeas.estate.AreaCapacity;
import org.habeas.estate.Capacity;
import org.habeas.estate.CapacityOverride;
import org.habeas.estate.CellAttributes;
import org.habeas.estate.Expansion;
import org.habeas.estate.ExpansionStatus;
import org.habeas.estate.Facility;
import org.habeas.estate.FacilityStatus;
import org.habeas.estate.FacilityType;
import org.habeas.estate.Figures;
import org.habeas.estate.InactiveReason;
import org.habeas.estate.LevelFigures;
import org.habeas.estate.Location;
import org.habeas.estate.LocationKind;
import org.habeas.estate.LocationStatus;
import org.habeas.estate.SeparationPolicy;

/** The JSON shapes of the estate API: ids as plain UUIDs, derived figures spelled out. */
final class EstateResponses {

    private EstateResponses() {
    }

    /** Declared beside area-based capacity, occupancy rates and the crowding and space flags (REQ-26..28). */
    record FiguresResponse(int cells, long certifiedNormal, long operational, long maximum, long population,
                           BigDecimal occupancyRate, BigDecimal rateToCertifiedNormal, long aboveCertifiedNormal,
                           long inCrowdedCells, boolean crowded, BigDecimal floorAreaM2, AreaBased areaBased,
                           BigDecimal squareMetresPerPerson, int cellsWithoutArea, int cellsOverIcrc,
                           int cellsOverCpt, boolean declaredExceedsIcrc, boolean declaredExceedsCpt) {

        record AreaBased(long icrc, long cpt, BigDecimal rateToIcrc) {
        }

        static FiguresResponse of(Figures f) {
            return new FiguresResponse(f.cells(), f.certifiedNormal(), f.operational(), f.maximum(), f.population(),
                    f.occupancyRate(), f.rateToCertifiedNormal(), f.aboveCertifiedNormal(), f.inCrowdedCells(),
                    f.crowded(), f.floorAreaM2(), new AreaBased(f.icrcPlaces(), f.cptPlaces(), f.rateToIcrc()),
                    f.squareMetresPerPerson(), f.cellsWithoutArea(), f.cellsOverIcrc(), f.cellsOverCpt(),
                    f.declaredExceedsIcrc(), f.declaredExceedsCpt());
        }
    }

    record FacilityResponse(String code, String name, String country, String region, String municipality,
                            BigDecimal latitude, BigDecimal longitude, String timeZone, FacilityType type,
                            String responsibleAuthority, String inspectionAuthority, LocalDate openedOn,
                            FacilityStatus status, Instant createdAt, FiguresResponse figures) {

        static FacilityResponse of(Facility f, Figures figures) {
            return new FacilityResponse(f.code(), f.name(), f.country(), f.region(), f.municipality(), f.latitude(),
                    f.longitude(), f.timeZone().getId(), f.type(), f.responsibleAuthority(),
                    f.inspectionAuthority(), f.openedOn(), f.status(), f.createdAt(),
                    figures == null ? null : FiguresResponse.of(figures));
        }
    }

    record LocationResponse(UUID id, String facilityCode, UUID parentId, String pathKey, String name,
                            LocationKind kind, LocationStatus status, InactiveReason inactiveReason,
                            UUID expansionId, Capacity capacity, int population, CellAttributes attributes,
                            AreaCapacity areaBased, SeparationPolicy separation, long version, Instant createdAt) {

        static LocationResponse of(Location l) {
            return new LocationResponse(l.id().value(), l.facilityCode(),
                    l.parent() == null ? null : l.parent().value(), l.pathKey(), l.name(), l.kind(), l.status(),
                    l.inactiveReason(), l.expansion() == null ? null : l.expansion().value(), l.capacity(),
                    l.population(), l.attributes(), l.areaCapacity(), l.separation(), l.version(), l.createdAt());
        }
    }

    record LevelResponse(UUID id, String pathKey, LocationKind kind, LocationStatus status, int depth,
                         FiguresResponse figures) {

        static LevelResponse of(LevelFigures level) {
            Location l = level.location();
            return new LevelResponse(l.id().value(), l.pathKey(), l.kind(), l.status(), l.depth(),
                    FiguresResponse.of(level.figures()));
        }
    }

    record OverrideResponse(UUID id, UUID locationId, int capacity, String reason, String decisionReference,
                            String approvedBy, Instant approvedAt, Instant expiresAt, Instant revokedAt,
                            String revokedBy) {

        static OverrideResponse of(CapacityOverride o) {
            return new OverrideResponse(o.id(), o.location().value(), o.capacity(), o.reason(),
                    o.decisionReference(), o.approvedBy(), o.approvedAt(), o.expiresAt(), o.revokedAt(),
                    o.revokedBy());
        }
    }

    record ExpansionResponse(UUID id, String facilityCode, String name, LocalDate plannedOn, ExpansionStatus status,
                             LocalDate openedOn, Instant createdAt) {

        static ExpansionResponse of(Expansion e) {
            return new ExpansionResponse(e.id().value(), e.facilityCode(), e.name(), e.plannedOn(), e.status(),
                    e.openedOn(), e.createdAt());
        }
    }
}
