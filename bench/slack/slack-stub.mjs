// A stand-in Slack Web API on 127.0.0.1 so ImtBot's outbox has somewhere to send the effects of the declarations.
// usage: PORT=3200 node slack-stub.mjs
import { createServer } from "node:http";

let n = 0;
const answer = (method) => {
  n++;
  const ts = `${1790000000 + n}.000100`;
  switch (method) {
    case "auth.test": return { user_id: "UBOT" };
    case "conversations.create": return { channel: { id: `C${n}`, name: `inc-${n}`, topic: { value: "" }, purpose: { value: "" } } };
    case "conversations.info": return { channel: { id: "C1", name: "inc", topic: { value: "" }, purpose: { value: "" } } };
    case "conversations.list": return { channels: [], response_metadata: { next_cursor: "" } };
    case "conversations.open": return { channel: { id: `D${n}` } };
    case "conversations.history": return { messages: [] };
    case "chat.postMessage": return { channel: "C1", ts };
    case "users.info": return { user: { id: "U1", name: "someone", profile: { display_name: "Someone" } } };
    default: return {};
  }
};
createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const method = (req.url ?? "").split("?")[0].split("/").pop();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, ...answer(method) }));
  });
}).listen(Number(process.env.PORT ?? 3200), "127.0.0.1");
