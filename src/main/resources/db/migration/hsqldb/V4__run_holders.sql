-- Version 4: who holds each input folder's run lock (a PostgreSQL advisory lock, which names no one),
-- so that a run refused on a busy folder can say which host and process has it. The holder writes its
-- row once it has the lock; a row left by a process that died is overwritten by the next holder.
CREATE TABLE PASSERELLE_RUN_HOLDER (
    INPUT_DIR  VARCHAR(2000) NOT NULL PRIMARY KEY,
    HOST       VARCHAR(255)  NOT NULL,
    PID        BIGINT        NOT NULL,
    SINCE      TIMESTAMP     NOT NULL
);
