-- The translation memory (org.passerelle.memory.TranslationMemory), beside the ledger. The same SQL
-- on HSQLDB and PostgreSQL; every lookup is by primary key.
-- A segment is a title or a paragraph: SEGMENT_KEY hashes the engine (provider, model, prompt version),
-- the glossary entries its French uses and its normalised French (with its neighbours when it is very
-- short). ARTICLE_KEY is the article it was last part of, to find the summary a changed article revises.
CREATE TABLE IF NOT EXISTS PASSERELLE_MEMORY_SEGMENT (
    SEGMENT_KEY     CHAR(64)       NOT NULL PRIMARY KEY,
    KIND            CHAR(1)        NOT NULL,
    PROVIDER        VARCHAR(32)    NOT NULL,
    MODEL           VARCHAR(200)   NOT NULL,
    PROMPT_VERSION  VARCHAR(64)    NOT NULL,
    ENGLISH         VARCHAR(32000) NOT NULL,
    ARTICLE_KEY     CHAR(64),
    CREATED_AT      TIMESTAMP      NOT NULL,
    USED_AT         TIMESTAMP      NOT NULL
);
-- pruning by age goes by last use
CREATE INDEX IF NOT EXISTS PASSERELLE_MEMORY_SEGMENT_USED ON PASSERELLE_MEMORY_SEGMENT (USED_AT);

-- An article's summary, under the key of its paragraphs (their keys, in order), with those keys.
CREATE TABLE IF NOT EXISTS PASSERELLE_MEMORY_ARTICLE (
    ARTICLE_KEY     CHAR(64)       NOT NULL PRIMARY KEY,
    PROVIDER        VARCHAR(32)    NOT NULL,
    MODEL           VARCHAR(200)   NOT NULL,
    PROMPT_VERSION  VARCHAR(64)    NOT NULL,
    SUMMARY         VARCHAR(32000) NOT NULL,
    PARAGRAPH_KEYS  VARCHAR(32000) NOT NULL,
    CREATED_AT      TIMESTAMP      NOT NULL,
    USED_AT         TIMESTAMP      NOT NULL
);
CREATE INDEX IF NOT EXISTS PASSERELLE_MEMORY_ARTICLE_USED ON PASSERELLE_MEMORY_ARTICLE (USED_AT);
