/// The first schema: every table of the document. Frozen once released — later versions change
/// it only through new migrations, so that a file made by this version always opens and upgrades.
///
/// References between entities are foreign keys, deferred to commit so that one change set may
/// put things in any order; a change set that would leave a dangling reference is refused whole.
/// Ordered lists keep their order in a `position` column. Every referring column is the prefix of
/// a full (never partial) index, because SQLite's foreign-key checks cannot use partial indexes
/// and would otherwise scan the table for each deleted parent.
enum SchemaV1 {
    static let sql = """
    CREATE TABLE framework (
        code TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        sector TEXT NOT NULL DEFAULT '',
        description TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('own', 'esco', 'case', 'moodle')),
        version TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        review_status TEXT NOT NULL CHECK (review_status IN ('draft', 'in-review', 'approved')),
        uri TEXT,
        scale TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scale)),
        scale_configuration TEXT,
        taxonomy TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(taxonomy))
    );

    CREATE TABLE competency (
        id INTEGER PRIMARY KEY,
        framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        code TEXT NOT NULL,
        uri TEXT,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        type TEXT NOT NULL CHECK (type IN ('knowledge', 'skill/competence', 'transversal')),
        parent TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        UNIQUE (framework, code),
        FOREIGN KEY (framework, parent) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE INDEX competency_by_parent ON competency(framework, parent, position);

    CREATE TABLE competency_alt_label (
        competency INTEGER NOT NULL REFERENCES competency(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        label TEXT NOT NULL,
        PRIMARY KEY (competency, position)
    ) WITHOUT ROWID;

    CREATE TABLE competency_relation (
        competency INTEGER NOT NULL REFERENCES competency(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        target_framework TEXT,
        target_code TEXT,
        target_uri TEXT,
        PRIMARY KEY (competency, position),
        FOREIGN KEY (target_framework, target_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX competency_relation_by_target ON competency_relation(target_framework, target_code);

    CREATE TABLE credential (
        code TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        awarding_body TEXT NOT NULL DEFAULT '',
        issuer_country TEXT NOT NULL DEFAULT '',
        ects REAL,
        hours REAL,
        eqf_level INTEGER CHECK (eqf_level BETWEEN 1 AND 8),
        qf_ehea_cycle TEXT CHECK (qf_ehea_cycle IN ('short', 'first', 'second', 'third')),
        assessment TEXT NOT NULL DEFAULT '',
        participation TEXT CHECK (participation IN ('online', 'onsite', 'blended')),
        quality_assurance TEXT NOT NULL DEFAULT '',
        prerequisite_note TEXT NOT NULL DEFAULT '',
        supervision TEXT CHECK (supervision IN ('unsupervised-no-id', 'supervised-no-id', 'supervised-with-id')),
        grading_scheme TEXT NOT NULL DEFAULT '',
        stackable INTEGER NOT NULL DEFAULT 0 CHECK (stackable IN (0, 1)),
        stackable_towards TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(stackable_towards)),
        further_information TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),
        isced_field TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'retired'))
    );

    CREATE TABLE learning_outcome (
        credential TEXT NOT NULL REFERENCES credential(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        statement TEXT NOT NULL,
        PRIMARY KEY (credential, position)
    ) WITHOUT ROWID;

    CREATE TABLE outcome_mapping (
        credential TEXT NOT NULL,
        outcome INTEGER NOT NULL,
        position INTEGER NOT NULL,
        competency_framework TEXT NOT NULL,
        competency_code TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
        PRIMARY KEY (credential, outcome, position),
        FOREIGN KEY (credential, outcome) REFERENCES learning_outcome(credential, position) ON DELETE CASCADE,
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX outcome_mapping_by_competency ON outcome_mapping(competency_framework, competency_code);

    CREATE TABLE credential_prerequisite (
        credential TEXT NOT NULL REFERENCES credential(code) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('required', 'recommended')),
        position INTEGER NOT NULL,
        prerequisite TEXT NOT NULL REFERENCES credential(code) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (credential, kind, position)
    ) WITHOUT ROWID;
    CREATE INDEX credential_prerequisite_by_prerequisite ON credential_prerequisite(prerequisite);

    CREATE TABLE competency_prerequisite (
        credential TEXT NOT NULL REFERENCES credential(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        competency_framework TEXT NOT NULL,
        competency_code TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
        PRIMARY KEY (credential, position),
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX competency_prerequisite_by_competency ON competency_prerequisite(competency_framework, competency_code);

    CREATE TABLE pathway (
        code TEXT PRIMARY KEY NOT NULL,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        review_status TEXT NOT NULL CHECK (review_status IN ('draft', 'in-review', 'approved')),
        target_occupation TEXT NOT NULL DEFAULT '',
        target_occupation_uri TEXT,
        target_eqf_level INTEGER CHECK (target_eqf_level BETWEEN 1 AND 8),
        target_min_ects REAL,
        target_max_ects REAL
    );

    CREATE TABLE target_competency (
        pathway TEXT NOT NULL REFERENCES pathway(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        competency_framework TEXT NOT NULL,
        competency_code TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
        PRIMARY KEY (pathway, position),
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX target_competency_by_competency ON target_competency(competency_framework, competency_code);

    CREATE TABLE stage (
        pathway TEXT NOT NULL REFERENCES pathway(code) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        PRIMARY KEY (pathway, position)
    ) WITHOUT ROWID;

    CREATE TABLE stage_core (
        pathway TEXT NOT NULL,
        stage INTEGER NOT NULL,
        position INTEGER NOT NULL,
        credential TEXT NOT NULL REFERENCES credential(code) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (pathway, stage, position),
        FOREIGN KEY (pathway, stage) REFERENCES stage(pathway, position) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX stage_core_by_credential ON stage_core(credential);

    CREATE TABLE elective_group (
        pathway TEXT NOT NULL,
        stage INTEGER NOT NULL,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        choose INTEGER NOT NULL,
        PRIMARY KEY (pathway, stage, position),
        FOREIGN KEY (pathway, stage) REFERENCES stage(pathway, position) ON DELETE CASCADE
    ) WITHOUT ROWID;

    CREATE TABLE elective_option (
        pathway TEXT NOT NULL,
        stage INTEGER NOT NULL,
        grp INTEGER NOT NULL,
        position INTEGER NOT NULL,
        credential TEXT NOT NULL REFERENCES credential(code) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (pathway, stage, grp, position),
        FOREIGN KEY (pathway, stage, grp) REFERENCES elective_group(pathway, stage, position) ON DELETE CASCADE
    ) WITHOUT ROWID;
    CREATE INDEX elective_option_by_credential ON elective_option(credential);

    CREATE TABLE learner (
        name TEXT PRIMARY KEY NOT NULL,
        note TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE completion (
        learner TEXT NOT NULL REFERENCES learner(name) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        credential TEXT NOT NULL REFERENCES credential(code) DEFERRABLE INITIALLY DEFERRED,
        date TEXT NOT NULL,
        PRIMARY KEY (learner, position)
    ) WITHOUT ROWID;
    CREATE INDEX completion_by_credential ON completion(credential);

    CREATE TABLE prior_learning (
        learner TEXT NOT NULL REFERENCES learner(name) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        competency_framework TEXT NOT NULL,
        competency_code TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 8),
        PRIMARY KEY (learner, position),
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX prior_learning_by_competency ON prior_learning(competency_framework, competency_code);

    CREATE TABLE comment (
        id INTEGER PRIMARY KEY,
        author TEXT NOT NULL,
        date TEXT NOT NULL,
        text TEXT NOT NULL,
        subject_kind TEXT NOT NULL CHECK (subject_kind IN ('framework', 'competency', 'credential', 'pathway')),
        framework TEXT REFERENCES framework(code) DEFERRABLE INITIALLY DEFERRED,
        competency_framework TEXT,
        competency_code TEXT,
        credential TEXT REFERENCES credential(code) DEFERRABLE INITIALLY DEFERRED,
        pathway TEXT REFERENCES pathway(code) DEFERRABLE INITIALLY DEFERRED,
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE INDEX comment_by_framework ON comment(framework);
    CREATE INDEX comment_by_competency ON comment(competency_framework, competency_code);
    CREATE INDEX comment_by_credential ON comment(credential);
    CREATE INDEX comment_by_pathway ON comment(pathway);

    CREATE TABLE occupation (
        code TEXT PRIMARY KEY NOT NULL,
        uri TEXT,
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        isco_group TEXT NOT NULL DEFAULT ''
    );

    CREATE TABLE occupation_skill (
        occupation TEXT NOT NULL REFERENCES occupation(code) ON DELETE CASCADE,
        essential INTEGER NOT NULL CHECK (essential IN (0, 1)),
        position INTEGER NOT NULL,
        competency_framework TEXT NOT NULL,
        competency_code TEXT NOT NULL,
        PRIMARY KEY (occupation, essential, position),
        FOREIGN KEY (competency_framework, competency_code) REFERENCES competency(framework, code) DEFERRABLE INITIALLY DEFERRED
    ) WITHOUT ROWID;
    CREATE INDEX occupation_skill_by_competency ON occupation_skill(competency_framework, competency_code);
    """
}
