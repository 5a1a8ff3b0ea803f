-- Why: a return case closes only on the person's return or on a court's decision (REQ-45), and a court's decision
-- is cited by its reference. V63 kept who closed and when, not on what: the closure's reference and summary are
-- added here, and the database refuses a case closed by a court without the decision's reference.
ALTER TABLE legal_return_case
    ADD COLUMN closure_reference text CHECK (length(closure_reference) BETWEEN 1 AND 300),
    ADD COLUMN closure_summary   text CHECK (length(closure_summary) BETWEEN 1 AND 4000),
    ADD CONSTRAINT legal_return_case_closed_by_court_cites_decision
        CHECK (status <> 'CLOSED_BY_COURT' OR closure_reference IS NOT NULL),
    ADD CONSTRAINT legal_return_case_closure_explained
        CHECK ((status = 'OPEN') = (closure_summary IS NULL));

CREATE INDEX legal_return_case_by_person ON legal_return_case (person_id, opened_at DESC);
