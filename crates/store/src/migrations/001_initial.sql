-- Migration 1: the first schema of the ledger database.
--
-- Why it exists: the user's records must live for decades in one file that survives crashes and
-- upgrades. Tables mirror the `xueshi-ledger` format field by field so that export is lossless,
-- and a change log written by triggers records every insert, update and delete, so that nothing a
-- user removes is ever lost without trace (the log keeps the removed row as JSON).
--
-- STRICT tables refuse values of the wrong type; CHECK constraints keep the closed vocabularies
-- and counts within what the ledger format accepts. Dates are `YYYY-MM-DD` text.

-- Marks the file as a 学时手册 database ('xues'), so that restore can refuse other SQLite files.
PRAGMA application_id = 2020959603;

-- The first page of the 登记手册: one row at most.
CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT,
    id_number TEXT,
    employer TEXT,
    current_title TEXT,
    title_date TEXT,
    certificate_number TEXT,
    city TEXT
) STRICT;

-- Planned title applications: the year, level, path and (optionally) the rule set to assess with.
CREATE TABLE applications (
    seq INTEGER PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    level TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT 'standard',
    rules TEXT,
    UNIQUE (year, level, path)
) STRICT;

-- One row per activity; `seq` keeps the ledger's order, `id` is the ledger's record id.
-- Kind-specific fields are NULL where the kind does not use them. Hours are kept exactly, in
-- hundredths (the core's fixed-point `Hours`).
CREATE TABLE activities (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE CHECK (length(trim(id)) > 0),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL,
    end_date TEXT,
    provider TEXT,
    note TEXT,
    category TEXT CHECK (category IN ('public', 'professional')),
    days INTEGER CHECK (days >= 0),
    half_days INTEGER CHECK (half_days >= 0),
    evenings INTEGER CHECK (evenings >= 0),
    hours_x100 INTEGER CHECK (hours_x100 >= 0),
    level TEXT,
    role TEXT,
    venue TEXT,
    patent_type TEXT,
    rank INTEGER CHECK (rank > 0),
    grade INTEGER CHECK (grade BETWEEN 1 AND 3),
    units INTEGER CHECK (units > 0),
    medal TEXT,
    from_year INTEGER,
    to_year INTEGER,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX activities_by_date ON activities (date);

-- The files in the evidence vault, one row per distinct content (stored once under its SHA-256).
CREATE TABLE evidence_files (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size INTEGER NOT NULL CHECK (size > 0),
    file_type TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- Evidence attached to an activity: the file's original name, the material it is (结业证书 …),
-- and its content in the vault. `sha256` is NULL for a file named in an imported ledger but not
-- supplied with it. Removing an activity removes these rows (logged); the vault files stay until
-- `vacuum`.
CREATE TABLE evidence (
    seq INTEGER PRIMARY KEY,
    activity INTEGER NOT NULL REFERENCES activities (seq) ON DELETE CASCADE,
    file_name TEXT NOT NULL CHECK (length(file_name) > 0),
    material TEXT NOT NULL CHECK (length(trim(material)) > 0),
    sha256 TEXT REFERENCES evidence_files (sha256),
    attached_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX evidence_by_activity ON evidence (activity);
CREATE INDEX evidence_by_sha256 ON evidence (sha256);

-- The unit's yearly confirmation of the 登记手册 (年度验证): confirmed or not, when, and a note.
CREATE TABLE year_confirmations (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 1950 AND 2100),
    confirmed INTEGER NOT NULL CHECK (confirmed IN (0, 1)),
    date TEXT,
    note TEXT
) STRICT;

-- Every insert, update and delete of the tables above, with the row before and after as JSON.
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    entity TEXT NOT NULL,
    key TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    before TEXT,
    after TEXT
) STRICT;

-- Change log of profile.
CREATE TRIGGER log_profile_insert AFTER INSERT ON profile BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('profile', NEW.id, 'insert',
        NULL,
        json_object('id', NEW.id, 'name', NEW.name, 'id_number', NEW.id_number, 'employer', NEW.employer, 'current_title', NEW.current_title, 'title_date', NEW.title_date, 'certificate_number', NEW.certificate_number, 'city', NEW.city));
END;
CREATE TRIGGER log_profile_update AFTER UPDATE ON profile BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('profile', NEW.id, 'update',
        json_object('id', OLD.id, 'name', OLD.name, 'id_number', OLD.id_number, 'employer', OLD.employer, 'current_title', OLD.current_title, 'title_date', OLD.title_date, 'certificate_number', OLD.certificate_number, 'city', OLD.city),
        json_object('id', NEW.id, 'name', NEW.name, 'id_number', NEW.id_number, 'employer', NEW.employer, 'current_title', NEW.current_title, 'title_date', NEW.title_date, 'certificate_number', NEW.certificate_number, 'city', NEW.city));
END;
CREATE TRIGGER log_profile_delete AFTER DELETE ON profile BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('profile', OLD.id, 'delete',
        json_object('id', OLD.id, 'name', OLD.name, 'id_number', OLD.id_number, 'employer', OLD.employer, 'current_title', OLD.current_title, 'title_date', OLD.title_date, 'certificate_number', OLD.certificate_number, 'city', OLD.city),
        NULL);
END;

-- Change log of applications.
CREATE TRIGGER log_applications_insert AFTER INSERT ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', NEW.seq, 'insert',
        NULL,
        json_object('seq', NEW.seq, 'year', NEW.year, 'level', NEW.level, 'path', NEW.path, 'rules', NEW.rules));
END;
CREATE TRIGGER log_applications_update AFTER UPDATE ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', NEW.seq, 'update',
        json_object('seq', OLD.seq, 'year', OLD.year, 'level', OLD.level, 'path', OLD.path, 'rules', OLD.rules),
        json_object('seq', NEW.seq, 'year', NEW.year, 'level', NEW.level, 'path', NEW.path, 'rules', NEW.rules));
END;
CREATE TRIGGER log_applications_delete AFTER DELETE ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', OLD.seq, 'delete',
        json_object('seq', OLD.seq, 'year', OLD.year, 'level', OLD.level, 'path', OLD.path, 'rules', OLD.rules),
        NULL);
END;

-- Change log of activities.
CREATE TRIGGER log_activities_insert AFTER INSERT ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', NEW.id, 'insert',
        NULL,
        json_object('seq', NEW.seq, 'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title, 'date', NEW.date, 'end_date', NEW.end_date, 'provider', NEW.provider, 'note', NEW.note, 'category', NEW.category, 'days', NEW.days, 'half_days', NEW.half_days, 'evenings', NEW.evenings, 'hours_x100', NEW.hours_x100, 'level', NEW.level, 'role', NEW.role, 'venue', NEW.venue, 'patent_type', NEW.patent_type, 'rank', NEW.rank, 'grade', NEW.grade, 'units', NEW.units, 'medal', NEW.medal, 'from_year', NEW.from_year, 'to_year', NEW.to_year));
END;
CREATE TRIGGER log_activities_update AFTER UPDATE ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', NEW.id, 'update',
        json_object('seq', OLD.seq, 'id', OLD.id, 'kind', OLD.kind, 'title', OLD.title, 'date', OLD.date, 'end_date', OLD.end_date, 'provider', OLD.provider, 'note', OLD.note, 'category', OLD.category, 'days', OLD.days, 'half_days', OLD.half_days, 'evenings', OLD.evenings, 'hours_x100', OLD.hours_x100, 'level', OLD.level, 'role', OLD.role, 'venue', OLD.venue, 'patent_type', OLD.patent_type, 'rank', OLD.rank, 'grade', OLD.grade, 'units', OLD.units, 'medal', OLD.medal, 'from_year', OLD.from_year, 'to_year', OLD.to_year),
        json_object('seq', NEW.seq, 'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title, 'date', NEW.date, 'end_date', NEW.end_date, 'provider', NEW.provider, 'note', NEW.note, 'category', NEW.category, 'days', NEW.days, 'half_days', NEW.half_days, 'evenings', NEW.evenings, 'hours_x100', NEW.hours_x100, 'level', NEW.level, 'role', NEW.role, 'venue', NEW.venue, 'patent_type', NEW.patent_type, 'rank', NEW.rank, 'grade', NEW.grade, 'units', NEW.units, 'medal', NEW.medal, 'from_year', NEW.from_year, 'to_year', NEW.to_year));
END;
CREATE TRIGGER log_activities_delete AFTER DELETE ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', OLD.id, 'delete',
        json_object('seq', OLD.seq, 'id', OLD.id, 'kind', OLD.kind, 'title', OLD.title, 'date', OLD.date, 'end_date', OLD.end_date, 'provider', OLD.provider, 'note', OLD.note, 'category', OLD.category, 'days', OLD.days, 'half_days', OLD.half_days, 'evenings', OLD.evenings, 'hours_x100', OLD.hours_x100, 'level', OLD.level, 'role', OLD.role, 'venue', OLD.venue, 'patent_type', OLD.patent_type, 'rank', OLD.rank, 'grade', OLD.grade, 'units', OLD.units, 'medal', OLD.medal, 'from_year', OLD.from_year, 'to_year', OLD.to_year),
        NULL);
END;

-- Change log of evidence_files.
CREATE TRIGGER log_evidence_files_insert AFTER INSERT ON evidence_files BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence_files', NEW.sha256, 'insert',
        NULL,
        json_object('sha256', NEW.sha256, 'size', NEW.size, 'file_type', NEW.file_type, 'stored_at', NEW.stored_at));
END;
CREATE TRIGGER log_evidence_files_update AFTER UPDATE ON evidence_files BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence_files', NEW.sha256, 'update',
        json_object('sha256', OLD.sha256, 'size', OLD.size, 'file_type', OLD.file_type, 'stored_at', OLD.stored_at),
        json_object('sha256', NEW.sha256, 'size', NEW.size, 'file_type', NEW.file_type, 'stored_at', NEW.stored_at));
END;
CREATE TRIGGER log_evidence_files_delete AFTER DELETE ON evidence_files BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence_files', OLD.sha256, 'delete',
        json_object('sha256', OLD.sha256, 'size', OLD.size, 'file_type', OLD.file_type, 'stored_at', OLD.stored_at),
        NULL);
END;

-- Change log of evidence.
CREATE TRIGGER log_evidence_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence', NEW.seq, 'insert',
        NULL,
        json_object('seq', NEW.seq, 'activity', NEW.activity, 'file_name', NEW.file_name, 'material', NEW.material, 'sha256', NEW.sha256, 'attached_at', NEW.attached_at));
END;
CREATE TRIGGER log_evidence_update AFTER UPDATE ON evidence BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence', NEW.seq, 'update',
        json_object('seq', OLD.seq, 'activity', OLD.activity, 'file_name', OLD.file_name, 'material', OLD.material, 'sha256', OLD.sha256, 'attached_at', OLD.attached_at),
        json_object('seq', NEW.seq, 'activity', NEW.activity, 'file_name', NEW.file_name, 'material', NEW.material, 'sha256', NEW.sha256, 'attached_at', NEW.attached_at));
END;
CREATE TRIGGER log_evidence_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('evidence', OLD.seq, 'delete',
        json_object('seq', OLD.seq, 'activity', OLD.activity, 'file_name', OLD.file_name, 'material', OLD.material, 'sha256', OLD.sha256, 'attached_at', OLD.attached_at),
        NULL);
END;

-- Change log of year_confirmations.
CREATE TRIGGER log_year_confirmations_insert AFTER INSERT ON year_confirmations BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('year_confirmations', NEW.year, 'insert',
        NULL,
        json_object('year', NEW.year, 'confirmed', NEW.confirmed, 'date', NEW.date, 'note', NEW.note));
END;
CREATE TRIGGER log_year_confirmations_update AFTER UPDATE ON year_confirmations BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('year_confirmations', NEW.year, 'update',
        json_object('year', OLD.year, 'confirmed', OLD.confirmed, 'date', OLD.date, 'note', OLD.note),
        json_object('year', NEW.year, 'confirmed', NEW.confirmed, 'date', NEW.date, 'note', NEW.note));
END;
CREATE TRIGGER log_year_confirmations_delete AFTER DELETE ON year_confirmations BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('year_confirmations', OLD.year, 'delete',
        json_object('year', OLD.year, 'confirmed', OLD.confirmed, 'date', OLD.date, 'note', OLD.note),
        NULL);
END;
