package org.habeas.custody;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.habeas.audit.Journal;
import org.habeas.audit.JournalEntry;
import org.habeas.custody.internal.CustodyRepository;
import org.habeas.custody.internal.CustodyRepository.JuvenileEpisode;
import org.habeas.people.AdmissionFacts;
import org.habeas.people.Birth;
import org.habeas.people.PeopleService;
import org.habeas.people.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People held as minors become adults on their 18th birthday (REQ-20, Mandela Rule 11: young people and adults
 * apart). Admission classifies once; without this, someone admitted at 17 would be judged a minor for the rest of
 * the episode: refused from adult cells and let into units for minors. The classification follows the birth date
 * as recorded now (a corrected birth date counts); a person of unknown birth keeps the classification admission
 * gave, as at admission.
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
     * (CLASSIFIED_ADULT) for their facility; the per-cell counts the SEPARATION rule reads follow in the same
     * transaction, so from then on the rule judges them as adults.
     */
    @Transactional
    public int reclassify() {
        List<JuvenileEpisode> open = repository.openJuvenileEpisodes();
        if (open.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<PersonId, AdmissionFacts> facts = people.admissionFacts(open.stream().map(JuvenileEpisode::person)
                .toList());
        List<JuvenileEpisode> adults = open.stream().filter(e -> facts.containsKey(e.person())
                && facts.get(e.person()).birth().precision() != Birth.Precision.UNKNOWN
                && !CustodyService.juvenileAt(facts.get(e.person()).birth(), now)).toList();
        if (adults.isEmpty()) {
            return 0;
        }
        repository.markAdult(adults.stream().map(JuvenileEpisode::episode).toList());
        journal.appendAll(adults.stream().map(e -> JournalEntry.of("CLASSIFIED_ADULT", "person",
                e.person().toString()).withFacility(e.facility()).withReason("turned 18 while held")).toList());
        return adults.size();
    }
}
