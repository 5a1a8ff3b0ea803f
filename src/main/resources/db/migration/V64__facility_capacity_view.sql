-- Estate's published read model for a transfer's destination (REQ-47): whether a facility is open, its country, and
-- the operational capacity of its active places that hold people. Custody's TRANSFER_DESTINATION rule reads this,
-- never estate's tables (docs/architecture.md, "Published read models").
CREATE VIEW estate_facility_capacity AS
SELECT f.code AS facility_code, f.status, f.country,
       coalesce((SELECT sum(l.operational_capacity) FROM location l
                  WHERE l.facility_code = f.code AND l.status = 'ACTIVE' AND l.maximum_capacity IS NOT NULL), 0)
           AS operational
  FROM facility f;
