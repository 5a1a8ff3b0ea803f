-- Verification can now find a cut-off tail through the witness copy of the checkpoints kept outside the
-- database (Verification.Problem.TRUNCATED); the record of each run must be able to say so.
ALTER TABLE journal_verification DROP CONSTRAINT journal_verification_problem_check;
ALTER TABLE journal_verification ADD CONSTRAINT journal_verification_problem_check
    CHECK (problem IN ('ALTERED', 'MISSING', 'LINK_BROKEN', 'CHECKPOINT_MISMATCH', 'BAD_SIGNATURE', 'UNKNOWN_KEY',
                       'UNSIGNED', 'TRUNCATED'));
