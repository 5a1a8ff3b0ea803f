package org.habeas.rights;

import java.time.Instant;

import org.habeas.custody.CustodyStanding;
import org.habeas.estate.Facility;
import org.habeas.estate.FacilityContact;

/**
 * The locator's answer to one exact enquiry (REQ-16): the facility responsible for the person, with its address and
 * visiting and contact information, never the cell; where a transfer goes; the country and authority a handover or
 * removal went to; when custody ended and from where; the authority that ordered the detention. NOT_HELD says the
 * register holds nobody by that enquiry (it never says whether the person is known); AMBIGUOUS that the enquiry
 * names more than one record and a register or document number is needed; RESTRICTED that the law restricts the
 * answer, on the recorded ground, and who ordered it, which is where the judicial remedy lies (ICPPED Art. 20).
 */
public record LocatorAnswer(Outcome outcome, CustodyStanding.State state, PublicFacility facility, Instant since,
                            PublicFacility transferTo, String country, String receivingAuthority,
                            String orderingAuthority, String restrictionGround, String restrictionOrderedBy) {

    public enum Outcome { FOUND, NOT_HELD, AMBIGUOUS, RESTRICTED }

    static LocatorAnswer of(Outcome outcome) {
        return new LocatorAnswer(outcome, null, null, null, null, null, null, null, null, null);
    }

    /**
     * A facility as the locator shows it: the estate's public record and contact. The contact parts are null until
     * the director has recorded them.
     */
    public record PublicFacility(String code, String name, String country, String region, String municipality,
                                 String responsibleAuthority, String inspectionAuthority, String address,
                                 String telephone, String email, String visitingHours) {

        static PublicFacility of(Facility f, FacilityContact c) {
            return new PublicFacility(f.code(), f.name(), f.country(), f.region(), f.municipality(),
                    f.responsibleAuthority(), f.inspectionAuthority(), c == null ? null : c.address(),
                    c == null ? null : c.telephone(), c == null ? null : c.email(),
                    c == null ? null : c.visitingHours());
        }
    }
}
