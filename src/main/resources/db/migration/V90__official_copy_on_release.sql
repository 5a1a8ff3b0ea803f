-- Why: on release the person is entitled to an official copy of their record (REQ-15, Mandela Rule 9). Handing it
-- over is a duty like telling the family: a task to the person, opened by the release, tracked to done or overdue.
ALTER TABLE notification_task DROP CONSTRAINT notification_task_recipient_check;
ALTER TABLE notification_task ADD CONSTRAINT notification_task_recipient_check
    CHECK (recipient IN ('FAMILY', 'COUNSEL', 'PERSON'));
