package org.habeas.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.custody.internal.CustodyRepository;
import org.habeas.custody.internal.CustodyRepository.HeldMinor;
import org.habeas.custody.internal.CustodyRepository.Reclassified;
import org.habeas.people.AdmissionFacts;
import org.habeas.people.Birth;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People held as minors become adults on their 18th birthday (REQ-20, Mandela Rule 11: young people and adults
 * apart). Admission classifies once; without this, someone admitted at 17 would be judged a minor for the rest of
 * the episode: refused from adult cells and let into units for minors. The birthday is the one the recorded birth
 * date gives now (a corrected birth date counts), on the facility's local calendar; a partial birth date counts
 * from the latest day it allows, so nobody is taken for an adult early; a person of unknown birth keeps the
 * classification admission gave.
 */
@Service
public class ComingOfAge {

    private final CustodyRepository repository;
    private final PeopleService people;
    private final Journal journal;
    private final Clock clock;

    ComingOfAge(CustodyRepository repository, PeopleService people, Journal journal, Clock clock) {
        this.repository = repository;
        this.people = people;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Reclassifies as adults the people held as minors who are 18 now; answers how many. Each is journaled
     * (CLASSIFIED_ADULT) for the facility holding them; the per-cell counts the SEPARATION rule reads follow in the
     * same transaction, so from then on the rule judges them as adults. Someone being moved at that moment is left
     * for the next run.
     */
    @Transactional
    public int reclassify() {
        List<HeldMinor> held = repository.heldMinors();
        if (held.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<PersonId, AdmissionFacts> facts = people.admissionFacts(held.stream().map(HeldMinor::person).toList());
        List<PersonId> adults = held.stream().filter(h -> {
            AdmissionFacts f = facts.get(h.person());
            return f != null && f.birth().precision() != Birth.Precision.UNKNOWN
                    && !CustodyService.juvenileOn(f.birth(), now.atZone(h.zone()).toLocalDate());
        }).map(HeldMinor::person).toList();
        if (adults.isEmpty()) {
            return 0;
        }
        List<Reclassified> changed = repository.markAdult(adults);
        journal.appendAll(changed.stream().map(h -> JournalEntry.of("CLASSIFIED_ADULT", "person",
                h.person().toString()).withFacility(h.facility()).withReason("turned 18 while held")).toList());
        return changed.size();
    }
}
