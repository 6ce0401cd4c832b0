/// The migration of version 2 exactly as released, frozen here (with `FrozenSchemaV1`) so that the
/// migration tests keep building a real version-2 file after the app's own schema moves on.
/// Never edit it.
enum FrozenSchemaV2 {
    static let sql = """
    CREATE VIRTUAL TABLE competency_search USING fts5(
        title, alt_labels, description,
        tokenize = 'unicode61 remove_diacritics 2',
        detail = column
    );
    INSERT INTO competency_search(rowid, title, alt_labels, description)
        SELECT c.id, c.title,
               coalesce((SELECT group_concat(label, char(10)) FROM competency_alt_label WHERE competency = c.id), ''),
               c.description
        FROM competency c;
    CREATE TRIGGER competency_search_delete AFTER DELETE ON competency BEGIN
        DELETE FROM competency_search WHERE rowid = OLD.id;
    END;
    INSERT INTO grdb_migrations VALUES ('v2-competency-search');
    PRAGMA user_version = 2;
    """

    /// Rows as version 2 wrote them, on top of `FrozenSchemaV1.rows`: a second framework with
    /// UUID codes as ESCO has them, occupations linking to competencies of both frameworks (in
    /// both lists, out of key order), and a comment on a competency. Written before `sql`, so the
    /// search index covers them as version 2's own writer would have.
    static let rows = """
    INSERT INTO framework (code, title, source, review_status) VALUES ('ESCO', 'ESCO skills', 'esco', 'draft');
    INSERT INTO competency (id, framework, code, uri, title, description, type, parent, position) VALUES
        (7, 'ESCO', '0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11', 'http://data.europa.eu/esco/skill/0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11',
            'manage budgets', 'Plan, monitor and report on the budget.', 'skill/competence', NULL, 0),
        (9, 'ESCO', '7c9e6679-7425-40de-944b-e07fc1f90ae7', NULL,
            'welding techniques', 'Methods of joining metal.', 'knowledge', '0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11', 0),
        (12, 'ESCO', 'a8098c1a-f86e-11da-bd1a-00112444be1e', NULL,
            'speak Portuguese', '', 'transversal', NULL, 1);
    INSERT INTO competency_alt_label (competency, position, label) VALUES
        (7, 0, 'budget management'), (7, 1, 'financial planning'), (12, 0, 'Portuguese');
    INSERT INTO occupation (code, uri, title, description, isco_group) VALUES
        ('f2a4c9d0-0000-4000-8000-000000000002', 'http://data.europa.eu/esco/occupation/f2a4', 'welder', 'Joins metal.', '7212'),
        ('OWN-BUYER', NULL, 'Buyer', '', ''),
        ('EMPTY-ROLE', NULL, 'Role without skills', '', '');
    INSERT INTO occupation_skill (occupation, essential, position, competency_framework, competency_code) VALUES
        ('OWN-BUYER', 1, 1, 'ESCO', '0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11'),
        ('OWN-BUYER', 1, 0, 'OLD', 'C1'),
        ('OWN-BUYER', 0, 0, 'ESCO', 'a8098c1a-f86e-11da-bd1a-00112444be1e'),
        ('f2a4c9d0-0000-4000-8000-000000000002', 1, 0, 'ESCO', '7c9e6679-7425-40de-944b-e07fc1f90ae7'),
        ('f2a4c9d0-0000-4000-8000-000000000002', 0, 1, 'OLD', 'C2'),
        ('f2a4c9d0-0000-4000-8000-000000000002', 0, 0, 'ESCO', '0f2b8c1e-5a7d-4c1a-9d36-2b7f0c1e4a11');
    INSERT INTO comment (id, author, date, text, subject_kind, competency_framework, competency_code) VALUES
        (4, 'Partner', '2025-01-02', 'Split this one?', 'competency', 'ESCO', '7c9e6679-7425-40de-944b-e07fc1f90ae7');
    """
}
