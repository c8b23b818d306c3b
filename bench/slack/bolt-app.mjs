// The baseline: the smallest Bolt JS app that verifies and acknowledges /incident (in memory, nothing durable).
// usage: SLACK_SIGNING_SECRET=… PORT=3100 node bolt-app.mjs
import bolt from "@slack/bolt";

const { App, LogLevel } = bolt;
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: LogLevel.ERROR,
  // No network: a fixed installation instead of auth.test, and any Web API call goes to the local stub.
  authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCH" }),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? "http://127.0.0.1:3200/api/" },
});
app.command("/incident", async ({ command, ack }) => {
  await ack({ response_type: "ephemeral", text: `ok: ${command.text}` });
});
await app.start({ port: Number(process.env.PORT ?? 3100), host: "127.0.0.1" });
console.log(`bolt listening on 127.0.0.1:${process.env.PORT ?? 3100}`);
