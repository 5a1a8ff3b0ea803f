-- Why: people held as minors are reclassified as adults once they turn 18 (REQ-20); the hourly job reads the open
-- episodes still marked juvenile, a handful among tens of thousands, through this index.
CREATE INDEX custody_episode_open_juvenile ON custody_episode (person_id) WHERE juvenile AND ended_at IS NULL;
