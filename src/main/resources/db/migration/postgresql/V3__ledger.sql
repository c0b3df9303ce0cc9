-- Version 3: Passerelle's article ledger, beside Spring Batch's own tables in the same database.
-- One row per input folder, article and content: the latest outcome of translating that content.
-- GLOSSARY_SHA256 fingerprints the glossary entries the translation used (null: none), QUALITY_FLAGS
-- holds its quality flags as a JSON array. The same columns as on HSQLDB, so histories copy across.
CREATE TABLE PASSERELLE_ARTICLE (
    INPUT_DIR         VARCHAR(2000) NOT NULL,
    ARTICLE_ID        VARCHAR(2000) NOT NULL,
    CONTENT_SHA256    VARCHAR(64)   NOT NULL,
    STATUS            VARCHAR(16)   NOT NULL,
    PROVIDER          VARCHAR(32),
    MODEL             VARCHAR(200),
    PROMPT_VERSION    VARCHAR(64),
    JOB_EXECUTION_ID  BIGINT        NOT NULL,
    OUTPUT_DIR        VARCHAR(2000),
    TRANSLATION_PATH  VARCHAR(4000),
    SUMMARY_PATH      VARCHAR(4000),
    METADATA_PATH     VARCHAR(4000),
    INPUT_TOKENS      BIGINT        DEFAULT 0 NOT NULL,
    OUTPUT_TOKENS     BIGINT        DEFAULT 0 NOT NULL,
    ATTEMPTS          INT           DEFAULT 0 NOT NULL,
    FAILURE_KIND      VARCHAR(32),
    ERROR_MESSAGE     VARCHAR(4000),
    SOURCE_URL        VARCHAR(4000),
    PUBLISHED         VARCHAR(64),
    AUTHOR            VARCHAR(1000),
    SOURCE_NAME       VARCHAR(500),
    GLOSSARY_SHA256   VARCHAR(64),
    FLAG_COUNT        INT           DEFAULT 0 NOT NULL,
    QUALITY_FLAGS     VARCHAR(16000),
    UPDATED_AT        TIMESTAMP     NOT NULL,
    PRIMARY KEY (INPUT_DIR, ARTICLE_ID, CONTENT_SHA256)
);
CREATE INDEX PASSERELLE_ARTICLE_CONTENT ON PASSERELLE_ARTICLE (CONTENT_SHA256);
CREATE INDEX PASSERELLE_ARTICLE_FOLDER_STATUS ON PASSERELLE_ARTICLE (INPUT_DIR, STATUS, ARTICLE_ID);
