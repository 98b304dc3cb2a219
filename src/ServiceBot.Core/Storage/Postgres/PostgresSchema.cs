namespace ServiceBot.Storage.Postgres;

/// <summary>
/// The state schema as numbered migrations. Each runs once, recorded in <c>schema_version</c>; each is written to be
/// harmless if run again (IF NOT EXISTS), so a half-recorded migration can simply be retried.
/// </summary>
public static class PostgresSchema
{
    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Migrations =
    [
        (1, "conversations, processed messages, feedback, handoffs, transcripts, audit trail, WeChat nonces", """
            CREATE TABLE IF NOT EXISTS conversations (
                id text PRIMARY KEY,
                channel text NOT NULL,
                user_id text NOT NULL,
                updated_at timestamptz NOT NULL,
                state text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_conversations_user ON conversations (channel, user_id, updated_at);
            CREATE TABLE IF NOT EXISTS processed_messages (
                channel text NOT NULL,
                user_id text NOT NULL,
                message_id text NOT NULL,
                conversation_id text NOT NULL,
                reply text NOT NULL,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (channel, user_id, message_id));
            CREATE TABLE IF NOT EXISTS feedback (
                conversation_id text NOT NULL,
                message_id text NOT NULL,
                rating text NOT NULL CHECK (rating IN ('up', 'down')),
                comment text,
                created_at timestamptz NOT NULL,
                PRIMARY KEY (conversation_id, message_id));
            CREATE TABLE IF NOT EXISTS handoffs (
                conversation_id text PRIMARY KEY,
                channel text NOT NULL,
                user_id text NOT NULL,
                state text NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
                reason text NOT NULL,
                waiting_since timestamptz NOT NULL,
                agent text,
                taken_at timestamptz,
                closed_at timestamptz,
                outcome text,
                summary text,
                channel_address text);
            CREATE INDEX IF NOT EXISTS ix_handoffs_state ON handoffs (state, waiting_since);
            CREATE TABLE IF NOT EXISTS transcript_lines (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_id text NOT NULL,
                speaker text NOT NULL,
                text text NOT NULL,
                at timestamptz NOT NULL,
                agent text,
                message_id text);
            CREATE INDEX IF NOT EXISTS ix_transcript_conversation ON transcript_lines (conversation_id, id);
            CREATE UNIQUE INDEX IF NOT EXISTS ux_transcript_message ON transcript_lines (conversation_id, speaker, message_id)
                WHERE message_id IS NOT NULL;
            CREATE TABLE IF NOT EXISTS audit_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_id text NOT NULL,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                action text NOT NULL,
                detail text,
                cited text NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_audit_conversation ON audit_log (conversation_id, id);
            CREATE TABLE IF NOT EXISTS wechat_nonces (
                timestamp text NOT NULL,
                nonce text NOT NULL,
                delivery text NOT NULL,
                expires_at timestamptz NOT NULL,
                PRIMARY KEY (timestamp, nonce));
            CREATE INDEX IF NOT EXISTS ix_wechat_nonces_expiry ON wechat_nonces (expires_at);
            """),
        (2, "channel deliveries already taken in (Bot Framework activity ids)", """
            CREATE TABLE IF NOT EXISTS channel_deliveries (
                key text PRIMARY KEY,
                expires_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_channel_deliveries_expiry ON channel_deliveries (expires_at);
            """),
        (3, "the Data Protection key ring that encrypts stored user data, shared by replicas; indexes for the retention sweep", """
            CREATE TABLE IF NOT EXISTS data_protection_keys (
                name text PRIMARY KEY,
                xml text NOT NULL,
                created_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_conversations_updated ON conversations (updated_at);
            CREATE INDEX IF NOT EXISTS ix_processed_messages_created ON processed_messages (created_at);
            """),
        (4, "turn analytics: one row per user turn, for the dashboards and the review queue", """
            CREATE TABLE IF NOT EXISTS turns (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                channel text NOT NULL,
                conversation_id text NOT NULL,
                user_hash text NOT NULL,
                outcome text NOT NULL,
                handed_off boolean NOT NULL,
                question text,
                task_name text,
                task_run text,
                task_state text,
                asked_slot text);
            CREATE INDEX IF NOT EXISTS ix_turns_at ON turns (at);
            CREATE INDEX IF NOT EXISTS ix_turns_user ON turns (channel, user_hash);
            """),
        (5, "state and replies encrypted as bytes; a version stamp per conversation row for replicas' state caches", """
            ALTER TABLE conversations ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 0;
            ALTER TABLE conversations ADD COLUMN IF NOT EXISTS sealed_state bytea;
            ALTER TABLE conversations ALTER COLUMN state DROP NOT NULL;
            ALTER TABLE processed_messages ADD COLUMN IF NOT EXISTS sealed_reply bytea;
            ALTER TABLE processed_messages ALTER COLUMN reply DROP NOT NULL;
            """),
        (6, "conversation history one exchange a row, so a turn writes its own exchange rather than the whole history; analytics questions sealed as bytes", """
            CREATE TABLE IF NOT EXISTS conversation_turns (
                conversation_id text NOT NULL,
                seq bigint NOT NULL,
                at timestamptz NOT NULL,
                sealed_turn bytea NOT NULL,
                PRIMARY KEY (conversation_id, seq));
            ALTER TABLE conversations ADD COLUMN IF NOT EXISTS history_from bigint;
            ALTER TABLE conversations ADD COLUMN IF NOT EXISTS history_to bigint;
            ALTER TABLE turns ADD COLUMN IF NOT EXISTS sealed_question bytea;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}
