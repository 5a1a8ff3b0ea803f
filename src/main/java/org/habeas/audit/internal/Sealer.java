package org.habeas.audit.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed, unsealed journal entries into the chain and signs a checkpoint over the new head. Writers never
 * wait for it: they only insert, and the sealer picks their entries up once committed, in the order it finds
 * them. An entry whose transaction commits late (a lower seq than entries already sealed) simply gets a later
 * chain position. Only one sealer runs at a time, across every application instance.
 */
@Component
public class Sealer {

    /** At most this many entries per sealing transaction (and per checkpoint). */
    public static final int BATCH = 20_000;

    // Names the journal sealer among PostgreSQL advisory locks ("HabeasJL"); any constant no one else uses.
    static final long ADVISORY_LOCK = 0x4861_6265_6173_4A4CL;

    private final JournalRepository repository;
    private final JournalKey key;
    private final Clock clock;
    private final Witness witness;
    private final TransactionTemplate transaction;

    Sealer(JournalRepository repository, JournalKey key, Witness witness, Clock clock,
           PlatformTransactionManager transactions) {
        this.repository = repository;
        this.key = key;
        this.witness = witness;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // READ COMMITTED on purpose: each statement after the lock must see what the previous sealer committed
        // while we waited for the lock. Under REPEATABLE READ the snapshot would predate the wait.
        this.transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /**
     * Seals everything committed so far, one batch per transaction, and copies each committed checkpoint to the
     * witness; answers how many entries it sealed.
     */
    public int sealNow() {
        int total = 0;
        int sealed;
        do {
            Sealed batch = transaction.execute(status -> sealBatch());
            sealed = batch == null ? 0 : batch.entries();
            if (batch != null) {
                witness.record(batch.checkpoint());
            }
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private record Sealed(int entries, Checkpoint checkpoint) {
    }

    private Sealed sealBatch() {
        repository.lockSealer(ADVISORY_LOCK);
        List<EntryContent> entries = repository.lockUnsealed(BATCH);
        if (entries.isEmpty()) {
            return null;
        }
        // The signed head, not max(chain_pos): the chain continues from what was last attested.
        var head = repository.lastCheckpoint();
        long position = head.map(Checkpoint::upToPosition).orElse(0L);
        byte[] previous = head.map(Checkpoint::headHash).orElseGet(Chain::genesis);

        int n = entries.size();
        long[] seqs = new long[n];
        long[] positions = new long[n];
        byte[][] prevHashes = new byte[n][];
        byte[][] entryHashes = new byte[n][];
        var chain = new Chain();
        for (int i = 0; i < n; i++) {
            EntryContent entry = entries.get(i);
            seqs[i] = entry.seq();
            positions[i] = ++position;
            prevHashes[i] = previous;
            previous = chain.link(previous, entry);
            entryHashes[i] = previous;
        }
        int updated = repository.seal(seqs, positions, prevHashes, entryHashes);
        if (updated != n) {
            throw new IllegalStateException("sealed " + updated + " of " + n + " locked journal entries");
        }
        Instant now = clock.instant();
        byte[] signature = key.sign(Checkpoint.signedText(position, previous, now, key.id()));
        var checkpoint = new Checkpoint(position, previous, now, key.id(), signature);
        repository.insertCheckpoint(checkpoint);
        return new Sealed(n, checkpoint);
    }
}
