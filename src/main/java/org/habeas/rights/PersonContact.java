package org.habeas.rights;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone to tell about a person held: family, a contact the person designated, or counsel of record.
 *
 * @param tellOfIllness the person's wish for this contact: false when they asked that this relative not be told of
 *                      serious illness or injury (REQ-31); a duty of that kind to them is then withheld, not done
 */
public record PersonContact(UUID id, UUID person, Kind kind, String name, String relation, String phone,
                            String email, String address, boolean tellOfIllness, Instant recordedAt,
                            String recordedBy) {

    public enum Kind {
        /** A relative: told of admission, every transfer, release, removal, handover, illness and death. */
        FAMILY,
        /** Someone the person chose to be told in place of, or as well as, family. */
        DESIGNATED,
        /** Counsel of record: told of admission, transfer (REQ-36), release, removal, handover and death. */
        COUNSEL;

        public Recipient recipient() {
            return this == COUNSEL ? Recipient.COUNSEL : Recipient.FAMILY;
        }
    }
}
