-- The user's settings (issue 13): a small table of named values, starting with the size limit of
-- each file of the per-year upload kit, which the 网上核认系统 does not publish. The application
-- layer gives each key its type, default and allowed range; the store only keeps the text.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    value TEXT NOT NULL CHECK (length(value) <= 1000)
) STRICT;
