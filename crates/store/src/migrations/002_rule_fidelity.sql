-- Rule fidelity, second pass (issue 9):
-- * a 事业单位工作人员培训 records the platform it was done on (the 2026 notice credits only the
--   unified platform), and a posting records which special task it was (2026: only 三援);
-- * training, meeting and practice records may hold the 学时 on their proof (`hours_x100`, already
--   a column; 2017 credits those);
-- * a plan may carry the window the user's own unit states, with where it comes from;
-- * the profile's city is one of Hunan's 14 市州 in its short form (常德市 becomes 常德, so the 常德
--   rules apply); a value that is no 市州 is cleared, and the change log keeps what it was.

ALTER TABLE activities ADD COLUMN platform TEXT CHECK (platform IN ('unified', 'other'));
ALTER TABLE activities ADD COLUMN task TEXT CHECK (task IN ('sanyuan', 'east_west', 'other'));

ALTER TABLE applications ADD COLUMN window_from INTEGER CHECK (window_from BETWEEN 1950 AND 2100);
ALTER TABLE applications ADD COLUMN window_to INTEGER CHECK (window_to BETWEEN 1950 AND 2100);
ALTER TABLE applications ADD COLUMN window_source TEXT;

UPDATE profile SET city = CASE
    WHEN trim(city) IN ('长沙', '湖南省长沙', '长沙市', '湖南省长沙市') THEN '长沙'
    WHEN trim(city) IN ('株洲', '湖南省株洲', '株洲市', '湖南省株洲市') THEN '株洲'
    WHEN trim(city) IN ('湘潭', '湖南省湘潭', '湘潭市', '湖南省湘潭市') THEN '湘潭'
    WHEN trim(city) IN ('衡阳', '湖南省衡阳', '衡阳市', '湖南省衡阳市') THEN '衡阳'
    WHEN trim(city) IN ('邵阳', '湖南省邵阳', '邵阳市', '湖南省邵阳市') THEN '邵阳'
    WHEN trim(city) IN ('岳阳', '湖南省岳阳', '岳阳市', '湖南省岳阳市') THEN '岳阳'
    WHEN trim(city) IN ('常德', '湖南省常德', '常德市', '湖南省常德市') THEN '常德'
    WHEN trim(city) IN ('张家界', '湖南省张家界', '张家界市', '湖南省张家界市') THEN '张家界'
    WHEN trim(city) IN ('益阳', '湖南省益阳', '益阳市', '湖南省益阳市') THEN '益阳'
    WHEN trim(city) IN ('郴州', '湖南省郴州', '郴州市', '湖南省郴州市') THEN '郴州'
    WHEN trim(city) IN ('永州', '湖南省永州', '永州市', '湖南省永州市') THEN '永州'
    WHEN trim(city) IN ('怀化', '湖南省怀化', '怀化市', '湖南省怀化市') THEN '怀化'
    WHEN trim(city) IN ('娄底', '湖南省娄底', '娄底市', '湖南省娄底市') THEN '娄底'
    WHEN trim(city) IN ('湘西', '湖南省湘西', '湘西州', '湖南省湘西州', '湘西自治州', '湖南省湘西自治州', '湘西土家族苗族自治州', '湖南省湘西土家族苗族自治州') THEN '湘西'
    ELSE NULL
END
WHERE city IS NOT NULL AND city NOT IN ('长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '张家界', '益阳', '郴州', '永州', '怀化', '娄底', '湘西');

-- The change log records the new columns too.
DROP TRIGGER log_activities_insert;
DROP TRIGGER log_activities_update;
DROP TRIGGER log_activities_delete;
CREATE TRIGGER log_activities_insert AFTER INSERT ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', NEW.id, 'insert',
        NULL,
        json_object('seq', NEW.seq, 'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title, 'date', NEW.date, 'end_date', NEW.end_date, 'provider', NEW.provider, 'note', NEW.note, 'category', NEW.category, 'days', NEW.days, 'half_days', NEW.half_days, 'evenings', NEW.evenings, 'hours_x100', NEW.hours_x100, 'level', NEW.level, 'role', NEW.role, 'venue', NEW.venue, 'patent_type', NEW.patent_type, 'rank', NEW.rank, 'grade', NEW.grade, 'units', NEW.units, 'medal', NEW.medal, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'platform', NEW.platform, 'task', NEW.task));
END;
CREATE TRIGGER log_activities_update AFTER UPDATE ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', NEW.id, 'update',
        json_object('seq', OLD.seq, 'id', OLD.id, 'kind', OLD.kind, 'title', OLD.title, 'date', OLD.date, 'end_date', OLD.end_date, 'provider', OLD.provider, 'note', OLD.note, 'category', OLD.category, 'days', OLD.days, 'half_days', OLD.half_days, 'evenings', OLD.evenings, 'hours_x100', OLD.hours_x100, 'level', OLD.level, 'role', OLD.role, 'venue', OLD.venue, 'patent_type', OLD.patent_type, 'rank', OLD.rank, 'grade', OLD.grade, 'units', OLD.units, 'medal', OLD.medal, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'platform', OLD.platform, 'task', OLD.task),
        json_object('seq', NEW.seq, 'id', NEW.id, 'kind', NEW.kind, 'title', NEW.title, 'date', NEW.date, 'end_date', NEW.end_date, 'provider', NEW.provider, 'note', NEW.note, 'category', NEW.category, 'days', NEW.days, 'half_days', NEW.half_days, 'evenings', NEW.evenings, 'hours_x100', NEW.hours_x100, 'level', NEW.level, 'role', NEW.role, 'venue', NEW.venue, 'patent_type', NEW.patent_type, 'rank', NEW.rank, 'grade', NEW.grade, 'units', NEW.units, 'medal', NEW.medal, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'platform', NEW.platform, 'task', NEW.task));
END;
CREATE TRIGGER log_activities_delete AFTER DELETE ON activities BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('activities', OLD.id, 'delete',
        json_object('seq', OLD.seq, 'id', OLD.id, 'kind', OLD.kind, 'title', OLD.title, 'date', OLD.date, 'end_date', OLD.end_date, 'provider', OLD.provider, 'note', OLD.note, 'category', OLD.category, 'days', OLD.days, 'half_days', OLD.half_days, 'evenings', OLD.evenings, 'hours_x100', OLD.hours_x100, 'level', OLD.level, 'role', OLD.role, 'venue', OLD.venue, 'patent_type', OLD.patent_type, 'rank', OLD.rank, 'grade', OLD.grade, 'units', OLD.units, 'medal', OLD.medal, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'platform', OLD.platform, 'task', OLD.task),
        NULL);
END;

DROP TRIGGER log_applications_insert;
DROP TRIGGER log_applications_update;
DROP TRIGGER log_applications_delete;
CREATE TRIGGER log_applications_insert AFTER INSERT ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', NEW.seq, 'insert',
        NULL,
        json_object('seq', NEW.seq, 'year', NEW.year, 'level', NEW.level, 'path', NEW.path, 'rules', NEW.rules, 'window_from', NEW.window_from, 'window_to', NEW.window_to, 'window_source', NEW.window_source));
END;
CREATE TRIGGER log_applications_update AFTER UPDATE ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', NEW.seq, 'update',
        json_object('seq', OLD.seq, 'year', OLD.year, 'level', OLD.level, 'path', OLD.path, 'rules', OLD.rules, 'window_from', OLD.window_from, 'window_to', OLD.window_to, 'window_source', OLD.window_source),
        json_object('seq', NEW.seq, 'year', NEW.year, 'level', NEW.level, 'path', NEW.path, 'rules', NEW.rules, 'window_from', NEW.window_from, 'window_to', NEW.window_to, 'window_source', NEW.window_source));
END;
CREATE TRIGGER log_applications_delete AFTER DELETE ON applications BEGIN
    INSERT INTO change_log (entity, key, action, before, after)
    VALUES ('applications', OLD.seq, 'delete',
        json_object('seq', OLD.seq, 'year', OLD.year, 'level', OLD.level, 'path', OLD.path, 'rules', OLD.rules, 'window_from', OLD.window_from, 'window_to', OLD.window_to, 'window_source', OLD.window_source),
        NULL);
END;
