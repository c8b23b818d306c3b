// The durable peer: the smallest Bolt JS app that verifies /incident, inserts the declaration into PostgreSQL and
// acknowledges only after the INSERT has committed (one autocommit statement; synchronous_commit at its default, on,
// so the commit returns after its WAL is flushed to disk). A redelivered request (same trigger_id) is not stored twice.
// usage: SLACK_SIGNING_SECRET=… DATABASE_URL=postgres://… PORT=3101 [PG_POOL=20] node bolt-pg-app.mjs
import bolt from "@slack/bolt";
import pg from "pg";

const { App, LogLevel } = bolt;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PG_POOL ?? 20) });
await pool.query(`CREATE TABLE IF NOT EXISTS declarations (
  trigger_id text PRIMARY KEY, team_id text NOT NULL, channel_id text NOT NULL, user_id text NOT NULL,
  text text NOT NULL, declared_at timestamptz NOT NULL DEFAULT now())`);

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  // No network: a fixed installation instead of auth.test, and any Web API call goes to the local stub.
  authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCH" }),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "http://127.0.0.1:3200/api/" },
});
app.command("/incident", async ({ command, ack }) => {
  await pool.query(
    "INSERT INTO declarations (trigger_id, team_id, channel_id, user_id, text) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (trigger_id) DO NOTHING",
    [command.trigger_id, command.team_id, command.channel_id, command.user_id, command.text]);
  await ack({ response_type: "ephemeral", text: `ok: ${command.text}` });
});
await app.start({ port: Number(process.env.PORT ?? 3101), host: "127.0.0.1" });
console.log(`bolt+postgres listening on 127.0.0.1:${process.env.PORT ?? 3101}`);
