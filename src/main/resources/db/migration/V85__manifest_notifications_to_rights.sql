-- The notifications a transfer owes (REQ-36, REQ-38) are the rights module's duties, opened from custody's events
-- through the outbox (V81): an arrival is an admission, an outbound handover a handover. The manifest's own table of
-- PENDING notices (V69), which nothing delivered, duplicated them; it never held data in service.
DROP TABLE manifest_notification;
