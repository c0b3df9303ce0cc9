-- Version 17: what the workers of a distributed run share (PostgreSQL only: a history kept in a file
-- has no workers). IF NOT EXISTS: histories used by distributed runs before this migration already
-- have the workers' table. Spring Integration's message store tables come in version 17.1.

-- Each worker, its partition, and its last heartbeat (stamped and aged by the database's clock).
CREATE TABLE IF NOT EXISTS PASSERELLE_WORKER (
    WORKER_ID          VARCHAR(200) NOT NULL PRIMARY KEY,
    HOST               VARCHAR(255) NOT NULL,
    PID                BIGINT       NOT NULL,
    STARTED_AT         TIMESTAMP    NOT NULL,
    BEAT_AT            TIMESTAMP    NOT NULL,
    STEP_EXECUTION_ID  BIGINT
);

-- A provider's 429 pause, for every worker of a run (its job instance).
CREATE TABLE PASSERELLE_RUN_PAUSE (
    JOB_INSTANCE_ID  BIGINT      NOT NULL PRIMARY KEY,
    PAUSED_UNTIL     TIMESTAMPTZ NOT NULL
);

-- The spending account of a run's execution: billed tokens, estimates of calls in flight, cap reached.
CREATE TABLE PASSERELLE_RUN_SPENDING (
    JOB_EXECUTION_ID  BIGINT  NOT NULL PRIMARY KEY,
    INPUT_TOKENS      BIGINT  NOT NULL DEFAULT 0,
    OUTPUT_TOKENS     BIGINT  NOT NULL DEFAULT 0,
    RESERVED_TOKENS   BIGINT  NOT NULL DEFAULT 0,
    REACHED           BOOLEAN NOT NULL DEFAULT FALSE
);

-- Bucket4j's state of a run's requests- and tokens-per-minute buckets.
CREATE TABLE PASSERELLE_RATE_BUCKET (
    BUCKET_ID  VARCHAR(100) NOT NULL PRIMARY KEY,
    STATE      BYTEA
);
